"""The photo archive caption manager (Django app label `captions`). Where each job lives:

- core/        PURE (no Django): print arithmetic, partial dates, places in four languages,
               text folding, the caveat and problem vocabularies, the text-file reader
- ingest/      PURE: the caption parser, caption block text -> fields + problems
- models.py    Photo, Place, Article; QuerySet methods for the common questions
- validation.py  the record's rules, behind Photo.clean() (one implementation for every path)
- selectors/   every read: query shapes, the browse FilterSet, search, facets, pages, history
- services/    every write, through records.py (version check, history): imports, editor
               saves, bulk actions, images, places, articles
- images/      image files: upload checks, embedded metadata read and written (libexiv2),
               renditions, many files prepared in worker processes (PURE but uploads.py)
- admin/       the editor workflow in Django's admin: configuration only
- editorial/   the editor's forms and the paste page the admin points to
- browse/      the researcher pages and image files
- exports/     print-ready specs: rows, then CSV / JSON / PDF renderers; their views and the API
- templatetags/, management/commands/, demo/, data/, migrations/  as Django names them
- synthetic.py the generator behind `generate_archive`
- apps.py, checks.py, conf.py, roles.py, urls.py   app wiring, system checks, settings, roles

Layers, kept by import-linter (pyproject.toml): core <- ingest <- models <- selectors <-
services <- the screens (admin, editorial, browse, exports); a lower layer never imports a
higher one, and the screens do not import each other (the admin may use editorial's forms).
"""
