"""Reads: every query a page, an export, the API or the admin needs. Views and the admin call
these (or the QuerySet methods on `Photo.objects`); they do not build queries of their own.

- photos.py       query shapes of photos (browse, one photo with its relations, more like
                  this), the shoot-date window and orientation conditions, existing records
- filters.py      the one FilterSet behind browse, exports, the API and `export_specs`
- search.py       words: full text on PostgreSQL, stems on SQLite; highlighting
- places.py       places known under a name, in any language
- facets.py       the result total and the facet counts, bounded on a million photos
- pages.py        pages of results without counting the whole selection
- articles.py     the article list, photo counts, an article's photos
- suggestions.py  articles an editor may want to link to a photo
- history.py      who changed which fields since an editor loaded a photo; which fields
                  were corrected by hand since a photo's last import (a re-import keeps them)
- duplicates.py   near-duplicates of caption blocks: the same image id under another
                  supplier, or the same pixels, date and place with a caption 90% alike
"""
