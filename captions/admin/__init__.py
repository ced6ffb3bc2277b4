"""The editor workflow in Django's admin. Configuration only: the rules are in
`captions.validation`, the writes in `captions.services`, the reads in `captions.selectors`, the
forms and the paste page in `captions.editorial`.

- photos.py       PhotoAdmin: the change list's columns and the change form's fieldsets
- filters.py      the change list's filters (country, decade, caveat, supplier, image file)
- actions.py      bulk actions (place, caveats, reviewed, article), each one service call
- places.py, articles.py   the two small tables
- permissions.py  only Editors (and superusers) reach the write views
- safety.py       a selection or lookup by a number no record can have: a message, not an error
- audit.py        the audit trail, read-only, for superusers only
"""

from django.contrib import admin

from captions.admin import articles, audit, photos, places  # noqa: F401  (each registers its ModelAdmin)

# Three models need no navigation sidebar; the change list needs the width for its columns.
admin.site.enable_nav_sidebar = False
