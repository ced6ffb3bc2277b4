"""Caption blocks into the archive: the one save loop behind `import_captions` and the admin's
paste page.

A block is matched to its record by supplier + image id, else by the fingerprint of its parsed
fields (`captions.core.fingerprints`: the same caption with other text around it is the same
photo). A block that matches nothing exactly may still be a near-duplicate of a record (the
same image id under another supplier, or the same pixels, date and place with a caption at
least 90% alike, `captions.selectors.duplicates`); the caller says what to do with it: update
that record, keep both (a new photo), or skip the block.

Blocks are written in batches (bulk statements, one transaction each); a batch that fails in
the database is retried block by block, each in its own transaction, so a bad block never
leaves half a record and never costs the others. Both callers report in one vocabulary,
`created N, updated M, unchanged U, flagged K` (and `, skipped S`, `, failed F` when there are
any): "unchanged" is the very same block again (the same import digest: every value it sets),
or a block whose every difference is a field an editor kept, and nothing is written for it (no
history row, no version bump). The very same block onto a record an editor corrected since
names the edits it keeps; with `overwrite_edits` it restores its values over them.

A block that updates a record changes only the fields whose values differ (`plan_update`, by
the groups an editor sees: FIELD_GROUPS), and keeps a field an editor changed by hand since the
record was last imported or created (`selectors.history.fields_edited_since_import`), unless
the caller says `overwrite_edits`; each record that kept or lost such an edit is reported
(`ImportResult.edits`: "updated #12: caption, date; kept your edit of place").

The paste preview asks the dry run of the same loop (`preview_blocks`): what it shows per
block is what the save does.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.expressions import DatabaseDefault
from django.utils.translation import gettext_noop

from captions import times, validation
from captions.core import fingerprints
from captions.core.fingerprints import comparable, most_alike
from captions.ingest import ParsedCaption
from captions.models import CAVEAT_TAGS, Photo, Place, caveat_field
from captions.selectors.duplicates import BY_CONTENT, BY_SOURCE_ID, BlockIdentity, NearDuplicate, near_duplicates
from captions.selectors.history import fields_edited_since_import
from captions.selectors.photos import find_existing_photo
from captions.services import records
from captions.services.places import get_or_create_place
from captions.validation import PROBLEM_FIELDS

# Blocks a batch: each batch's lookups are a few statements whatever its size (exact matches,
# near-duplicate candidates) and its writes two COPYs (the facet summary's triggers run once a
# statement), so larger batches cost fewer round trips; a batch that fails in the database is
# retried block by block.
IMPORT_BATCH_SIZE = 2000
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SUMMARY = gettext_noop("created %(created)d, updated %(updated)d, unchanged %(unchanged)d, flagged %(flagged)d")
SKIPPED = gettext_noop(", skipped %(skipped)d")
FAILED = gettext_noop(", failed %(failed)d")

# What to do with a block that is a near-duplicate of a record.
UPDATE, KEEP, SKIP = "update", "keep", "skip"
NEAR_DUPLICATE_ACTIONS = (UPDATE, KEEP, SKIP)
# A near-duplicate to update that has nothing to change (its only differences are fields an
# editor corrected by hand, kept) writes nothing: its line says so (UNCHANGED), not "updated it".
# Its fingerprint stays the record's, so the next run finds it as a near-duplicate again.
MATCH_LINES = {
    UPDATE: gettext_noop("matches #%(id)d: updated it"),
    UNCHANGED: gettext_noop("matches #%(id)d: nothing to update in it"),
    KEEP: gettext_noop("matches #%(id)d: kept both"),
    SKIP: gettext_noop("matches #%(id)d: skipped, not saved"),
}
MATCH_BLOCK_LINES = {
    UPDATE: gettext_noop("matches block %(n)d: updated it"),
    UNCHANGED: gettext_noop("matches block %(n)d: nothing to add to it"),
    KEEP: gettext_noop("matches block %(n)d: kept both"),
    SKIP: gettext_noop("matches block %(n)d: skipped, not saved"),
}


@dataclass(frozen=True)
class EarlierBlock:
    """What a near-duplicate matches in a dry run when it is an earlier block's unsaved photo."""

    number: int


# What an editor sees as one field of a record: a re-import changes, keeps or reports each
# group whole (a date's text, interval and precision go together; so do a place and its text).
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "caption": ("caption",),
    "headline": ("headline",),
    "language": ("language",),
    "credit": ("credit",),
    "creator": ("creator",),
    "copyright": ("copyright_notice",),
    "keywords": ("keywords",),
    "pixels": ("width_px", "height_px"),
    "dpi": ("dpi",),
    "date": ("date_text", "date_edtf", "date_start", "date_end", "date_precision", "date_approximate"),
    "place": ("place", "place_text"),
    "caveats": tuple(caveat_field(tag) for tag in CAVEAT_TAGS),
    "restrictions": ("restriction_text",),
    "embargo": ("embargo_until",),
    "image_id": ("supplier", "source_id"),
}
FIELD_GROUP_LABELS = {
    "caption": gettext_noop("caption"),
    "headline": gettext_noop("headline"),
    "language": gettext_noop("language"),
    "credit": gettext_noop("credit"),
    "creator": gettext_noop("creator"),
    "copyright": gettext_noop("copyright notice"),
    "keywords": gettext_noop("keywords"),
    "pixels": gettext_noop("pixels"),
    "dpi": gettext_noop("dpi"),
    "date": gettext_noop("date"),
    "place": gettext_noop("place"),
    "caveats": gettext_noop("caveats"),
    "restrictions": gettext_noop("restrictions"),
    "embargo": gettext_noop("embargo"),
    "image_id": gettext_noop("image id"),
}
# the history columns behind the groups (a place by its id)
_EDIT_TRACKED = tuple("place_id" if name == "place" else name for names in FIELD_GROUPS.values() for name in names)
UPDATED_LINE = gettext_noop("updated #%(id)d: %(fields)s")
UNCHANGED_LINE = gettext_noop("nothing to update in #%(id)d")
KEPT_PART = gettext_noop("kept your edit of %(fields)s")
OVERWRITTEN_PART = gettext_noop("replaced your edit of %(fields)s")
SHOWN_LENGTH = 60  # a changed value in a preview: this many characters, around its first difference


