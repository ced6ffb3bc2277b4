"""Embedded metadata: what an image file says about itself, read like the reference tools.

PURE: no Django import, so it runs in `import_images`' worker processes, in the benchmark and
in the corpus measurement alike. EXIF, IPTC-IIM and XMP come from libexiv2 (PyPI `exiv2`, the
library behind digiKam, darktable and GIMP; its wheels bundle the library); Pillow (and
pillow-heif for HEIC) gives the displayed pixel size and the JFIF / PNG resolution that exiv2
does not expose. Measured against exiftool on the real corpus: docs/METADATA.md.

The rules, each from a case in the corpus:

* priority XMP > IIM > EXIF (the Metadata Working Group's); a value a lower block states
  differently is *set aside* and reported, never silently dropped;
* IIM text: CodedCharacterSet `ESC % G` is UTF-8, `ESC - A` is ISO-8859-1; undeclared text is
  UTF-8 when it decodes as such, else Windows-1252 (exiftool reads it all as cp1252 and shows
  mojibake for the UTF-8 ones). EXIF ASCII fields: the same UTF-8-else-cp1252 rule;
* every creator (IIM By-line and `dc:creator` repeat), keywords item by item;
* supplier and its image id from PLUS `ImageSupplier[1]/ImageSupplierName` and
  `ImageSupplierImageID`, not from `photoshop:Source`;
* width and height as a viewer shows them (EXIF orientation 5-8 swaps them; HEIF and TIFF are
  already turned by their decoders), raw files through their largest embedded JPEG preview;
* a broken EXIF block makes libexiv2 drop the whole file: the XMP packet is then read on its own;
  so is the EXIF block Pillow found, when libexiv2 refuses a file whose segments it cannot follow;
* an XMP packet libexiv2's toolkit refuses whole (a property stated twice, NUL bytes as padding)
  is read leniently as plain XML for the field map, the last statement winning as in exiftool;
* an unsigned resolution of 2^31 or more (libtiff's 28.34 px/cm) is no negative number;
* EXIF libexiv2 does not find in an AVIF or HEIF (an iloc with base offsets) is read from
  Pillow's copy of the block;
* a file libavif or libheif refuses (RuntimeError) is a file whose pixels cannot be read.

libexiv2 is not thread-safe (4 threads reading the corpus gave 5-8 wrong records a run, silently):
every call goes through EXIV2_LOCK, and bulk work uses processes. Files are handed to exiv2 as
bytes, never as a path string: the bundled library treats a string that looks like a URL as one.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import os
import re
import threading
from dataclasses import dataclass, field

import exiv2
import pillow_heif
from defusedxml import ElementTree as SafeET
from PIL import Image

from captions.core import dimensions

# libexiv2's warnings and errors go to the "exiv2" logger (python-exiv2), which keeps them to
# itself: read while a file is read (_complaints, to tell the editor of an XMP packet it could
# not decode), never written to the server's log.
exiv2.LogMsg.setLevel(exiv2.LogMsg.Level.warn)
logging.getLogger("exiv2").addHandler(logging.NullHandler())
logging.getLogger("exiv2").propagate = False
exiv2.XmpParser.initialize()  # process-wide and not thread-safe: at import, before any thread
ARCHIVE_NS = "https://example.org/ns/photo-archive/1.0/"
exiv2.XmpProperties.registerNs(ARCHIVE_NS, "archive")  # the archive's own id (write_metadata)
pillow_heif.register_heif_opener()  # HEIC/HEIF; AVIF is Pillow 13's own plugin

EXIV2_LOCK = threading.Lock()

UTF8_MARK = b"\x1b%G"
LATIN1_MARK = b"\x1b-A"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

RAW_EXTENSIONS = {
    "dng": "Adobe DNG",
    "cr2": "Canon CR2",
    "cr3": "Canon CR3",
    "crw": "Canon CRW",
    "nef": "Nikon NEF",
    "nrw": "Nikon NRW",
    "arw": "Sony ARW",
    "srf": "Sony SRF",
    "sr2": "Sony SR2",
    "pef": "Pentax PEF",
    "raf": "Fujifilm RAF",
    "orf": "Olympus ORF",
    "rw2": "Panasonic RW2",
    "mrw": "Minolta MRW",
    "srw": "Samsung SRW",
    "x3f": "Sigma X3F",
    "iiq": "Phase One IIQ",
    "3fr": "Hasselblad 3FR",
    "erf": "Epson ERF",
    "kdc": "Kodak KDC",
    "dcr": "Kodak DCR",
    "mos": "Leaf MOS",
    "rwl": "Leica RWL",
}

# record field -> (XMP key, IIM key, EXIF key); exiftool's names for them in docs/METADATA.md
TEXT_KEYS = {
    "caption": ("Xmp.dc.description", "Iptc.Application2.Caption", "Exif.Image.ImageDescription"),
    "headline": ("Xmp.photoshop.Headline", "Iptc.Application2.Headline", None),
    "title": ("Xmp.dc.title", "Iptc.Application2.ObjectName", None),
    "credit": ("Xmp.photoshop.Credit", "Iptc.Application2.Credit", None),
    "copyright_notice": ("Xmp.dc.rights", "Iptc.Application2.Copyright", "Exif.Image.Copyright"),
    "sublocation": ("Xmp.iptc.Location", "Iptc.Application2.SubLocation", None),
    "city": ("Xmp.photoshop.City", "Iptc.Application2.City", None),
    "region": ("Xmp.photoshop.State", "Iptc.Application2.ProvinceState", None),
    "country": ("Xmp.photoshop.Country", "Iptc.Application2.CountryName", None),
    "country_code": ("Xmp.iptc.CountryCode", "Iptc.Application2.CountryCode", None),
    "job_id": ("Xmp.photoshop.TransmissionReference", "Iptc.Application2.TransmissionReference", None),
    "caption_writer": ("Xmp.photoshop.CaptionWriter", "Iptc.Application2.Writer", None),
    "special_instructions": ("Xmp.photoshop.Instructions", "Iptc.Application2.SpecialInstructions", None),
    "source": ("Xmp.photoshop.Source", "Iptc.Application2.Source", None),
    "supplier_name": ("Xmp.plus.ImageSupplier[1]/plus:ImageSupplierName", None, None),
    "supplier_id": ("Xmp.plus.ImageSupplier[1]/plus:ImageSupplierID", None, None),
    "supplier_image_id": ("Xmp.plus.ImageSupplierImageID", None, None),
    "archive_id": ("Xmp.archive.ArchiveId", None, None),
}
LIST_KEYS = {
    "creators": ("Xmp.dc.creator", "Iptc.Application2.Byline", "Exif.Image.Artist"),
    "keywords": ("Xmp.dc.subject", "Iptc.Application2.Keywords", None),
}
DATE_KEYS = ("Xmp.photoshop.DateCreated", "Iptc.Application2.DateCreated", "Exif.Photo.DateTimeOriginal")
BLOCKS = ("XMP", "IIM", "EXIF")


@dataclass
class EmbeddedMetadata:
    """What a file says about itself. Empty strings, empty lists and None mean "not stated"."""

    format: str = ""  # Pillow's name of the pixels read: JPEG, PNG, TIFF, WEBP, AVIF, HEIF
    raw_format: str = ""  # "Nikon NEF" ... when the pixels came from a raw file's preview
    width_px: int = 0  # as displayed (orientation applied)
    height_px: int = 0
    orientation: int = 1  # EXIF orientation 1-8
    dpi: int | None = None
    dpi_source: str = ""  # 'EXIF', 'TIFF', 'JFIF', 'PNG pHYs'
    caption: str = ""
    headline: str = ""
    title: str = ""
    creators: list[str] = field(default_factory=list)
    credit: str = ""
    copyright_notice: str = ""
    keywords: list[str] = field(default_factory=list)
    date_created: str = ""  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    sublocation: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    supplier_name: str = ""
    supplier_id: str = ""
    supplier_image_id: str = ""
    job_id: str = ""
    caption_writer: str = ""
    special_instructions: str = ""
    source: str = ""
    archive_id: str = ""
    user_comment: str = ""
    sources: dict[str, str] = field(default_factory=dict)  # field -> 'XMP', 'IIM', 'EXIF', 'sidecar'
    set_aside: list[tuple[str, str, str]] = field(default_factory=list)  # (field, block, value) not used
    warnings: list[str] = field(default_factory=list)  # what could not be read, in plain words
    pixels_error: str = ""  # why Pillow could not open the pixels ('no_preview' for a raw without one)

    @property
    def creator(self) -> str:
        return "; ".join(self.creators)

    def text_fields(self) -> dict[str, str]:
        names = (*TEXT_KEYS, "date_created")
        return {name: getattr(self, name) for name in names if getattr(self, name)}


# --- text ------------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Whitespace collapsed, control characters gone (cp1252 IIM leaves some behind)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def decode(raw: bytes, charset: str = "") -> str:
    """IIM or EXIF ASCII bytes as text: the declared charset, else UTF-8 if valid, else cp1252."""
    raw = raw.rstrip(b"\x00")
    if charset == "utf-8":
        return raw.decode("utf-8", "replace")
    if charset == "latin-1":
        return raw.decode("latin-1")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _raw_bytes(datum) -> bytes:
    try:
        return bytes(datum.value().data())
    except (AttributeError, TypeError, exiv2.Exiv2Error):
        return datum.toString().encode("utf-8", "surrogateescape")


def _xmp_values(xmp, key: str, language: str = "") -> list[str]:
    try:
        it = xmp.findKey(exiv2.XmpKey(key))  # never xmp[key] to read: it inserts the key
    except exiv2.Exiv2Error:
        return []
    if it == xmp.end():
        return []
    value = it.value()
    if isinstance(value, exiv2.LangAltValue):
        langs = dict(value.items())
        text = langs.get("x-default") or langs.get(language) or next(iter(langs.values()), "")
        return [clean(text)] if clean(text) else []
    if isinstance(value, exiv2.XmpArrayValue):
        items = (clean(value.toString(i)) for i in range(value.count()))
        return [item for item in items if item]
    text = clean(it.toString())
    return [text] if text and not text.startswith("type=") else []


def _iptc_values(iptc, key: str, charset: str) -> list[str]:
    values = []
    for datum in iptc:  # repeatable datasets (By-line, Keywords) are several datums with one key
        if datum.key() == key:
            text = clean(decode(_raw_bytes(datum), charset))
            if text:
                values.append(text)
    return values


def _exif_text(exif, key: str) -> str:
    it = exif.findKey(exiv2.ExifKey(key))
    return clean(decode(_raw_bytes(it))) if it != exif.end() else ""


def iso_date(text: str) -> str:
    """'2025:12:02 10:00:00', '2025-12-02T10:00+01:00', '20251202', '2025-12', '2025' -> ISO;
    '' for a placeholder (0000:00:00) or anything else."""
    text = text.strip()
    match = re.match(r"^(\d{4})(?:[:-]?(\d{2})(?:[:-]?(\d{2}))?)?(?:$|[T ])", text)
    if not match or match.group(1) == "0000":
        return ""
    year, month, day = match.groups()
    if month in (None, "00"):
        return year
    if not 1 <= int(month) <= 12:
        return ""
    if day in (None, "00"):
        return f"{year}-{month}"
    return f"{year}-{month}-{day}" if 1 <= int(day) <= 31 else ""


# --- reading ---------------------------------------------------------------------------------


def _open(data: bytes):
    image = exiv2.ImageFactory.open(data)  # bytes: never a path string (it may be taken for a URL)
    image.readMetadata()
    return image


class _Complaints(logging.Handler):
    """What libexiv2 says while it reads a file (python-exiv2 passes its log to the 'exiv2'
    logger): an XMP packet it cannot decode is otherwise dropped without a word."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _complaints():
    handler, logger = _Complaints(), logging.getLogger("exiv2")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def _xmp_complaint(messages: list[str]) -> str | None:
    """'XMP unreadable (Duplicate property or field node)' when libexiv2 could not decode the
    file's XMP (it then reads the file as if it had none), else None."""
    if not any("Failed to decode XMP" in message for message in messages):
        return None
    reasons = [m.split(":", 1)[1].strip() for m in messages if m.startswith("XMP Toolkit error") and ":" in m]
    return f"XMP unreadable ({reasons[0]})" if reasons else "XMP unreadable"


