"""The data files of captions/data (vocabulary, label lists, place phrases), read once.

PURE: no Django import. Every module that builds its word sets or patterns from a data file reads
it here, so a new agency or language is an edit to a JSON file and the files are parsed once per
process. The returned objects are shared: read them, never change them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def load_data(name: str):
    """The parsed JSON of captions/data/`name`."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)
