"""Print packages (SPEC: /lightboxes/<id>/package.zip, /export/package.zip): one ZIP, streamed
as it is built, holding what production needs to lay out and print a selection:

    specs.csv, specs.json          the export rows (the same renderers as /export/specs.*)
    photos/NNN-photo-ID.ext        each original file with the archive's metadata written in
    print/NNN-photo-ID_….jpg       a print rendition at the target dpi (and width), with it too
    sheets.pdf                     a summary page and a spec sheet per photo
    README.txt                     what is in it, what was left out (embargoed photos, listed)

The first bytes leave at once (the ZIP entry of specs.csv and its header row) and memory stays
flat whatever the number of photos: rows are streamed, files are read, written, sent and
dropped one photo at a time, and only each sheet's small preview is kept for sheets.pdf (which
fpdf2 can only write whole). Entries go into the ZIP without seeking back (data descriptors), so
the download needs no temporary file. Figures: docs/BENCHMARKS.md ("Print packages").

The metadata goes in with the same library that reads uploads (`captions.images.metadata`:
libexiv2), XMP and IPTC: caption, headline, credit, creator, copyright, place, keywords, the
caveats, restrictions and embargo in the instructions field, and the archive id.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import exiv2
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image

from captions import conf
from captions.core.vocabulary import CAVEATS
from captions.exports import pdf_sheet
from captions.exports.csv_format import render_csv
from captions.exports.json_format import render_json
from captions.exports.rows import spec_rows
from captions.exports.selection import InvalidSelection, Selection
from captions.images import metadata as embedded
from captions.images.printing import print_rendition
from captions.selectors import embargo
from captions.selectors import photos as photo_selectors
from captions.times import iso_datetime

PHOTOS_PER_CHUNK = 20  # photos (with place and articles) read from the database at a time
SHEET_PREVIEW_PX = 480  # a sheet's preview box is 82 x 62 mm: 480 px is ~150 dpi there
MIN_WIDTH_CM, MAX_WIDTH_CM = 0.5, 500.0
CAVEAT_INSTRUCTIONS = {caveat.code: caveat.label for caveat in CAVEATS}  # English: read by any press
# An empty XMP packet: libexiv2 opens it as a sidecar, so write_metadata fills it like a file.
EMPTY_XMP = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    b'</x:xmpmeta><?xpacket end="w"?>'
)


@dataclass(frozen=True)
class PackageOptions:
    target_dpi: int
    width_cm: float | None = None

    def rendition_suffix(self) -> str:
        width = f"{self.width_cm:g}cm_" if self.width_cm else ""
        return f"print_{width}{self.target_dpi}dpi"


def package_options(params, *, target_dpi: int) -> PackageOptions:
    """`width_cm` (optional) checked like a filter; `target_dpi` is the selection's (`at_dpi`)."""
    given = str(params.get("width_cm", "") or "").strip()
    if not given:
        return PackageOptions(target_dpi=target_dpi)
    try:
        width = float(given.replace(",", "."))
    except ValueError:
        width = None
    if width is None or not (MIN_WIDTH_CM <= width <= MAX_WIDTH_CM) or width != width:
        raise InvalidSelection(
            {
                "width_cm": [
                    _(
                        "“%(given)s” is not a print width: give centimetres from %(low)s to %(high)s, "
                        "such as 20 or %(example)s."
                    )
                    % {
                        "given": given[:40],
                        "low": number_format(MIN_WIDTH_CM),
                        "high": number_format(MAX_WIDTH_CM, decimal_pos=0),
                        "example": number_format(12.5),
                    }
                ]
            }
        )
    return PackageOptions(target_dpi=target_dpi, width_cm=width)


def max_photos() -> int:
    return conf.package_max_photos()


# --- the archive's metadata, as the file should carry it ----------------------------------------


def instructions(photo) -> str:
    """The IPTC instructions field: the caveats, the restriction text as supplied, the embargo."""
    parts = [CAVEAT_INSTRUCTIONS[tag] + "." for tag in photo.caveats if tag != "embargo"]
    if photo.restriction_text:
        parts.append(" ".join(photo.restriction_text.split()))
    if photo.embargo_until:
        until = iso_datetime(photo.embargo_until)
        parts.append(f"EMBARGOED UNTIL {until}." if photo.is_embargoed() else f"Embargo ended {until}.")
    elif photo.caveat_embargo:
        parts.append("EMBARGOED: end not known yet; do not publish.")
    return " ".join(parts)