@dataclass(frozen=True)
class FieldChange:
    """One group of a record's fields a block would change: its values now and from the block,
    short (`shown`), for the preview and the reports."""

    group: str  # a FIELD_GROUPS key
    old: str
    new: str

    def label_in(self, translate) -> str:
        return translate(FIELD_GROUP_LABELS[self.group])


@dataclass
class UpdatePlan:
    """What a block does to a record it updates: the groups whose values differ, less the ones
    an editor changed by hand since the last import (kept), unless the import overwrites edits."""

    incoming: dict
    place: tuple[str, ...]
    changes: list[FieldChange] = field(default_factory=list)  # not edited: updated
    kept: list[FieldChange] = field(default_factory=list)  # edited by hand: left as the editor made them
    overwritten: list[FieldChange] = field(default_factory=list)  # edited by hand, replaced (overwrite_edits)

    @property
    def applied(self) -> list[str]:
        return [change.group for change in (*self.changes, *self.overwritten)]


def _record_place(photo: Photo) -> tuple[str, ...]:
    pending = photo.__dict__.get("_import_place")  # set by an earlier block of a dry run
    if pending is not None:
        return pending
    if photo.place_id is None:
        return fingerprints.place_key(())
    place = photo.place
    return fingerprints.place_key((place.sublocation, place.city, place.region, place.country_code))


def _shown(group: str, values: tuple) -> str:
    """A group's value as one line (the preview's old -> new, cut by `_around_difference`)."""
    if group == "place":
        parts, text = values
        shown = ", ".join(part for part in parts if part) or text
    elif group == "pixels":
        shown = f"{values[0]} × {values[1]} px" if values[0] and values[1] else ""
    elif group == "date":
        text, edtf, start, end = values[:4]
        shown = text or edtf or (start.isoformat() if start else "")
        if not text and start and end and end != start:
            shown = f"{start.isoformat()} – {end.isoformat()}"
    elif group == "caveats":
        shown = ", ".join(tag for tag, on in zip(CAVEAT_TAGS, values, strict=True) if on)
    elif group == "embargo":
        shown = values[0].isoformat(timespec="minutes") if values[0] else ""
    else:
        shown = " ".join(str(value) for value in values if value not in (None, ""))
    return " ".join(shown.split())


