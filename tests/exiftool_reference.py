"""exiftool as the reference reader: the archive's fields as exiftool reads them, and the
comparison with what `captions.images.metadata` reads. Used by the metadata tests (generated
files), the on-demand corpus test and `bench/metadata_corpus.py` (docs/METADATA.md).

exiftool is Debian's `libimage-exiftool-perl` (scripts/install-browser.sh installs it); it is a
tool for tests and measurements only, never a runtime dependency. The priority is the reader's:
XMP > IIM > EXIF. exiftool reads IIM without CodedCharacterSet as cp1252; where the bytes are
really UTF-8 the project's reading is the right one, counted as equal and listed apart.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

EXIFTOOL = shutil.which("exiftool") or "/usr/bin/exiftool"

# project field -> exiftool tags (XMP, IIM, EXIF), as `exiftool -G1` names them
TEXT_TAGS = {
    "caption": ("XMP-dc:Description", "IPTC:Caption-Abstract", "IFD0:ImageDescription"),
    "headline": ("XMP-photoshop:Headline", "IPTC:Headline", None),
    "title": ("XMP-dc:Title", "IPTC:ObjectName", None),
    "credit": ("XMP-photoshop:Credit", "IPTC:Credit", None),
    "copyright_notice": ("XMP-dc:Rights", "IPTC:CopyrightNotice", "IFD0:Copyright"),
    "sublocation": ("XMP-iptcCore:Location", "IPTC:Sub-location", None),
    "city": ("XMP-photoshop:City", "IPTC:City", None),
    "region": ("XMP-photoshop:State", "IPTC:Province-State", None),
    "country": ("XMP-photoshop:Country", "IPTC:Country-PrimaryLocationName", None),
    "country_code": ("XMP-iptcCore:CountryCode", "IPTC:Country-PrimaryLocationCode", None),
    "job_id": ("XMP-photoshop:TransmissionReference", "IPTC:OriginalTransmissionReference", None),
    "caption_writer": ("XMP-photoshop:CaptionWriter", "IPTC:Writer-Editor", None),
    "special_instructions": ("XMP-photoshop:Instructions", "IPTC:SpecialInstructions", None),
    "source": ("XMP-photoshop:Source", "IPTC:Source", None),
    "supplier_image_id": ("XMP-plus:ImageSupplierImageID", None, None),
}
LIST_TAGS = {
    "creators": ("XMP-dc:Creator", "IPTC:By-line", "IFD0:Artist"),
    "keywords": ("XMP-dc:Subject", "IPTC:Keywords", None),
}
FIELDS = (
    *TEXT_TAGS,
    *LIST_TAGS,
    "supplier_name",
    "supplier_id",
    "date_created",
    "width_px",
    "height_px",
    "orientation",
    "dpi",
)
BMFF_TYPES = {"HEIC", "HEIF", "AVIF"}
RAW_EXTENSIONS = {"dng", "cr2", "cr3", "crw", "nef", "nrw", "raf", "rw2", "mrw", "x3f", "orf", "pef", "arw", "srw"}


def available() -> bool:
    return os.path.exists(EXIFTOOL)


def clean(text: str) -> str:
    return " ".join(str(text).replace("\x00", " ").split())


def _text(value) -> str:
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return clean(value)


def _list(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [clean(v) for v in items if clean(v)]


def _iso_date(text) -> str:
    text = str(text).strip()
    if len(text) >= 10 and text[4] in ":-" and text[7] in ":-" and text[:4].isdigit() and text[:4] != "0000":
        return f"{text[:4]}-{text[5:7]}-{text[8:10]}"
    return ""


def run_exiftool(paths: list[str]) -> dict[str, tuple[dict, dict]]:
    """{path: (tags as text, tags as numbers)} for every path exiftool can read, in two calls."""
    out = {}
    for numeric in (False, True):
        args = [EXIFTOOL, "-j", "-G1", "-a", "-struct", "-charset", "filename=utf8"]
        args += ["-n"] if numeric else []
        proc = subprocess.run([*args, "-@", "-"], input="\n".join(paths).encode(), capture_output=True, check=False)
        # exiftool passes a value's bytes through as they are: not always UTF-8 (a Latin-1 maker note)
        for entry in json.loads(proc.stdout.decode("utf-8", "replace") or "[]"):
            text, num = out.setdefault(entry["SourceFile"], ({}, {}))
            (num if numeric else text).update(entry)
    return out


def reference_fields(text: dict, num: dict) -> dict:
    """The archive's fields as exiftool reads them (XMP > IIM > EXIF), plus `_all` (every block's
    value), `_file_type`, `_warnings`."""
    out: dict = {"_all": {}}
    for mapping, convert in ((TEXT_TAGS, _text), (LIST_TAGS, _list)):
        for name, tags in mapping.items():
            per_block = {
                block: convert(text.get(tag))
                for block, tag in zip(("XMP", "IIM", "EXIF"), tags, strict=True)
                if tag and convert(text.get(tag))
            }
            out["_all"][name] = per_block
            for block in ("XMP", "IIM", "EXIF"):
                if block in per_block:
                    out[name] = per_block[block]
                    break
    suppliers = text.get("XMP-plus:ImageSupplier")
    suppliers = [suppliers] if isinstance(suppliers, dict) else suppliers
    if isinstance(suppliers, list) and suppliers and isinstance(suppliers[0], dict):
        for name, key in (("supplier_name", "ImageSupplierName"), ("supplier_id", "ImageSupplierID")):
            if _text(suppliers[0].get(key)):
                out[name] = _text(suppliers[0].get(key))
    for tag in ("XMP-photoshop:DateCreated", "IPTC:DateCreated", "ExifIFD:DateTimeOriginal"):
        if text.get(tag) and _iso_date(text[tag]):
            out["date_created"] = _iso_date(text[tag])
            break
    file_type = num.get("File:FileType", "")
    orientation = num.get("IFD0:Orientation")
    if isinstance(orientation, int):
        out["orientation"] = orientation
    size = num.get("Composite:ImageSize")
    if isinstance(size, str) and len(size.split()) == 2:
        width, height = (int(float(v)) for v in size.split())
        if file_type in BMFF_TYPES:
            if num.get("QuickTime:Rotation") in (90, 270):
                width, height = height, width
        elif orientation in (5, 6, 7, 8):
            width, height = height, width
        out["width_px"], out["height_px"] = width, height
    unit, xres = num.get("IFD0:ResolutionUnit"), num.get("IFD0:XResolution")
    jfif_unit, jfif_x = num.get("JFIF:ResolutionUnit"), num.get("JFIF:XResolution")
    png_unit, png_x = num.get("PNG-pHYs:PixelUnits"), num.get("PNG-pHYs:PixelsPerUnitX")
    if unit in (2, 3) and isinstance(xres, int | float) and xres > 0:
        out["dpi"] = round(xres * (2.54 if unit == 3 else 1))
    elif jfif_unit in (1, 2) and isinstance(jfif_x, int | float) and jfif_x > 0:
        out["dpi"] = round(jfif_x * (2.54 if jfif_unit == 2 else 1))
    elif png_unit == 1 and isinstance(png_x, int | float) and png_x > 0:
        out["dpi"] = round(png_x * 0.0254)
    out["_file_type"] = file_type
    out["_warnings"] = [str(v) for k, v in text.items() if k.endswith((":Warning", ":Error"))]
    return out


def project_fields(meta) -> dict:
    """An EmbeddedMetadata as the same flat fields."""
    out = {name: getattr(meta, name) for name in (*TEXT_TAGS, *LIST_TAGS, "supplier_name", "supplier_id")}
    out.update(
        date_created=meta.date_created,
        width_px=meta.width_px or None,
        height_px=meta.height_px or None,
        orientation=meta.orientation,
        dpi=meta.dpi,
    )
    return {k: v for k, v in out.items() if v not in ("", [], None)}


def family(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower()
    if ext in RAW_EXTENSIONS:
        return "raw"
    return {
        "jpg": "JPEG",
        "jpeg": "JPEG",
        "png": "PNG",
        "tif": "TIFF",
        "tiff": "TIFF",
        "btf": "TIFF",
        "webp": "WebP",
        "avif": "AVIF",
        "heic": "HEIF",
        "heif": "HEIF",
        "hif": "HEIF",
    }.get(ext, ext.upper())


def utf8_better(want, have) -> bool:
    """exiftool read undeclared IIM as cp1252 where the bytes were UTF-8; the project took UTF-8."""
    if isinstance(want, list) and isinstance(have, list) and len(want) == len(have):
        return all(w == h or utf8_better(w, h) for w, h in zip(want, have, strict=True))
    if not (isinstance(want, str) and isinstance(have, str)):
        return False
    try:
        return want.encode("cp1252").decode("utf-8") == have
    except UnicodeError:
        return False


def _dpi(value):
    return value if isinstance(value, int) and 1 <= value <= 10000 else None


def compare(reference: dict, got: dict, path: str) -> dict[str, str]:
    """Per field: 'match', 'match_utf8', 'mismatch', 'missing' (exiftool reads it, we do not),
    'extra' (we read what exiftool does not). Raw files: exiftool gives the sensor size, the
    record the preview's, so their width and height are not compared."""
    outcome = {}
    for name in FIELDS:
        want, have = reference.get(name), got.get(name)
        if name == "dpi":
            want, have = _dpi(want), _dpi(have)
        if name == "orientation" and want is None and have == 1:
            have = None  # "not stated" and "1" show the same
        if family(path) == "raw" and name in ("width_px", "height_px"):
            continue
        if want is None and have is None:
            continue
        if want is None:
            outcome[name] = "extra"
        elif have is None:
            outcome[name] = "missing"
        elif want == have:
            outcome[name] = "match"
        elif utf8_better(want, have):
            outcome[name] = "match_utf8"
        else:
            outcome[name] = "mismatch"
    return outcome