def archive_metadata(photo) -> dict:
    """The record's fields by the names `captions.images.metadata.write_metadata` takes. Empty
    values remove what the file said (the archive's correction wins, a removal included)."""
    place = photo.place
    fields = {
        "caption": photo.caption,
        "headline": photo.headline,
        "credit": photo.credit,
        "creators": [photo.creator] if photo.creator else [],
        "copyright_notice": photo.copyright_notice,
        "sublocation": place.sublocation if place else "",
        "city": place.city if place else "",
        "region": place.region if place else "",
        "country": place.country if place else "",
        "country_code": place.country_code if place else "",
        "keywords": [word.strip() for word in (photo.keywords or "").split(",") if word.strip()],
        "special_instructions": instructions(photo),
        "source": photo.supplier,
        "archive_id": str(photo.pk),
    }
    for name in ("title", "job_id", "caption_writer"):  # fields the record gained with issue 10
        if hasattr(photo, name):
            fields[name] = getattr(photo, name)
    return fields


@dataclass
class WrittenFile:
    data: bytes
    sidecar: bytes | None = None  # an XMP sidecar when the format cannot carry the metadata
    note: str = ""


def with_metadata(data: bytes, photo) -> WrittenFile:
    """A copy of `data` with the archive's metadata in it; for a format libexiv2 cannot write
    (AVIF, HEIC) the file as it is, with the metadata in an XMP sidecar instead."""
    fields = archive_metadata(photo)
    try:
        return WrittenFile(embedded.write_metadata(data, fields))
    except (embedded.WriteUnsupported, exiv2.Exiv2Error, ValueError, OSError) as exc:
        reason = str(exc)[:120] or exc.__class__.__name__
    return WrittenFile(
        data,
        sidecar=embedded.write_metadata(EMPTY_XMP, fields),
        note=_("the metadata cannot be written into this kind of file (%(reason)s): it is in the .xmp file beside it")
        % {"reason": reason},
    )


# --- the ZIP, written to a stream that is sent as it fills -----------------------------------------


class _Sink(io.RawIOBase):
    """What zipfile writes, kept until the response takes it. Not seekable, so zipfile writes each
    entry's sizes after its data (data descriptors) instead of seeking back."""

    def __init__(self):
        self.chunks: list[bytes] = []
        self.offset = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.chunks.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