def _around_difference(old: str, new: str, length: int = SHOWN_LENGTH) -> tuple[str, str]:
    """Two values of a field, each cut to `length` characters from the same word a little before
    the first character where they differ: a caption corrected in its fifteenth word shows that
    word ('…im Kreml ein Treffen mit dem…' -> '…im Kreml ein Gespräch mit dem…'), where cutting
    both at their start showed two equal beginnings."""

    def cut(text: str, start: int) -> str:
        piece = ("…" if start else "") + text[start:]
        return piece if len(piece) <= length else piece[: length - 1] + "…"

    if len(old) <= length and len(new) <= length:
        return old, new
    same = len(os.path.commonprefix([old, new]))
    start = max(0, same - length // 3)
    if start:  # from a word's start; the text before `same` is the same in both
        space = old.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    return cut(old, start), cut(new, start)


def _differing_groups(photo: Photo, incoming: dict, place: tuple[str, ...]):
    """(group, names, old, new) for each FIELD_GROUPS group whose values on the record differ
    from the block's."""
    for group, names in FIELD_GROUPS.items():
        old = tuple((_record_place(photo) if name == "place" else getattr(photo, name)) for name in names)
        new = tuple((place if name == "place" else incoming[name]) for name in names)
        if old != new:
            yield group, names, old, new


def _differs_from_block(photo: Photo, values: dict, parsed) -> bool:
    """Whether a record holds other values than a block with its very import digest: an editor
    changed it by hand since that import, or kept such an edit through it (pure, no query)."""
    incoming = values
    if photo.source_id and not values["source_id"]:
        incoming = {**values, "supplier": photo.supplier, "source_id": photo.source_id}
    return next(_differing_groups(photo, incoming, place_parts(parsed)), None) is not None


def plan_update(photo: Photo, values: dict, parsed, *, edited, overwrite_edits: bool, near: bool) -> UpdatePlan:
    """Compare a block's values with the record it updates, group by group: a group whose
    value differs is changed, unless an editor changed one of its fields by hand since the
    record was last imported (`edited`: attnames, `fields_edited_since_import`): that group is
    kept, or replaced with `overwrite_edits`. A near-duplicate, or a block with no image id,
    keeps the record's own supplier and image id when it has one (as `_apply`): a record found
    by the fingerprint of a block without an id (which a near-duplicate update gave it) would
    otherwise lose its id to the next such block."""
    incoming = dict(values)
    if photo.source_id and (near or not incoming["source_id"]):
        incoming["supplier"], incoming["source_id"] = photo.supplier, photo.source_id
    plan = UpdatePlan(incoming, place_parts(parsed))
    for group, names, old, new in _differing_groups(photo, incoming, plan.place):
        change = FieldChange(group, *_around_difference(_shown(group, old), _shown(group, new)))
        if any(("place_id" if name == "place" else name) in edited for name in names):
            (plan.overwritten if overwrite_edits else plan.kept).append(change)
        else:
            plan.changes.append(change)
    return plan


def _kept_edits(photo: Photo, values: dict, parsed, edited, *, near: bool) -> UpdatePlan | None:
    """For the very same block again (its import digest) without `overwrite_edits`: the plan of
    what it leaves alone, its kept edits only (the same block again writes nothing), or None
    when the record holds the block's values."""
    if not _differs_from_block(photo, values, parsed):
        return None
    plan = plan_update(photo, values, parsed, edited=edited, overwrite_edits=False, near=near)
    plan.changes = []  # not written: the same block again is "unchanged" (SPEC)
    return plan if plan.kept else None


def _apply_plan(photo: Photo, plan: UpdatePlan, parsed, places: PlaceCache | None) -> None:
    """Set the groups a plan changes on its record (the place from `places`, in a run that
    writes), and the block's keys. A problem follows the fields it is about: the block's for
    the fields it changes, the record's own (an editor's review included) for the others."""
    changed: set[str] = set()
    for group in plan.applied:
        for name in FIELD_GROUPS[group]:
            if name == "place":
                if places is not None:
                    photo.place = places.get(parsed)
                photo.__dict__["_import_place"] = plan.place
            else:
                setattr(photo, name, plan.incoming[name])
            changed.add(name)
    photo.fingerprint, photo.import_digest = plan.incoming["fingerprint"], plan.incoming["import_digest"]

    def about_changed(code: str) -> bool:
        # the fields a problem is about, and the ones that carry it now (a title's day that
        # does not exist is the headline's: validation.problem_fields, as the banner names it)
        return bool(changed & {*PROBLEM_FIELDS.get(code, ()), *validation.problem_fields(photo, code)})

    before = sorted(photo.problems or [])
    carried = {code for code in before if not about_changed(code)}
    # A problem the record carries over that its fields, as they now stand, no longer show
    # goes (a corrected title's invalid_date: the block changed the headline only); one the
    # fields cannot show again stays. The place's check needs no second look (the place did
    # not change, or its problem is not carried) and would cost a query per record.
    rechecked = carried & set(validation.RECHECKABLE) - {"unknown_country"}
    if rechecked:
        carried -= rechecked - set(validation.current_problems(photo, kept=sorted(rechecked)))
    problems = sorted({code for code in plan.incoming["problems"] if about_changed(code)} | carried)
    if problems != before:
        photo.problems, photo.needs_review = problems, bool(problems)


def photo_values_from_parsed(parsed) -> dict:
    """Model field values for a parsed caption block (`captions.ingest.ParsedCaption`).

    Stated print sizes are not here: they were checked by the parser (print_size_mismatch)
    and are discarded, since print sizes are always derived from pixels and dpi.
    """
    values = {
        "supplier": (parsed.supplier or "")[:100],
        "source_id": (parsed.source_id or "")[:100],
        "caption": parsed.caption or "",
        "headline": (parsed.headline or "")[:500],
        "language": parsed.language or "",
        "credit": (parsed.credit or "")[:300],
        "creator": (parsed.creator or "")[:200],
        "copyright_notice": (parsed.copyright_notice or "")[:300],
        "keywords": ", ".join(parsed.keywords or []),
        "width_px": parsed.width_px,
        "height_px": parsed.height_px,
        "dpi": parsed.dpi,
        "date_text": (parsed.date_text or "")[:200],
        "date_edtf": (parsed.date_edtf or "")[:64],
        "date_start": parsed.date_start,
        "date_end": parsed.date_end,
        "date_precision": parsed.date_precision or "",
        "date_approximate": bool(parsed.approximate),
        "place_text": (parsed.place_text or "")[:300],
        "restriction_text": parsed.restriction_text or "",
        "embargo_until": times.representable(parsed.embargo_until),  # '1.1.0001 00:01 MEZ' is before UTC's year 1
        "problems": sorted(parsed.problems),
        "needs_review": bool(parsed.problems),
    }
    for tag in CAVEAT_TAGS:
        values[caveat_field(tag)] = tag in parsed.caveats
    place = place_parts(parsed)
    # over the parsed fields, never the raw text (ParsedCaption.fingerprint is the same hash)
    values["fingerprint"] = fingerprints.photo_fingerprint(values, place)
    values["import_digest"] = fingerprints.import_digest(values, place)
    return values


def place_parts(parsed) -> tuple[str, ...]:
    """(sublocation, city, region, country_code) of a parsed block, as its Place row holds them."""
    return fingerprints.place_key((parsed.sublocation, parsed.city, parsed.region, parsed.country_code))


def place_from_parsed(parsed) -> Place | None:
    return get_or_create_place(
        sublocation=parsed.sublocation,
        city=parsed.city,
        region=parsed.region,
        country=parsed.country,
        country_code=parsed.country_code,
    )


def block_identity(values: dict, parsed) -> BlockIdentity:
    return BlockIdentity(
        supplier=values["supplier"],
        source_id=values["source_id"],
        caption=values["caption"],
        width_px=values["width_px"],
        height_px=values["height_px"],
        date_start=values["date_start"],
        date_end=values["date_end"],
        place=place_parts(parsed),
    )


def _apply(photo: Photo, values: dict, *, near: bool) -> None:
    """Set a block's values on a record. A near-duplicate keeps its own supplier and image id
    when it has one (the block's fill them only when it has none): an image id is never lost,
    and the block is found again by its fingerprint, which now is the record's."""
    kept = (photo.supplier, photo.source_id)
    for name, value in values.items():
        setattr(photo, name, value)
    if near and kept[1]:
        photo.supplier, photo.source_id = kept


@dataclass
class SaveOutcome:
    photo: Photo | None  # None when the block was skipped
    created: bool
    changed: bool
    match: NearDuplicate | None = None
    plan: UpdatePlan | None = None  # for a record it updated or left alone: what changed, what was kept


def save_parsed_caption(
    *,
    parsed,
    existing: Photo | None = None,
    user=None,
    reason: str = "",
    near_duplicates: str = KEEP,
    overwrite_edits: bool = False,
) -> SaveOutcome:
    """Create the photo a parsed block describes, or update the one it matches; the very same
    block again (same import digest) writes nothing; a near-duplicate is updated, kept beside
    (a new photo) or skipped as `near_duplicates` says. A record is updated as `plan_update`
    says: only the fields whose values differ, a field edited by hand kept (unless
    `overwrite_edits`); nothing left to change writes nothing. The batch loop's fallback, one
    block at a time, and the demo's seed record."""
    values = photo_values_from_parsed(parsed)
    match = None
    if existing is None:
        existing = find_existing_photo(
            supplier=values["supplier"], source_id=values["source_id"], fingerprint=values["fingerprint"]
        )
    if existing is None:
        match = _near_duplicates_of([block_identity(values, parsed)]).get(0)
        if match is not None and near_duplicates == SKIP:
            return SaveOutcome(None, created=False, changed=False, match=match)
        if match is not None and near_duplicates == UPDATE:
            existing = Photo.objects.select_related("place").get(pk=match.photo_id)
    if existing is None:
        photo = Photo()
        _apply(photo, values, near=False)
        photo.place = place_from_parsed(parsed)
        records.save_photo(photo=photo, user=user, reason=reason)
        return SaveOutcome(photo, created=True, changed=True, match=match)
    if existing.import_digest == values["import_digest"] and not overwrite_edits:
        kept = None
        if _differs_from_block(existing, values, parsed):  # an editor's corrections since: named, kept
            edited = fields_edited_since_import([existing], _EDIT_TRACKED).get(existing.pk, set())
            kept = _kept_edits(existing, values, parsed, edited, near=match is not None)
        return SaveOutcome(existing, created=False, changed=False, match=match, plan=kept)
    edited = fields_edited_since_import([existing], _EDIT_TRACKED).get(existing.pk, set())
    plan = plan_update(existing, values, parsed, edited=edited, overwrite_edits=overwrite_edits, near=match is not None)
    if not plan.applied:
        return SaveOutcome(existing, created=False, changed=False, match=match, plan=plan)
    _apply_plan(existing, plan, parsed, PlaceCache())
    records.save_photo(photo=existing, user=user, reason=reason)
    return SaveOutcome(existing, created=False, changed=True, match=match, plan=plan)


def _near_duplicates_of(identities: list[BlockIdentity], folded: dict | None = None) -> dict[int, NearDuplicate]:
    return near_duplicates(identities, folded=folded)


@dataclass(frozen=True)
class EarlierMatch:
    """An earlier block of the same paste that a block describes too (the paste preview)."""

    number: int  # that block's number (the last of the paste to write the photo)
    same: bool  # the same image id or fingerprint: saved as one photo, no choice to make
    similarity: float = 1.0
    by: str = BY_SOURCE_ID  # for a near-duplicate: BY_SOURCE_ID or BY_CONTENT
    caption: str = ""


@dataclass
class BlockReport:
    """What saving one block does (or, in a dry run, would do), for the paste preview and the
    reports: the outcome, what it matched, and for a record it updates, what changes and
    what is kept."""

    outcome: str  # CREATED, UPDATED, UNCHANGED, BLOCK_SKIPPED or BLOCK_FAILED
    existing: Photo | None = None  # the record it updates or leaves alone (same image id or fingerprint)
    near: NearDuplicate | None = None  # else a record it may well describe
    earlier: EarlierMatch | None = None  # else (or also) an earlier block of the run it is or may be
    plan: UpdatePlan | None = None  # for a record: its changes, kept and replaced edits
    record_id: int | None = None  # the record the plan is about (exact, near, or an earlier block's)
    failure: str = ""  # why it would not be saved

    @property
    def unchanged(self) -> bool:
        """Saving it writes nothing (the same block again, or only kept edits differ)."""
        return self.outcome == UNCHANGED


BLOCK_SKIPPED, BLOCK_FAILED = "skipped", "failed"  # a block's outcome when it is not saved


def preview_blocks(
    blocks, *, overwrite_edits: bool = False, choices: dict[int, str] | None = None
) -> tuple[ImportResult, list[BlockReport]]:
    """What saving these blocks as the paste page saves them (near-duplicates updated unless
    `choices[block number]` says otherwise, a block matched with the earlier blocks of the paste
    too, edits replaced with `overwrite_edits`) does, block by block: the very decisions of
    `import_blocks`, made by its dry run (nothing is written), in a few queries whatever the
    number of blocks. The result's summary is the save's, in its words; the reports are its
    `blocks`, one per block in order."""
    blocks = list(blocks)
    result = import_blocks(
        blocks=blocks,
        dry_run=True,
        near_duplicates=UPDATE,
        choices=choices,
        match_earlier_blocks=True,
        overwrite_edits=overwrite_edits,
        explain=True,
    )
    return result, [result.blocks.get(number) or BlockReport(CREATED) for number in range(1, len(blocks) + 1)]


def match_blocks(blocks, *, overwrite_edits: bool = False) -> list[BlockReport]:
    """For each parsed block, the record it matches exactly or nearly, or the earlier block of
    the same paste it is (the same key) or may well be (a near-duplicate), as `import_blocks`
    finds them when it saves them with `match_earlier_blocks` and near-duplicates updated (the
    paste's default): `preview_blocks`' matches."""
    return preview_blocks(blocks, overwrite_edits=overwrite_edits)[1]


def edit_line_in(translate, record_id: int, plan: UpdatePlan) -> str:
    """'updated #12: caption, date; kept your edit of place' (or 'nothing to update in #12;
    kept your edit of place'), in `translate`'s words."""

    def names(changes) -> str:
        return ", ".join(change.label_in(translate) for change in changes)

    parts = [
        translate(UPDATED_LINE) % {"id": record_id, "fields": names(plan.changes + plan.overwritten)}
        if plan.applied
        else translate(UNCHANGED_LINE) % {"id": record_id}
    ]
    if plan.kept:
        parts.append(translate(KEPT_PART) % {"fields": names(plan.kept)})
    if plan.overwritten:
        parts.append(translate(OVERWRITTEN_PART) % {"fields": names(plan.overwritten)})
    return "; ".join(parts)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    flagged: int = 0
    failed: int = 0
    skipped: int = 0
    flagged_blocks: list[tuple[int, str, list[str]]] = field(default_factory=list)
    # near-duplicates: (block number, label, the record's id it matches (an EarlierBlock in a dry
    # run, when it is an earlier block's photo), UPDATE / KEEP / SKIP, or UNCHANGED: to update,
    # and nothing to change in it)
    matches: list[tuple[int, str, int, str]] = field(default_factory=list)
    failures: list[tuple[int, str]] = field(default_factory=list)  # (block number, reason)
    saved: list[tuple[int, int | None]] = field(default_factory=list)  # (block number, photo id; None in a dry run)
    # records whose editors' edits a block kept or replaced: (block number, label, record id, plan)
    edits: list[tuple[int, str, int, UpdatePlan]] = field(default_factory=list)
    blocks: dict[int, BlockReport] = field(default_factory=dict)  # every block's report, with `explain`

    def summary_in(self, translate) -> str:
        """The summary line, with its words passed through `translate` (gettext on a page)."""
        counts = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "flagged": self.flagged,
            "skipped": self.skipped,
            "failed": self.failed,
        }
        return (
            translate(SUMMARY) % counts
            + (translate(SKIPPED) % counts if self.skipped else "")
            + (translate(FAILED) % counts if self.failed else "")
        )

    def match_lines_in(self, translate) -> list[tuple[int, str, str]]:
        """(block number, label, 'matches #N: ...') for each near-duplicate ('matches block N:
        ...' for an earlier block's photo that a dry run did not save)."""
        return [
            (number, label, translate(MATCH_BLOCK_LINES[action]) % {"n": target.number})
            if isinstance(target, EarlierBlock)
            else (number, label, translate(MATCH_LINES[action]) % {"id": target})
            for number, label, target, action in self.matches
        ]

    def edit_lines_in(self, translate) -> list[tuple[int, str, str]]:
        """(block number, label, 'updated #N: ...; kept your edit of ...') for each record whose
        editors' edits a block kept or replaced."""
        return [(number, label, edit_line_in(translate, pk, plan)) for number, label, pk, plan in self.edits]

    @property
    def summary(self) -> str:
        """`created N, updated M, unchanged U, flagged K` (and `, skipped S`, `, failed F`), as the
        command prints it."""
        return self.summary_in(str)