# --- an XMP packet libexiv2 cannot decode, read leniently ---------------------------------------
# libexiv2's XMP toolkit drops a whole packet for one flaw: a property written twice (Photoshop
# Elements, agency tools), NUL bytes as padding, a packet its expat adapter rejects though it is
# well-formed XML. Such a packet is parsed here as plain XML (defusedxml: no DTD, no entities) for
# the field map's properties only; a packet that is not XML even then stays unread.

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XMP_NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "iptc": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
    "archive": ARCHIVE_NS,
}


def _xmp_name(key: str) -> tuple[str, str | None]:
    """'Xmp.plus.ImageSupplier[1]/plus:ImageSupplierName' -> ('{plus}ImageSupplier', '{plus}ImageSupplierName')."""
    _, prefix, rest = key.split(".", 2)
    uri = XMP_NAMESPACES[prefix]
    outer, _, inner = rest.partition("[1]/")
    member = f"{{{uri}}}{inner.split(':', 1)[1]}" if inner else None
    return f"{{{uri}}}{outer}", member


def _lenient_value(element, language: str) -> list[str]:
    """The text of a property element: an rdf:Alt's x-default (else the archive language, else the
    first), an rdf:Seq's or rdf:Bag's items, or the element's own text."""
    for kind in ("Alt", "Seq", "Bag"):
        container = element.find(f"{{{RDF}}}{kind}")
        if container is None:
            continue
        items = container.findall(f"{{{RDF}}}li")
        if kind == "Alt":
            langs = {item.get(XML_LANG, ""): item for item in items}  # (an element without children is falsy)
            chosen = [langs.get(lang) for lang in ("x-default", language) if langs.get(lang) is not None]
            items = (chosen or items)[:1]
        return [text for item in items if (text := clean("".join(item.itertext())))]
    text = clean(element.text or "")
    return [text] if text else []


