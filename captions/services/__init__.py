"""Writes: every change to the archive goes through one of these keyword-only functions, which
validate (`full_clean()`) and then save. Views, admin actions and commands only call them.

- imports.py   caption blocks into the archive: one block (paste) or many in batches
               (`import_captions`); a re-import of the same block writes nothing
- photos.py    an editor's save: the review state, the no-lost-update rule (EditConflict)
- bulk.py      bulk actions over a selection, each photo with a history record
- images.py    attaching an image file and what its metadata states to a record
- places.py    the one Place row for a set of parts, with every name it is found under
- articles.py  articles and their links to photos
"""