def block_label(parsed) -> str:
    if parsed.source_id:
        return f"{parsed.supplier or 'source'} {parsed.source_id}"
    text = parsed.caption or parsed.raw_text.strip()
    return (text[:60] + "…") if len(text) > 60 else text


class PlaceCache:
    """Places of one import run: each distinct place is looked up or created once."""

    def __init__(self):
        self._by_parts: dict[tuple, Place | None] = {}

    @staticmethod
    def parts_of(parsed) -> tuple:
        return (
            (parsed.sublocation or "").strip()[:200],
            (parsed.city or "").strip()[:200],
            (parsed.region or "").strip()[:200],
            (parsed.country_code or "").strip().upper()[:2],
        )

    def get(self, parsed) -> Place | None:
        key = self.parts_of(parsed)
        if key not in self._by_parts:
            self._by_parts[key] = place_from_parsed(parsed)
        return self._by_parts[key]


def _key(values: dict) -> tuple:
    if values["source_id"]:
        return ("id", values["supplier"], values["source_id"])
    return ("fp", values["fingerprint"])


def _lookup_keys(values: dict) -> list[tuple]:
    """A block is its record's by supplier + image id; failing that, a block with an id is also
    found by its fingerprint (which holds the id): the record a near-duplicate update gave it to."""
    key = _key(values)
    return [key, ("fp", values["fingerprint"])] if key[0] == "id" and values["fingerprint"] else [key]