def _lenient_property(descriptions, name: str, member: str | None, language: str) -> list[str]:
    """A property stated twice is read as exiftool reads it: the last statement wins."""
    for description in reversed(descriptions):
        elements = description.findall(name)
        if member is None and elements:
            return _lenient_value(elements[-1], language)
        if member is None and description.get(name) is not None:
            text = clean(description.get(name))
            return [text] if text else []
        if not elements:
            continue
        first = elements[-1].find(f"{{{RDF}}}Seq/{{{RDF}}}li")  # plus:ImageSupplier[1]: a struct in a Seq
        if first is None:
            return []
        struct = first.find(f"{{{RDF}}}Description")
        struct = struct if struct is not None else first
        if struct.get(member) is not None:
            return [clean(struct.get(member))] if clean(struct.get(member)) else []
        inner = struct.find(member)
        return _lenient_value(inner, language) if inner is not None else []
    return []


def lenient_xmp(packet: bytes | str, language: str = "") -> dict[str, dict[str, object]]:
    """The field map's XMP properties of a packet libexiv2 refused, in `_blocks`' form."""
    if isinstance(packet, str):
        packet = packet.encode("utf-8", "surrogateescape")
    start = packet.find(b"<x:xmpmeta")
    start = start if start >= 0 else packet.find(b"<rdf:RDF")
    if start < 0:
        return {}
    body = packet[start:].replace(b"\x00", b" ")  # NUL bytes as padding
    closing = b"</x:xmpmeta>" if body.startswith(b"<x:xmpmeta") else b"</rdf:RDF>"
    end = body.find(closing)  # the first packet: a second one may follow it
    try:
        root = SafeET.fromstring(body[: end + len(closing)] if end >= 0 else body)
    except (SafeET.ParseError, ValueError):  # not XML, or a DTD or an entity (defusedxml forbids them)
        return {}
    descriptions = list(root.iter(f"{{{RDF}}}Description"))
    found: dict[str, dict[str, object]] = {}
    for field_name, keys in {**TEXT_KEYS, **LIST_KEYS}.items():
        name, member = _xmp_name(keys[0])
        values = _lenient_property(descriptions, name, member, language)
        if values:
            found[field_name] = {"XMP": values if field_name in LIST_KEYS else values[0]}
    date = _lenient_property(descriptions, *_xmp_name(DATE_KEYS[0]), language)
    if date and iso_date(date[0]):
        found["date_created"] = {"XMP": iso_date(date[0])}
    return found


