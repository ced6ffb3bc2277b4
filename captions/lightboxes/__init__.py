"""Lightboxes as their users see them: gather photos for a story, order them, note them, share
them (SPEC "/lightboxes/..."). Views stay thin: who may do what is
`captions.selectors.lightboxes`, every change `captions.services.lightboxes`.

- views.py  the list (and creating one), a lightbox's page, add / remove (one photo, several,
            or every result of a search), reorder (drag, keyboard or buttons), notes, sharing,
            rename and delete, and which lightbox the browse cards add to
- forms.py  the few forms those pages post

A lightbox is also a browse filter (`lightbox=<id>`, in `captions.selectors.filters`), so
browse, the exports, the API and `export_specs` take it like any other; its print package is
an export (`captions.exports.package`).
"""