def _found(existing: dict, values: dict) -> Photo | None:
    return next((existing[k] for k in _lookup_keys(values) if k in existing), None)


def _existing_for(keys: list[tuple]) -> dict[tuple, Photo]:
    """The photos already in the archive for these block keys: one query per supplier, one for
    the fingerprints."""
    found: dict[tuple, Photo] = {}
    ids_by_supplier: dict[str, list[str]] = {}
    for kind, *rest in keys:
        if kind == "id":
            ids_by_supplier.setdefault(rest[0], []).append(rest[1])
    for supplier, source_ids in ids_by_supplier.items():  # one query per supplier, on the unique index
        for photo in Photo.objects.select_related("place").filter(supplier=supplier, source_id__in=source_ids):
            found[("id", photo.supplier, photo.source_id)] = photo
    wanted = [k[1] for k in keys if k[0] == "fp"]
    if wanted:
        for photo in Photo.objects.select_related("place").filter(fingerprint__in=wanted):
            found[("fp", photo.fingerprint)] = photo
    return found


def _near_in_batch(
    prepared, existing: dict, action_for, folded: dict | None = None
) -> tuple[dict[int, NearDuplicate], dict[int, Photo]]:
    """The near-duplicates of a batch's blocks that match nothing exactly (by block number), and
    the records to update for them: two queries and a Place lookup, whatever the batch's size."""
    unmatched = [
        (number, block_identity(values, parsed))
        for number, parsed, values in prepared
        if _found(existing, values) is None
    ]
    if not unmatched:
        return {}, {}
    found = _near_duplicates_of([identity for _, identity in unmatched], folded)
    near = {unmatched[position][0]: match for position, match in found.items()}
    to_update = {match.photo_id for number, match in near.items() if action_for(number) == UPDATE}
    # with their places: checking a record reads its place (no query a block)
    return near, (Photo.objects.select_related("place").in_bulk(to_update) if to_update else {})