def _iim_charset(iptc) -> str:
    it = iptc.findKey(exiv2.IptcKey("Iptc.Envelope.CharacterSet"))
    if it == iptc.end():
        return ""
    mark = _raw_bytes(it)
    return "utf-8" if mark == UTF8_MARK else "latin-1" if mark == LATIN1_MARK else ""


def _blocks(exif, iptc, xmp, language: str) -> dict[str, dict[str, object]]:
    """Every archive field each block states: {field: {'XMP': value, 'IIM': value, ...}}."""
    charset = _iim_charset(iptc) if iptc is not None else ""
    found: dict[str, dict[str, object]] = {}
    for name, keys in {**TEXT_KEYS, **LIST_KEYS}.items():
        per_block = {}
        for block, key in zip(BLOCKS, keys, strict=True):
            if key is None:
                continue
            if block == "XMP" and xmp is not None:
                values = _xmp_values(xmp, key, language)
            elif block == "IIM" and iptc is not None:
                values = _iptc_values(iptc, key, charset)
            elif block == "EXIF" and exif is not None:
                values = [v for v in [_exif_text(exif, key)] if v]
                if name == "creators" and values:  # EXIF Artist may list several: "A; B"
                    values = [clean(v) for v in values[0].split(";") if clean(v)]
            else:
                values = []
            if values:
                per_block[block] = values if name in LIST_KEYS else values[0]
        if per_block:
            found[name] = per_block
    dates = {}
    for block, key in zip(BLOCKS, DATE_KEYS, strict=True):
        if block == "XMP" and xmp is not None:
            text = (_xmp_values(xmp, key) or [""])[0]
        elif block == "IIM" and iptc is not None:
            text = (_iptc_values(iptc, key, "") or [""])[0]
        elif block == "EXIF" and exif is not None:
            text = _exif_text(exif, key)
        else:
            text = ""
        if iso_date(text):
            dates[block] = iso_date(text)
    if dates:
        found["date_created"] = dates
    return found


