"""Writes: every change to the archive goes through one of these keyword-only functions, which
validate (`full_clean()`) and then save. Views, admin actions and commands only call them.

- records.py   the one way a photo is written: validation, version (the no-lost-update
               check), history with user and reason; one photo or a batch
- imports.py   caption blocks into the archive: one block (paste) or many in batches
               (`import_captions`); a re-import of the same block writes nothing, one that
               updates a record changes only the fields that differ and keeps those an
               editor corrected by hand (unless `overwrite_edits`); the paste preview is its
               dry run (`preview_blocks`)
- image_imports.py  image files into the archive, by the folder or one by one
- photos.py    an editor's save from the change form: new place, image, review state
- bulk.py      bulk actions over a selection, each photo with a history record
- images.py    attaching an image file and what its metadata states to a record
- places.py    the one Place row for a set of parts, with every name it is found under
- articles.py  articles and their links to photos
- lightboxes.py  lightboxes: their photos, order, notes and sharing
- audit.py     the audit trail: sign-ins, lockouts, everything that left the archive
- backup.py    the whole archive out to a folder and back (`export_archive`, `import_archive`)
- facet_summary.py  the facet summary's triggers and its full rebuild
"""