class EarlierBlocks:
    """The photos a batch is about to write, as near-duplicate candidates for the blocks after
    them in the same batch, as the archive's records are for every block: what a block would
    find if each block were written before the next is read. Without it a near-duplicate of an
    earlier block is found when the two fall into different batches and missed when they share
    one (the outcome of a file would depend on the batch size)."""

    def __init__(self):
        self._by_source_id: dict[str, list[Photo]] = {}
        self._by_content: dict[tuple, list[Photo]] = {}
        self._keys: dict[int, tuple] = {}  # id(photo) -> (source id, content key) it is filed under
        self._folded: dict[int, tuple[str, str]] = {}

    @staticmethod
    def _content_key(identity: BlockIdentity):
        # as near_duplicates: pixels, and a date or a place
        if identity.width_px and identity.height_px and (identity.date_start or any(identity.place)):
            return (identity.place, identity.date_start, identity.date_end, identity.width_px, identity.height_px)
        return None

    def add(self, photo: Photo, identity: BlockIdentity) -> None:
        """File `photo` under what it now is (again when a later block of the batch changed it)."""
        indexes = (self._by_source_id, self._by_content)
        for key, index in zip(self._keys.pop(id(photo), (None, None)), indexes, strict=True):
            if key is not None:
                index[key] = [p for p in index[key] if p is not photo]
        keys = (identity.source_id or None, self._content_key(identity))
        self._keys[id(photo)] = keys
        for key, index in zip(keys, indexes, strict=True):
            if key is not None:
                index.setdefault(key, []).append(photo)

    def find(self, identity: BlockIdentity) -> tuple[Photo, float, str] | None:
        """The earlier photo `identity` most likely describes: the same image id under another
        supplier, else the same pixels, date and place with a caption this alike."""
        for photo in self._by_source_id.get(identity.source_id, ()) if identity.source_id else ():
            if photo.supplier != identity.supplier:
                return photo, 1.0, BY_SOURCE_ID
        key = self._content_key(identity)
        photos = self._by_content.get(key, ()) if key is not None else ()
        if identity.source_id:  # one supplier's two image ids are two photos
            photos = [p for p in photos if not (p.supplier == identity.supplier and p.source_id)]
        if not photos:
            return None
        best = most_alike(identity.caption, {n: self._comparable(p) for n, p in enumerate(photos)})
        return (photos[best[0]], best[1], BY_CONTENT) if best is not None else None

    def _comparable(self, photo: Photo) -> str:
        known = self._folded.get(id(photo))
        if known is None or known[0] != photo.caption:
            known = self._folded[id(photo)] = (photo.caption, comparable(photo.caption))
        return known[1]