def _choose(meta: EmbeddedMetadata, found: dict[str, dict[str, object]]) -> None:
    """The winning value of each field (XMP > IIM > EXIF); differing others are set aside."""
    for name, per_block in found.items():
        block = next(b for b in ("sidecar", *BLOCKS) if b in per_block)
        value = per_block[block]
        setattr(meta, name, list(value) if isinstance(value, list) else value)
        meta.sources[name] = block
        for other, other_value in per_block.items():
            if other != block and other_value != value:
                shown = "; ".join(other_value) if isinstance(other_value, list) else other_value
                meta.set_aside.append((name, other, str(shown)))


def _exif_numbers(exif, meta: EmbeddedMetadata) -> None:
    it = exif.findKey(exiv2.ExifKey("Exif.Image.Orientation"))
    if it != exif.end():
        try:
            orientation = int(it.toInt64(0))
        except (exiv2.Exiv2Error, ValueError, OverflowError):
            orientation = 1
        meta.orientation = orientation if 1 <= orientation <= 8 else 1
    unit_it = exif.findKey(exiv2.ExifKey("Exif.Image.ResolutionUnit"))
    xres_it = exif.findKey(exiv2.ExifKey("Exif.Image.XResolution"))
    if xres_it != exif.end():
        try:
            unit = int(unit_it.toInt64(0)) if unit_it != exif.end() else 0
            # as a float: toRational gives a signed pair, and an unsigned numerator of 2^31 or
            # more (4294967295/151551421 = 28.34 px/cm, libtiff's way) came out negative
            ratio = float(xres_it.toFloat(0))
        except (exiv2.Exiv2Error, ValueError, OverflowError, TypeError):
            return
        if unit == 0 and meta.format == "TIFF":
            unit = 2  # the TIFF standard's default unit is the inch; EXIF without a unit states none
        if unit in (2, 3) and math.isfinite(ratio) and ratio > 0:
            dpi = round(ratio * (dimensions.CM_PER_INCH if unit == 3 else 1))
            if dimensions.MIN_DPI <= dpi <= dimensions.MAX_DPI:
                meta.dpi, meta.dpi_source = dpi, "TIFF" if meta.format == "TIFF" else "EXIF"
    comment = exif.findKey(exiv2.ExifKey("Exif.Photo.UserComment"))
    if comment != exif.end():
        with contextlib.suppress(exiv2.Exiv2Error, UnicodeDecodeError, AttributeError):
            meta.user_comment = clean(comment.value().comment())  # handles the charset prefix


def _exif_of_packet(packet: bytes):
    """The EXIF block Pillow found (a TIFF structure after 'Exif\\0\\0') read by libexiv2 as a
    TIFF file of its own, or None. Called under EXIV2_LOCK."""
    tiff = packet[6:] if packet.startswith(b"Exif\x00\x00") else packet
    try:
        exif = _open(bytes(tiff)).exifData()
    except exiv2.Exiv2Error:
        return None
    return exif if exif.count() else None