class ZipStream:
    def __init__(self, *, now):
        self.sink = _Sink()
        self.archive = zipfile.ZipFile(self.sink, "w", allowZip64=True)
        self.date_time = timezone.localtime(now).timetuple()[:6]

    def _info(self, name: str, *, compress: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        return info

    def add(self, name: str, data: bytes, *, compress: bool) -> bytes:
        """One whole entry (a photo: JPEGs are stored, not deflated again); its bytes to send."""
        self.archive.writestr(self._info(name, compress=compress), data)
        return self.sink.take()

    def add_text_stream(self, name: str, pieces) -> Iterator[bytes]:
        """An entry written piece by piece as a renderer yields text (specs.csv, specs.json)."""
        with self.archive.open(self._info(name, compress=True), "w") as member:
            for piece in pieces:
                member.write(piece.encode("utf-8"))
                if chunk := self.sink.take():
                    yield chunk
        yield self.sink.take()

    def close(self) -> bytes:
        self.archive.close()
        return self.sink.take()


# --- the package ---------------------------------------------------------------------------------


@dataclass
class PackageReport:
    """What went into a package and what did not, for README.txt and the audit trail."""

    photos: int = 0
    files: int = 0
    renditions: int = 0
    notes: list[str] = field(default_factory=list)
    complete: bool = False

    @property
    def count(self) -> int:
        """The photos packed so far (what `services.audit.streamed` writes on the audit line)."""
        return self.photos


def _sheet_preview(photo) -> bytes | None:
    """The photo's preview made small for its sheet (sheets.pdf keeps every page in memory)."""
    rendition = photo.preview or photo.thumbnail
    if not rendition:
        return None
    try:
        with rendition.open("rb") as handle, Image.open(handle) as image:
            image.draft("RGB", (SHEET_PREVIEW_PX, SHEET_PREVIEW_PX))
            image = image.convert("RGB")
            image.thumbnail((SHEET_PREVIEW_PX, SHEET_PREVIEW_PX), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, "JPEG", quality=80)
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def read_file(fieldfile) -> bytes:
    with fieldfile.open("rb") as handle:
        return handle.read()


def photo_entries(photo, *, number: int, digits: int, options: PackageOptions, report: PackageReport):
    """(name, bytes) of one photo's files: the original with its metadata (and a sidecar when
    needed) and the print rendition. Problems become notes, never an aborted download."""
    stem = f"{number:0{digits}d}-photo-{photo.pk}"

    def note(text: str) -> None:
        report.notes.append(_("photo %(id)s: %(note)s") % {"id": photo.pk, "note": text})

    if not photo.image:
        note(_("no image file on record (its specs and sheet are in the package)"))
        return
    try:
        original = read_file(photo.image)
    except OSError:
        note(_("the image file could not be read from storage"))
        return
    extension = photo.image.name.rsplit(".", 1)[-1].lower() if "." in photo.image.name else "bin"
    written = with_metadata(original, photo)
    yield f"photos/{stem}.{extension}", written.data
    if written.sidecar is not None:
        yield f"photos/{stem}.xmp", written.sidecar
        note(written.note)
    report.files += 1
    try:
        rendition = print_rendition(original, dpi=options.target_dpi, width_cm=options.width_cm)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        note(_("no print rendition: the file could not be decoded (%(reason)s)") % {"reason": str(exc)[:120]})
        return
    del original, written
    name = f"print/{stem}_{options.rendition_suffix()}.jpg"
    yield name, with_metadata(rendition.data, photo).data
    report.renditions += 1
    if rendition.enlarged:
        note(
            _(
                "the print rendition is enlarged to %(width)s × %(height)s px: the file holds fewer pixels than "
                "%(cm)s cm at %(dpi)s dpi need, so it will print softer"
            )
            % {
                "width": rendition.width_px,
                "height": rendition.height_px,
                "cm": f"{options.width_cm:g}",
                "dpi": options.target_dpi,
            }
        )


class CannotPrint(ValueError):
    """The photo's file cannot be decoded into a print rendition (the message says why)."""


def photo_print_rendition(photo, options: PackageOptions) -> bytes:
    """One photo's print rendition with the archive's metadata (the photo page's one click)."""
    try:
        original = read_file(photo.image)
    except OSError:
        raise CannotPrint(_("The image file could not be read from storage.")) from None
    try:
        rendition = print_rendition(original, dpi=options.target_dpi, width_cm=options.width_cm)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CannotPrint(
            _("The file could not be decoded into a print rendition (%(reason)s).") % {"reason": str(exc)[:120]}
        ) from None
    return with_metadata(rendition.data, photo).data


def readme(*, title: str, selection: Selection, options: PackageOptions, report: PackageReport, embargoed) -> str:
    if options.width_cm:
        size = _("%(cm)s cm wide at %(dpi)s dpi") % {"cm": f"{options.width_cm:g}", "dpi": options.target_dpi}
    else:
        size = _("%(dpi)s dpi, at the file's own pixels") % {"dpi": options.target_dpi}
    lines = [
        _("Print package: %(title)s") % {"title": title},
        _("Made %(when)s from the photo archive; selection: %(selection)s.")
        % {
            "when": iso_datetime(selection.exported_at),
            "selection": selection.describe(),
        },
        "",
        ngettext(
            "%(n)s photo: a row in specs.csv and specs.json and a spec sheet in sheets.pdf;",
            "%(n)s photos: a row each in specs.csv and specs.json and a spec sheet each in sheets.pdf;",
            report.photos,
        )
        % {"n": report.photos},
        ngettext(
            "%(n)s original file in photos/, with the archive's caption, credit, creator, copyright, place, "
            "keywords, caveats and embargo written in (XMP and IPTC);",
            "%(n)s original files in photos/, with the archive's caption, credit, creator, copyright, place, "
            "keywords, caveats and embargo written in (XMP and IPTC);",
            report.files,
        )
        % {"n": report.files},
        ngettext(
            "%(n)s print rendition in print/ (%(size)s, sharpened for print, with the same metadata).",
            "%(n)s print renditions in print/ (%(size)s, sharpened for print, with the same metadata).",
            report.renditions,
        )
        % {"n": report.renditions, "size": size},
        "",
    ]
    if embargoed:
        lines.append(
            ngettext(
                "LEFT OUT: %(n)s embargoed photo. It is not in this package and must not be ordered before its "
                "embargo ends:",
                "LEFT OUT: %(n)s embargoed photos. They are not in this package and must not be ordered before "
                "their embargo ends:",
                len(embargoed),
            )
            % {"n": len(embargoed)}
        )
        for position, until in embargoed:
            if until:
                shown = _("embargoed until %(until)s") % {"until": embargo.until_text(until)}
            else:
                shown = _("embargoed, end not known yet")
            where = _("no. %(n)s in the lightbox") % {"n": position} if position else _("a photo")
            lines.append(f"  - {where}: {shown}")
        lines.append("")
    if report.notes:
        lines.append(_("Notes:"))
        lines.extend(f"  - {note}" for note in report.notes)
        lines.append("")
    lines.append(_("Print sizes are derived from pixels and dpi. Read each sheet's caveats box before printing."))
    return "\n".join(lines) + "\n"


def stream_package(
    selection: Selection,
    *,
    photo_ids: list[int],
    options: PackageOptions,
    title: str,
    report: PackageReport,
    language: str | None = None,
    positions: dict[int, int] | None = None,
) -> Iterator[bytes]:
    """The package's bytes as they are made. `photo_ids`: the selection's photos in its order
    (already checked against `max_photos`); `report` is filled in as it goes. `language`: the
    one the request asked in (a streamed body is produced after the view has returned)."""
    with translation.override(language):
        yield from _package(
            selection, photo_ids=photo_ids, options=options, title=title, report=report, positions=positions
        )


def _package(selection, *, photo_ids, options, title, report, positions) -> Iterator[bytes]:
    archive = ZipStream(now=selection.exported_at)
    rows = spec_rows(selection.photos, target_dpi=options.target_dpi)
    yield from archive.add_text_stream("specs.csv", render_csv(selection, rows))
    rows = spec_rows(selection.photos, target_dpi=options.target_dpi)
    yield from archive.add_text_stream("specs.json", render_json(selection, rows))
    digits = max(3, len(str(len(photo_ids))))
    sheets = []
    for start in range(0, len(photo_ids), PHOTOS_PER_CHUNK):
        chunk = photo_ids[start : start + PHOTOS_PER_CHUNK]
        photos = photo_selectors.photo_with_relations().in_bulk(chunk)
        rows = {row.id: row for row in spec_rows(photo_selectors.photos_by_ids(chunk), target_dpi=options.target_dpi)}
        for offset, pk in enumerate(chunk):
            photo = photos.get(pk)
            if photo is None or pk not in rows:
                report.notes.append(_("photo %(id)s: deleted while the package was made") % {"id": pk})
                continue
            report.photos += 1
            for name, data in photo_entries(
                photo, number=start + offset + 1, digits=digits, options=options, report=report
            ):
                yield archive.add(name, data, compress=False)
            sheet = pdf_sheet.SheetPhoto.build(rows[pk], photo, preview=_sheet_preview(photo))
            sheets.append(sheet)
    document = pdf_sheet.selection_pdf(selection, sheets, total=len(sheets))
    yield archive.add("sheets.pdf", document, compress=True)
    del document, sheets
    # Named by their place in the lightbox, never by id: production sees an embargoed photo only
    # as its card (selectors.embargo), which carries no id.
    embargoed = [((positions or {}).get(pk), until) for pk, until in photo_selectors.embargo_ends(selection.embargoed)]
    embargoed.sort(key=lambda entry: (entry[0] or 0, entry[1] is None, entry[1] or selection.exported_at))
    text = readme(title=title, selection=selection, options=options, report=report, embargoed=embargoed)
    yield archive.add("README.txt", text.encode("utf-8"), compress=True)
    report.complete = True
    yield archive.close()