class FieldChecks:
    """`full_clean()` of an imported photo (without the place, which came from the database a
    moment ago, and without the uniqueness checks, done above in bulk and by the database
    constraints), each field's own check run once a run for each value: the language, dpi,
    pixel sizes, date precision and caveats of thousands of blocks repeat a few values, and
    Django's field checks (type, choices, length, range) read the value alone. The errors are
    the same, in the same shape; the model's `clean()` (checks across fields) runs every time."""

    MAX_REMEMBERED = 50_000  # values kept; then forgotten and learned again (bounded memory)
    FIELDS = tuple(f for f in Photo._meta.fields if f.name != "place" and not f.generated)

    def __init__(self):
        self._passed: set = set()

    def full_clean(self, photo: Photo) -> None:
        errors: dict = {}
        passed = self._passed
        for f in self.FIELDS:  # as Model.clean_fields
            raw = getattr(photo, f.attname)
            if f.blank and raw in f.empty_values:
                continue
            if isinstance(raw, DatabaseDefault):
                continue
            key = (
                (f.attname, raw)
                if isinstance(raw, (int, float, str, dt.date)) and not (isinstance(raw, str) and len(raw) > 200)
                else None
            )
            if key is not None and key in passed:
                continue
            try:
                value = f.clean(raw, photo)
            except ValidationError as exc:
                errors[f.name] = exc.error_list
                continue
            setattr(photo, f.attname, value)
            if key is not None and type(value) is type(raw) and value == raw:
                if len(passed) >= self.MAX_REMEMBERED:
                    passed.clear()
                passed.add(key)
        try:
            photo.clean()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def _save_batch(
    batch,
    result: ImportResult,
    places: PlaceCache,
    *,
    user,
    reason: str,
    write: bool = True,
    action_for=None,
    folded: dict | None = None,
    within: bool = False,
    checks: FieldChecks | None = None,
    overwrite_edits: bool = False,
    explain: bool = False,
) -> None:
    """Validate and write one batch with bulk statements in one transaction. Raises on a
    database error, leaving nothing of the batch behind, not even in `result` (the caller then
    goes block by block). With `write=False` (a dry run) the same decisions are made and
    counted, and nothing is written: no place is looked up or created, and no photo is saved.
    `action_for(number)` says what to do with a near-duplicate (UPDATE, KEEP or SKIP);
    `within`: a block may also be a near-duplicate of an earlier block of the batch
    (EarlierBlocks). A record is updated as `plan_update` says (a field edited by hand since its
    last import is kept, unless `overwrite_edits`). `folded` is the run's cache of folded
    candidate captions, `checks` its FieldChecks; `explain` fills `result.blocks`. Its reads are
    a few statements whatever the batch's size, in a dry run too."""
    action_for = action_for or (lambda number: KEEP)
    prepared = [(number, parsed, photo_values_from_parsed(parsed)) for number, parsed in batch]
    existing = _existing_for([k for _, _, values in prepared for k in _lookup_keys(values)])
    near, near_photos = _near_in_batch(prepared, existing, action_for, folded)
    # the records a block may change, and the fields an editor changed by hand in them
    records_to_plan = [*near_photos.values()]
    for _number, parsed, values in prepared:
        found = _found(existing, values)
        if found is not None and (
            overwrite_edits
            or found.import_digest != values["import_digest"]
            # the same block again onto a record an editor corrected since: its edits are named
            or _differs_from_block(found, values, parsed)
        ):
            records_to_plan.append(found)
    edited = fields_edited_since_import(records_to_plan, _EDIT_TRACKED)
    earlier = EarlierBlocks() if within else None
    made_by: dict[int, int] = {}  # id(photo) -> the block that made it (named so in a dry run: no id)
    written_by: dict[int, int] = {}  # id(photo) -> the last block that wrote it (whose caption it holds)
    checks = checks if checks is not None else FieldChecks()
    to_create: dict[tuple, Photo] = {}
    to_update: dict[tuple, Photo] = {}
    outcomes = []  # (number, parsed, outcome, photo)
    failures = []  # (number, reason)
    matches = []  # (number, label, photo id or the Photo this batch creates, action)
    skipped = []  # (number, parsed)
    edits = []  # (number, label, record id, plan) of the records whose edits a block kept or replaced
    reports: dict[int, BlockReport] = {}
    with transaction.atomic() if write else nullcontext():
        for number, parsed, values in prepared:
            key = _key(values)
            current = to_create.get(key) or to_update.get(key) or _found(existing, values)
            if current is not None and earlier is not None and not _holds(current, values):
                current = None  # an earlier block of the batch made it another photo: look again
            report = BlockReport(CREATED, existing=current if current is not None and current.pk else None)
            if current is not None and id(current) in written_by:
                report.earlier = EarlierMatch(written_by[id(current)], same=True, caption=current.caption)
            match = near.get(number) if current is None else None
            target = None  # the record (an id) or the earlier block's photo a near-duplicate matches
            if match is not None:
                target = match.photo_id
                report.near = match
            elif current is None and earlier is not None:
                found = earlier.find(block_identity(values, parsed))
                if found is not None:
                    target, similarity, by = found
                    report.earlier = EarlierMatch(
                        written_by[id(target)], same=False, similarity=similarity, by=by, caption=target.caption
                    )
            if explain:
                reports[number] = report
            if target is not None:
                action = action_for(number)
                matches.append((number, block_label(parsed), target, action))
                if action == SKIP:
                    report.outcome = BLOCK_SKIPPED
                    skipped.append((number, parsed))
                    continue
                if action == UPDATE:
                    current = near_photos.get(target) if match is not None else target
            if (
                current is not None
                and current.import_digest == values["import_digest"]
                # (overwrite_edits is about a record's hand edits: a photo an earlier block of
                # this run makes has none, and the same block again changes nothing in it)
                and (not overwrite_edits or current.pk is None)
            ):
                report.outcome = UNCHANGED
                outcomes.append((number, parsed, UNCHANGED, current))  # the same block again: nothing to write
                if target is not None:  # a near-duplicate to update, left as it is
                    matches[-1] = (*matches[-1][:3], UNCHANGED)
                if current.pk is not None and id(current) not in written_by:
                    # a record an editor corrected since this very block was imported: say which
                    # edits it keeps (so the paste page offers to replace them: overwrite_edits)
                    kept = _kept_edits(current, values, parsed, edited.get(current.pk, ()), near=target is not None)
                    if kept is not None:
                        report.plan, report.record_id = kept, current.pk
                        edits.append((number, block_label(parsed), current.pk, kept))
                continue
            plan = None
            if current is not None and current.pk is not None:  # a record: only what changed, edits kept
                plan = plan_update(
                    current,
                    values,
                    parsed,
                    edited=edited.get(current.pk, ()),
                    overwrite_edits=overwrite_edits,
                    near=target is not None,
                )
                report.plan, report.record_id = plan, current.pk
                if not plan.applied:  # nothing left to change (an edit kept): nothing written
                    report.outcome = UNCHANGED
                    outcomes.append((number, parsed, UNCHANGED, current))
                    if target is not None:  # a near-duplicate to update, left as it is
                        matches[-1] = (*matches[-1][:3], UNCHANGED)
                    if plan.kept:
                        edits.append((number, block_label(parsed), current.pk, plan))
                    continue
            photo = current or Photo()
            before = dict(photo.__dict__) if current is not None else None
            if plan is not None:
                _apply_plan(photo, plan, parsed, places if write else None)
            else:
                _apply(photo, values, near=target is not None)
                if write:
                    photo.place = places.get(parsed)
                photo.__dict__["_import_place"] = place_parts(parsed)
            try:
                checks.full_clean(photo)
            except ValidationError as exc:
                if before is not None:  # a record (or an earlier block's photo) keeps what it had
                    photo.__dict__.clear()
                    photo.__dict__.update(before)
                failures.append((number, _one_line(exc)))
                report.outcome, report.failure = BLOCK_FAILED, _one_line(exc)
                continue
            (to_update if photo.pk else to_create)[key] = photo
            outcome = CREATED if current is None else UPDATED
            report.outcome = outcome
            outcomes.append((number, parsed, outcome, photo))
            if plan is not None and (plan.kept or plan.overwritten):
                edits.append((number, block_label(parsed), photo.pk, plan))
            made_by.setdefault(id(photo), number)
            written_by[id(photo)] = number
            if earlier is not None:
                earlier.add(photo, _identity_of(photo, values, parsed))
        if write and to_create:
            # an earlier block's photo updated by a near-duplicate is filed under two keys: one row
            records.create_in_bulk(list({id(p): p for p in to_create.values()}.values()), user=user, reason=reason)
        if write and to_update:
            # two blocks may update one near-duplicate: one row, written once
            photos = list({id(photo): photo for photo in to_update.values()}.values())
            records.update_in_bulk(photos, fields=UPDATABLE_FIELDS, user=user, reason=reason)
    result.failed += len(failures)
    result.failures.extend(failures)
    for number, label, target, action in matches:
        if not isinstance(target, int):  # an earlier block's photo: its id, or in a dry run that block
            target = target.pk if target.pk is not None else EarlierBlock(made_by[id(target)])
        result.matches.append((number, label, target, action))
    result.skipped += len(skipped)
    for number, parsed in skipped:
        _flag(result, number, parsed)
    for number, parsed, outcome, photo in outcomes:
        _count(result, number, parsed, outcome, photo.pk)
    result.edits.extend(edits)
    result.blocks.update(reports)