def _read_blocks(data: bytes, meta: EmbeddedMetadata, language: str, xmp_packet=None, exif_packet=None):
    """exiv2's reading of `data`: (found fields, exif) or, when libexiv2 refuses the file,
    the EXIF block and the XMP packet Pillow found, each read on its own. `exif_packet`: the
    EXIF block Pillow found, read when libexiv2 finds none in the file (an AVIF or HEIF whose
    Exif item it misses) or refuses the whole file (a JPEG whose segments it cannot follow
    past the EXIF, as TwelveMonkeys' broken-bogus-data-prepended-real-jfif-start-at-4801.jpg)."""
    with EXIV2_LOCK, _complaints() as said:
        try:
            image = _open(data)
        except exiv2.Exiv2Error as exc:
            meta.warnings.append(f"metadata unreadable ({_exiv2_reason(exc)})")
            exif = _exif_of_packet(exif_packet) if exif_packet else None
            xmp = None
            if xmp_packet:
                with contextlib.suppress(exiv2.Exiv2Error):
                    xmp = _open(bytes(xmp_packet)).xmpData()  # the packet parsed as an XMP sidecar
            if exif is not None:
                _exif_numbers(exif, meta)
                meta.warnings.append("EXIF read on its own")
            if xmp is not None:
                meta.warnings.append("XMP read on its own")
            if exif is None and xmp is None:
                return {}
            return _blocks(exif, None, xmp, language)
        complaint = _xmp_complaint(said)
        exif = image.exifData()
        if not exif.count() and exif_packet:
            exif = _exif_of_packet(exif_packet) or exif
        _exif_numbers(exif, meta)
        found = _blocks(exif, image.iptcData(), image.xmpData(), language)
        if complaint:  # the other blocks are read as they are; the XMP leniently, and the editor is told
            lenient = lenient_xmp(image.xmpPacket(), language)
            for name, per_block in lenient.items():
                found[name] = {**per_block, **{b: v for b, v in found.get(name, {}).items() if b != "XMP"}}
            damaged = complaint.replace("unreadable", "damaged") + ", read leniently"
            meta.warnings.append(damaged if lenient else complaint)
        return found


def _exiv2_reason(exc: exiv2.Exiv2Error) -> str:
    code = getattr(exc, "code", None)
    return getattr(code, "name", "") or str(exc)[:80]


def read_sidecar(data: bytes, language: str = "") -> dict[str, object]:
    """The archive fields an XMP sidecar (`NAME.xmp`) states."""
    with EXIV2_LOCK:
        try:
            image = _open(bytes(data))
        except exiv2.Exiv2Error:
            return {}
        found = _blocks(None, None, image.xmpData(), language)
    return {name: per_block["XMP"] for name, per_block in found.items() if "XMP" in per_block}


def raw_preview(data: bytes) -> tuple[bytes, int, int] | None:
    """The largest embedded JPEG preview of a raw file (bytes, width, height), or None.
    Without one, the largest preview stored as a JPEG-compressed TIFF directory (how Adobe's DNG
    converter and Camera Raw write theirs: PhotoPrism's canon_eos_6d.dng), re-encoded as a JPEG.
    Other TIFF "previews" exiv2 lists are raw strips or missing data: never used."""
    with EXIV2_LOCK:
        try:
            image = _open(data)
            manager = exiv2.PreviewManager(image)
            props = list(manager.getPreviewProperties())
            jpegs = [p for p in props if p.mimeType_ == "image/jpeg"]
            if jpegs:
                best = max(jpegs, key=lambda p: p.width_ * p.height_)
                preview = manager.getPreviewImage(best)
                return bytes(preview.copy().data()), preview.width(), preview.height()
            tiffs = sorted((p for p in props if p.mimeType_ == "image/tiff"), key=lambda p: -p.width_ * p.height_)
            candidates = [bytes(manager.getPreviewImage(p).copy().data()) for p in tiffs]
        except exiv2.Exiv2Error:
            return None
    for candidate in candidates:
        found = _jpeg_of_tiff_preview(candidate)
        if found:
            return found
    return None


def _jpeg_of_tiff_preview(tiff: bytes) -> tuple[bytes, int, int] | None:
    """A TIFF preview whose pixels are JPEG-compressed (a rendered picture, not sensor data)
    and decode whole, as JPEG bytes; else None."""
    try:
        with Image.open(io.BytesIO(tiff)) as image:
            if image.format != "TIFF" or image.info.get("compression") != "jpeg":
                return None
            image.load()
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=95)
            return out.getvalue(), image.width, image.height
    except (OSError, SyntaxError, ValueError, RuntimeError, Image.DecompressionBombError):
        return None


def raw_format(name: str) -> str:
    """'Nikon NEF' for a name ending in .nef; '' when the extension is not a raw format."""
    return RAW_EXTENSIONS.get(name.rsplit(".", 1)[-1].lower(), "") if "." in (name or "") else ""


