"""The editor's own screens inside the admin: forms and the paste page. The admin classes
(`captions.admin`) only configure and point here.

- forms.py    the photo change form: stated print sizes, a new place, an image upload, the
              shoot date read from its text, the edit-conflict check
- conflicts.py the no-lost-update rule as the form sees it: what others changed since the
              editor loaded the record, and which fields to show with their values
- paste.py    "Paste caption block": form, view and preview (template
              templates/admin/captions/photo/paste.html)
- display.py  print sizes as an editor reads them
"""