def _holds(photo: Photo, values: dict) -> bool:
    """Whether `photo` still is what a block's keys found it by (a near-duplicate update earlier
    in the batch gives a photo another fingerprint)."""
    return photo.fingerprint == values["fingerprint"] or bool(
        values["source_id"] and (photo.supplier, photo.source_id) == (values["supplier"], values["source_id"])
    )


def _identity_of(photo: Photo, values: dict, parsed) -> BlockIdentity:
    """What a photo of this batch now is, for the near-duplicate lookups of the blocks after it
    (its own supplier and image id when a near-duplicate kept them)."""
    return BlockIdentity(
        supplier=photo.supplier,
        source_id=photo.source_id,
        caption=photo.caption,
        width_px=photo.width_px,
        height_px=photo.height_px,
        date_start=photo.date_start,
        date_end=photo.date_end,
        place=place_parts(parsed),
    )


# Every field an import may set: what photo_values_from_parsed fills, plus the place (version
# and updated_at are set by records.update_in_bulk).
UPDATABLE_FIELDS = [*photo_values_from_parsed(ParsedCaption()), "place"]


def _one_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return f"{type(exc).__name__}: " + " ".join(str(exc).split())[:300]


def _count(result: ImportResult, number: int, parsed, outcome: str, photo_id: int | None) -> None:
    setattr(result, outcome, getattr(result, outcome) + 1)
    result.saved.append((number, photo_id))
    _flag(result, number, parsed)


def _flag(result: ImportResult, number: int, parsed) -> None:
    """ "flagged" counts the blocks with problems, whatever else happened to them."""
    if parsed.problems:
        result.flagged += 1
        result.flagged_blocks.append((number, block_label(parsed), sorted(parsed.problems)))


def import_blocks(
    *,
    blocks,
    dry_run: bool = False,
    batch_size: int = IMPORT_BATCH_SIZE,
    progress=None,
    user=None,
    reason: str = "import",
    near_duplicates: str = KEEP,
    choices=None,
    match_earlier_blocks: bool = False,
    overwrite_edits: bool = False,
    explain: bool = False,
) -> ImportResult:
    """Save parsed blocks (see the module's docstring); `reason` and `user` go into each
    record's history. With `dry_run`, nothing is written and the counts say what would happen.
    A near-duplicate is handled as `choices[block number]` says, else as `near_duplicates`
    (UPDATE, KEEP or SKIP). With `match_earlier_blocks` (import_captions) a block may be the
    near-duplicate of an earlier block of the same run in its batch too, as it is of one in an
    earlier batch (already written), so the outcome does not depend on the batch size; the
    paste page sets it too, as its preview (`preview_blocks`, this loop's dry run) shows such matches. A dry run makes
    the same decisions within a batch (nothing is written, so a block is not compared with the
    blocks of earlier batches: a file of up to `batch_size` blocks gets the real run's counts).
    A block updating a record changes only the fields whose values differ, and keeps a field an
    editor changed by hand since the record was last imported (listed in `result.edits`), unless
    `overwrite_edits`. `explain` keeps every block's report in `result.blocks` (the preview)."""
    if near_duplicates not in NEAR_DUPLICATE_ACTIONS:
        raise ValueError(f"near_duplicates must be one of {NEAR_DUPLICATE_ACTIONS}, not {near_duplicates!r}")
    choices = choices or {}

    def action_for(number: int) -> str:
        return choices.get(number, near_duplicates)

    result = ImportResult()
    places = PlaceCache()
    folded: dict[int, tuple[str, str]] = {}  # candidates' folded captions, kept from batch to batch
    checks = FieldChecks()
    batch: list = []
    done = 0

    def flush():
        nonlocal done
        if not batch:
            return
        run = dict(
            user=user,
            reason=reason,
            action_for=action_for,
            folded=folded,
            checks=checks,
            overwrite_edits=overwrite_edits,
            explain=explain,
        )
        if dry_run:
            _save_batch(batch, result, places, write=False, within=match_earlier_blocks, **run)
        else:
            try:
                _save_batch(batch, result, places, within=match_earlier_blocks, **run)
            except Exception:
                places.__init__()  # places created in the rolled-back batch are gone
                for number, parsed in batch:
                    action = action_for(number)
                    try:
                        with transaction.atomic():
                            saved = save_parsed_caption(
                                parsed=parsed,
                                user=user,
                                reason=reason,
                                near_duplicates=action,
                                overwrite_edits=overwrite_edits,
                            )
                    except Exception as exc:  # one bad block never stops the others
                        result.failed += 1
                        result.failures.append((number, _one_line(exc)))
                        continue
                    if saved.match is not None:
                        left_alone = action == UPDATE and saved.photo is not None and not saved.changed
                        result.matches.append(
                            (number, block_label(parsed), saved.match.photo_id, UNCHANGED if left_alone else action)
                        )
                    if saved.photo is None:
                        result.skipped += 1
                        _flag(result, number, parsed)
                        continue
                    outcome = CREATED if saved.created else UPDATED if saved.changed else UNCHANGED
                    _count(result, number, parsed, outcome, saved.photo.pk)
                    if saved.plan is not None and (saved.plan.kept or saved.plan.overwritten):
                        result.edits.append((number, block_label(parsed), saved.photo.pk, saved.plan))
        done += len(batch)
        batch.clear()
        if progress:
            progress(done)

    for number, parsed in enumerate(blocks, start=1):
        batch.append((number, parsed))
        if len(batch) >= batch_size:
            flush()
    flush()
    return result
