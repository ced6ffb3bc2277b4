"""Writes: every change to the archive goes through one of these keyword-only functions, which
validate (`full_clean()`) and then save. Views, admin actions and commands only call them.

- records.py   the one way a photo is written: validation, version (the no-lost-update
               check), history with user and reason; one photo or a batch
- imports.py   caption blocks into the archive: one block (paste) or many in batches
               (`import_captions`); a re-import of the same block writes nothing
- photos.py    an editor's save from the change form: new place, image, review state
- bulk.py      bulk actions over a selection, each photo with a history record
- images.py    attaching an image file and what its metadata states to a record
- places.py    the one Place row for a set of parts, with every name it is found under
- articles.py  articles and their links to photos
"""
