"""The researcher's pages: browse with filters and facets, a photo, articles, image files.
Views stay thin: reads through `captions.selectors`, writes through `captions.services`.

- views.py  `/`, `/photos/<id>/` (and linking an article from it), `/articles/...`, `/healthz`
- media.py  stored image files and renditions, served only to those who may see them
"""