def displayed_size(image: Image.Image, orientation: int) -> tuple[int, int]:
    """Width and height as a viewer shows them."""
    width, height = image.size
    if image.format == "AVIF":  # Pillow reports the container's irot/imir as an EXIF orientation
        try:
            turned = image.getexif().get(0x0112) in (5, 6, 7, 8)
        except (ValueError, SyntaxError, OSError):
            turned = False
    elif image.format in ("HEIF", "TIFF"):
        turned = False  # pillow-heif applied irot/imir; Pillow 13 reports a TIFF already turned
    else:
        turned = orientation in (5, 6, 7, 8)
    return (height, width) if turned else (width, height)


def _pillow_resolution(image: Image.Image) -> tuple[int | None, str]:
    info = image.info
    if image.format == "JPEG" and info.get("jfif_unit") in (1, 2) and info.get("jfif_density"):
        density = float(info["jfif_density"][0])
        dpi = round(density * (dimensions.CM_PER_INCH if info["jfif_unit"] == 2 else 1))
        if dimensions.MIN_DPI <= dpi <= dimensions.MAX_DPI:
            return dpi, "JFIF"
    if image.format == "PNG" and info.get("dpi"):  # Pillow sets it only for a pHYs unit of metres
        dpi = round(float(info["dpi"][0]))
        if dimensions.MIN_DPI <= dpi <= dimensions.MAX_DPI:
            return dpi, "PNG pHYs"
    return None, ""


def _xmp_packet(image: Image.Image):
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if packet is None and image.format == "TIFF":
        packet = image.tag_v2.get(700)
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    return packet


def _as_bytes(source) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    source.seek(0)
    data = source.read()
    source.seek(0)
    return data


def read_metadata(source, *, name: str = "", sidecar_xmp: bytes | None = None, language: str = "") -> EmbeddedMetadata:
    """Pixel size as displayed, stated resolution and the archive's fields of an image file
    (bytes or a file object), raw files through their embedded preview. `sidecar_xmp` (a
    `NAME.xmp` beside the file) wins over what the file itself says. Never raises on a bad
    file: what could not be read is in `warnings`, and `pixels_error` says why Pillow could
    not open the pixels (the upload check refuses such a file with its own message)."""
    data = _as_bytes(source)
    meta = EmbeddedMetadata()
    pixels = data
    meta.raw_format = raw_format(name)
    if meta.raw_format:
        preview = raw_preview(data)
        pixels = preview[0] if preview else None
        if preview is None:
            meta.pixels_error = "no_preview"
    image = None
    if pixels is not None:
        try:
            image = Image.open(io.BytesIO(pixels))
        except (OSError, SyntaxError, ValueError, RuntimeError, Image.DecompressionBombError) as exc:
            meta.pixels_error = type(exc).__name__  # RuntimeError: libavif or libheif refused the file
    try:
        meta.format = image.format if image is not None else ""
        packet = _xmp_packet(image) if image is not None else None
        exif_packet = image.info.get("exif") if image is not None else None
        found = _read_blocks(data, meta, language, packet, exif_packet if isinstance(exif_packet, bytes) else None)
        if image is not None:
            meta.width_px, meta.height_px = displayed_size(image, meta.orientation)
            if meta.dpi is None:
                meta.dpi, meta.dpi_source = _pillow_resolution(image)
        elif not meta.raw_format:
            meta.width_px, meta.height_px = _exiv2_size(data, meta.orientation)
    finally:
        if image is not None:
            image.close()
    if sidecar_xmp:
        for field_name, value in read_sidecar(sidecar_xmp, language).items():
            found.setdefault(field_name, {})["sidecar"] = value
    _choose(meta, found)
    return meta


def _exiv2_size(data: bytes, orientation: int) -> tuple[int, int]:
    """The pixel size libexiv2 reads from the headers, for a file Pillow cannot open."""
    with EXIV2_LOCK:
        try:
            image = _open(data)
            width, height = image.pixelWidth(), image.pixelHeight()
        except exiv2.Exiv2Error:
            return 0, 0
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


class NoPreviewError(ValueError):
    """A raw file without an embedded JPEG preview: nothing the archive can show."""

    def __init__(self, raw_format: str):
        super().__init__(raw_format)
        self.raw_format = raw_format


# --- writing ---------------------------------------------------------------------------------

