"""What makes two caption blocks the same photo, and the same block again.

PURE: no Django import. Three questions, three answers:

- `photo_fingerprint`  the photo a block describes, over its parsed fields (caption with
                       whitespace, case, accents and punctuation folded; pixels; date; place;
                       credit; and the supplier's image id when it has one), so the same caption
                       pasted with an article after it, or with other line breaks, is one photo.
                       A block that states none of these is known by its other parsed fields
                       (headline, keywords, ...), never by its raw text. Stored in
                       `Photo.fingerprint` (unique) and matched exactly; `block_fingerprint`
                       takes it from a parsed block (`ParsedCaption.fingerprint`).
- `import_digest`      every value an import writes: the same digest again means the very same
                       block, and nothing is written (a re-import never overwrites an editor's
                       corrections). Stored in `Photo.import_digest`.
- `caption_similarity` how alike two captions read (0..1), for near-duplicates: same image id
                       under another supplier, or same pixels, date and place with a caption
                       this alike (>= NEAR_DUPLICATE_SIMILARITY).

Both hashes read plain values (the model's field values), so the data migration that
recomputes them from stored rows and an import from parsed blocks agree to the bit.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

from captions.core.text import fold

NEAR_DUPLICATE_SIMILARITY = 0.9
# rapidfuzz's Indel ratio is O(n·m/64): two 2,000-character captions compare in ~20 µs, two
# 200,000-character pastes would take seconds. A caption alike over its first 2,000 characters
# is alike enough to show an editor.
SIMILARITY_CHARS = 2000

# The fields a caption import writes (services.imports.photo_values_from_parsed, without the two
# hashes; a test keeps them equal). The import digest is taken over exactly these and the place.
IMPORTED_FIELDS = (
    "supplier",
    "source_id",
    "caption",
    "headline",
    "language",
    "credit",
    "creator",
    "copyright_notice",
    "keywords",
    "width_px",
    "height_px",
    "dpi",
    "date_text",
    "date_edtf",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "place_text",
    "restriction_text",
    "embargo_until",
    "problems",
    "needs_review",
    "caveat_editorial_only",
    "caveat_embargo",
    "caveat_imperfect_historical",
    "caveat_mandatory_credit",
    "caveat_no_model_release",
)
PLACE_PARTS = ("sublocation", "city", "region", "country_code")

_NOT_WORD = re.compile(r"[\W_]+")


def caption_key(text: str | None) -> str:
    """The caption as compared: folded (case, accents, quotes, whitespace) and without
    punctuation, so 'Kremlin, Moscow.' and 'kremlin moscow' are one text."""
    return " ".join(_NOT_WORD.sub(" ", fold(text or "")).split())


def place_key(place: Sequence[str | None]) -> tuple[str, ...]:
    """(sublocation, city, region, country_code) as a Place row stores them."""
    sublocation, city, region, code = (tuple(place) + ("", "", "", ""))[:4]
    return (
        (sublocation or "").strip()[:200],
        (city or "").strip()[:200],
        (region or "").strip()[:200],
        (code or "").strip().upper()[:2],
    )


def _iso(value) -> str:
    return value.isoformat() if value else ""


# Parsed fields a block is known by when it states no caption, pixels, date, place or credit
# (a headline and keywords alone, say): still its parsed fields, never its raw text, so the
# same block with other text or spacing around it is one photo. Added in material of its own
# ("photo/2-other"), so every fingerprint taken over the five fields above is unchanged.
OTHER_IDENTITY_FIELDS = (
    "headline",
    "keywords",
    "creator",
    "copyright_notice",
    "dpi",
    "date_text",
    "place_text",
    "restriction_text",
    "embargo_until",
)
# The lengths the photo record keeps (the import clips to them: `block_fingerprint` and the
# import must hash the same values, and stored rows hold the clipped ones).
FIELD_LENGTHS = {
    "supplier": 100,
    "source_id": 100,
    "credit": 300,
    "headline": 500,
    "creator": 200,
    "copyright_notice": 300,
    "date_text": 200,
    "place_text": 300,
}


def photo_fingerprint(values: Mapping, place: Sequence[str | None]) -> str:
    """The photo's fingerprint over its parsed fields (`values`: the record's field values).
    Caption, pixels, date, place and credit identify the photo; a block that states none of
    them is known by the rest of what it states (OTHER_IDENTITY_FIELDS). A block that states
    nothing at all has the fingerprint of nothing: the same empty block again is one record."""
    identity = _identity(values, place)
    source_id = (values.get("source_id") or "").strip()
    # With an image id the photo is known by it (supplier + id are unique); it is part of the
    # fingerprint so that two photos of one series, captioned alike, keep two fingerprints.
    id_part = f"{fold(values.get('supplier') or '')}|{source_id}" if source_id else ""
    if any(identity):
        material = ["photo/2", id_part, *identity]
    else:
        other = [_other_text(values.get(name)) for name in OTHER_IDENTITY_FIELDS]
        # a caption of punctuation alone ('...') folds to nothing above; as written, it is something
        material = ["photo/2-other", id_part, fold(values.get("caption") or ""), *other]
    return hashlib.sha256("\x1f".join(material).encode("utf-8", "surrogatepass")).hexdigest()


def _identity(values: Mapping, place: Sequence[str | None]) -> list[str]:
    return [
        caption_key(values.get("caption")),
        str(values.get("width_px") or ""),
        str(values.get("height_px") or ""),
        _iso(values.get("date_start")),
        _iso(values.get("date_end")),
        *(caption_key(part) for part in place_key(place)),
        caption_key(values.get("credit")),
    ]


def names_the_photo(values: Mapping, place: Sequence[str | None]) -> bool:
    """Whether the values state a caption, pixels, a date, a place or a credit (what the photo
    is known by first); else `photo_fingerprint` reads the other fields."""
    return any(_identity(values, place))


def _other_text(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return _plain(value)
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item) for item in value)
    return caption_key(str(value)) if value not in (None, "") else ""


def block_fingerprint(block) -> str:
    """`photo_fingerprint` of a parsed block (a `captions.ingest.ParsedCaption`), over the
    values its record would hold: the import stores exactly this."""
    values = {
        "caption": block.caption or "",
        "width_px": block.width_px,
        "height_px": block.height_px,
        "date_start": block.date_start,
        "date_end": block.date_end,
        "keywords": ", ".join(block.keywords or []),
        "dpi": block.dpi,
        "restriction_text": block.restriction_text or "",
        "embargo_until": block.embargo_until,
    }
    for name, length in FIELD_LENGTHS.items():
        values[name] = (getattr(block, name) or "")[:length]
    return photo_fingerprint(values, (block.sublocation, block.city, block.region, block.country_code))


def _plain(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


# json.dumps with these arguments, made once (json.dumps builds an encoder on every call that
# passes any): the same text, byte for byte
_DIGEST_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_ALREADY_PLAIN = frozenset((str, int, bool, float, type(None)))


def import_digest(values: Mapping, place: Sequence[str | None]) -> str:
    """A hash of every value an import writes (IMPORTED_FIELDS) and the place: equal digests
    mean the very same block, whatever text was around it."""
    material = {}
    for name in IMPORTED_FIELDS:
        value = values.get(name)
        material[name] = value if type(value) in _ALREADY_PLAIN else _plain(value)
    material["place"] = list(place_key(place))
    encoded = _DIGEST_ENCODER.encode(material)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def comparable(caption: str | None) -> str:
    """A caption as `most_alike` compares it: folded, first SIMILARITY_CHARS characters."""
    return caption_key(caption)[:SIMILARITY_CHARS]


def most_alike(caption: str | None, candidates: Mapping) -> tuple[object, float] | None:
    """The key of the candidate caption most alike to `caption` (the first of equals) and
    their similarity, when it is at least NEAR_DUPLICATE_SIMILARITY; else None. `candidates`
    maps keys to `comparable()` captions, so each is folded once however many blocks it is
    compared with; the loop runs in rapidfuzz's C code, which also skips a pair whose lengths
    alone rule the threshold out."""
    found = process.extractOne(
        comparable(caption), candidates, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_SIMILARITY * 100
    )
    if found is None:
        return None
    _choice, score, key = found
    return key, score / 100.0


def caption_similarity(a: str | None, b: str | None) -> float:
    """How alike two captions read, 0..1: rapidfuzz's normalised Indel similarity (1 - edits /
    total length) over the folded captions' first SIMILARITY_CHARS characters.

    Measured on the seed caption (244 characters): one word changed gives 0.97 here and 0.61
    with difflib's SequenceMatcher, whose greedy longest-block matching is no edit measure
    (one name changed: 0.98 here, 0.47 there); and difflib took 82 µs a pair against 0.3 µs
    (680 µs against 1.2 µs at 2,000 characters)."""
    left, right = caption_key(a)[:SIMILARITY_CHARS], caption_key(b)[:SIMILARITY_CHARS]
    if not left and not right:
        return 1.0
    return fuzz.ratio(left, right) / 100.0


def alike_percent(similarity: float, ours: str | None, theirs: str | None) -> int:
    """`similarity` as the whole percentage an editor reads ("97% alike"): floored, so a caption
    with a word that differs never reads "100% alike" (0.997 is 99%), and 100 only when the two
    texts are the same (whitespace aside; the similarity reads only the folded first
    SIMILARITY_CHARS characters, so it can be 1.0 for texts that differ)."""
    percent = min(100, math.floor(round(similarity * 100, 6)))  # 0.29 * 100 is 28.999999999999996
    if " ".join((ours or "").split()) != " ".join((theirs or "").split()):
        percent = min(percent, 99)
    return percent


_WORD_AND_SPACE = re.compile(r"\S+\s*")
MARKED_CHARS = 1200  # a caption's first characters shown with its differences marked


def marked_differences(ours: str | None, theirs: str | None) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Two alike captions as runs of (text, differs) for an editor to see at a glance what one
    near-duplicate says that the other does not: words compared folded (case, accents and
    punctuation aside, as `caption_similarity` reads them), each caption's first MARKED_CHARS
    characters (an ellipsis after a cut)."""
    ours_words = _WORD_AND_SPACE.findall((ours or "")[:MARKED_CHARS])
    theirs_words = _WORD_AND_SPACE.findall((theirs or "")[:MARKED_CHARS])
    matcher = difflib.SequenceMatcher(
        None, [caption_key(w) for w in ours_words], [caption_key(w) for w in theirs_words], autojunk=False
    )
    ours_runs: list[tuple[str, bool]] = []
    theirs_runs: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        differs = tag != "equal"
        for runs, words in ((ours_runs, ours_words[i1:i2]), (theirs_runs, theirs_words[j1:j2])):
            text = "".join(words)
            marked = text.rstrip() if differs else text
            if marked:
                runs.append((marked, differs))
            if len(marked) < len(text):  # the space after a marked run is not marked
                runs.append((text[len(marked) :], False))
    for runs, text in ((ours_runs, ours or ""), (theirs_runs, theirs or "")):
        if len(text) > MARKED_CHARS:
            runs.append(("…", False))
    return ours_runs, theirs_runs