# field -> (XMP key, IIM key, IIM length limit in bytes); lists are written item by item
WRITE_KEYS = {
    "caption": ("Xmp.dc.description", "Iptc.Application2.Caption", 2000),
    "headline": ("Xmp.photoshop.Headline", "Iptc.Application2.Headline", 256),
    "title": ("Xmp.dc.title", "Iptc.Application2.ObjectName", 64),
    "credit": ("Xmp.photoshop.Credit", "Iptc.Application2.Credit", 32),
    "copyright_notice": ("Xmp.dc.rights", "Iptc.Application2.Copyright", 128),
    "sublocation": ("Xmp.iptc.Location", "Iptc.Application2.SubLocation", 32),
    "city": ("Xmp.photoshop.City", "Iptc.Application2.City", 32),
    "region": ("Xmp.photoshop.State", "Iptc.Application2.ProvinceState", 32),
    "country": ("Xmp.photoshop.Country", "Iptc.Application2.CountryName", 64),
    "country_code": ("Xmp.iptc.CountryCode", "Iptc.Application2.CountryCode", 3),
    "special_instructions": ("Xmp.photoshop.Instructions", "Iptc.Application2.SpecialInstructions", 256),
    "job_id": ("Xmp.photoshop.TransmissionReference", "Iptc.Application2.TransmissionReference", 32),
    "caption_writer": ("Xmp.photoshop.CaptionWriter", "Iptc.Application2.Writer", 32),
    "source": ("Xmp.photoshop.Source", "Iptc.Application2.Source", 32),
    "archive_id": ("Xmp.archive.ArchiveId", None, 0),
    "creators": ("Xmp.dc.creator", "Iptc.Application2.Byline", 32),
    "keywords": ("Xmp.dc.subject", "Iptc.Application2.Keywords", 64),
}
NO_IIM_FORMATS = {"image/webp"}  # WebP has no IIM container: exiv2 would drop it silently


class WriteUnsupported(ValueError):
    """libexiv2 cannot write this kind of file (AVIF, HEIC and other BMFF files)."""


def _iim_text(text: str, limit: int) -> str:
    """Cut to the IIM dataset's length in UTF-8 bytes (exiv2 does not), never inside a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def write_metadata(source, fields: dict) -> bytes:
    """A copy of an image file (bytes or a path) with the archive's metadata written in: XMP
    always, IPTC-IIM (declared UTF-8, cut to the IIM lengths) where the format has it. `fields`
    holds any of WRITE_KEYS' names (`creators` and `keywords` as lists; put caveats and an
    embargo in `special_instructions`). Empty values remove the field. Everything else in the
    file (EXIF, other XMP, the pixels) is kept. Raises WriteUnsupported for AVIF/HEIC files and
    exiv2.Exiv2Error for a file libexiv2 cannot read."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            data = handle.read()
    else:
        data = bytes(source)
    unknown = set(fields) - set(WRITE_KEYS)
    if unknown:
        raise ValueError(f"no such field to write: {', '.join(sorted(unknown))}")
    with EXIV2_LOCK:
        image = _open(data)
        if image.mimeType() in ("image/avif", "image/heic", "image/heif", "image/jxl"):
            raise WriteUnsupported(image.mimeType())
        xmp, iptc = image.xmpData(), image.iptcData()
        with_iim = image.mimeType() not in NO_IIM_FORMATS
        if with_iim:
            iptc["Iptc.Envelope.CharacterSet"] = UTF8_MARK.decode("ascii")
        for name, value in fields.items():
            xmp_key, iim_key, limit = WRITE_KEYS[name]
            _erase(xmp, exiv2.XmpKey(xmp_key))
            if iim_key and with_iim:
                _erase(iptc, exiv2.IptcKey(iim_key))
            if isinstance(value, list | tuple):
                items = [clean(str(v)) for v in value if clean(str(v))]
                if not items:
                    continue
                kind = exiv2.TypeId.xmpSeq if name == "creators" else exiv2.TypeId.xmpBag
                xmp[xmp_key] = exiv2.XmpArrayValue(items, kind)
                for item in items if iim_key and with_iim else []:
                    datum = exiv2.Iptcdatum(exiv2.IptcKey(iim_key))
                    datum.setValue(_iim_text(item, limit))
                    iptc.add(datum)
                continue
            text = " ".join(str(value or "").split()) if name != "caption" else str(value or "").strip()
            if not text:
                continue
            xmp[xmp_key] = text  # a plain str in a LangAlt property is its x-default
            if iim_key and with_iim:
                iptc[iim_key] = _iim_text(text, limit)
        image.writeMetadata()
        io_ = image.io()
        io_.open()
        try:
            return bytes(io_.data())
        finally:
            io_.close()


def _erase(container, key) -> None:
    while (it := container.findKey(key)) != container.end():
        container.erase(it)
