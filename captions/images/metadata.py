"""Embedded metadata: pixel size, stated resolution and the archive's fields from EXIF, IPTC
and XMP.

What is written by hand here is what Pillow gets wrong for an archive:

* resolution: Pillow reports 72 dpi for a JPEG whose JFIF header and EXIF state no unit, and
  (1, 1) dpi for a TIFF without resolution tags. A print size computed from those would be
  silently wrong, so the stated resolution is read from the headers themselves (JFIF unit and
  density, EXIF/TIFF ResolutionUnit and XResolution, PNG pHYs in metres) and anything else is
  "dpi not stated";
* IPTC and XMP: Pillow hands over the raw records (`IptcImagePlugin.getiptcinfo`, the XMP
  packet); the few archive fields are picked from them here. XMP is parsed with defusedxml.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from defusedxml import ElementTree
from PIL import Image, IptcImagePlugin

from captions.core import dimensions


@dataclass
class EmbeddedMetadata:
    """What a file says about itself. Empty strings and None mean "not stated"."""

    width_px: int = 0
    height_px: int = 0
    dpi: int | None = None
    dpi_source: str = ""  # 'JFIF', 'EXIF', 'PNG pHYs', 'TIFF'; empty when not stated
    caption: str = ""
    headline: str = ""
    date_created: str = ""
    sublocation: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    credit: str = ""
    creator: str = ""
    copyright_notice: str = ""
    special_instructions: str = ""
    source: str = ""
    supplier_image_id: str = ""
    keywords: list[str] = field(default_factory=list)

    def text_fields(self) -> dict[str, str]:
        names = (
            "caption",
            "headline",
            "date_created",
            "sublocation",
            "city",
            "region",
            "country",
            "country_code",
            "credit",
            "creator",
            "copyright_notice",
            "special_instructions",
            "source",
            "supplier_image_id",
        )
        return {name: getattr(self, name) for name in names if getattr(self, name)}


EXIF_IFD = 0x8769
EXIF_TAGS = {0x010E: "caption", 0x013B: "creator", 0x8298: "copyright_notice"}
EXIF_DATE_ORIGINAL = 0x9003
RESOLUTION_UNIT, X_RESOLUTION = 0x0128, 0x011A
INCH, CENTIMETRE = 2, 3

IPTC_TAGS = {
    (2, 120): "caption",
    (2, 105): "headline",
    (2, 92): "sublocation",
    (2, 90): "city",
    (2, 95): "region",
    (2, 101): "country",
    (2, 100): "country_code",
    (2, 110): "credit",
    (2, 80): "creator",
    (2, 116): "copyright_notice",
    (2, 40): "special_instructions",
    (2, 115): "source",
}
IPTC_DATE, IPTC_KEYWORDS = (2, 55), (2, 25)

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
XMP_TAGS = {
    "dc:description": "caption",
    "photoshop:Headline": "headline",
    "photoshop:DateCreated": "date_created",
    "Iptc4xmpCore:Location": "sublocation",
    "photoshop:City": "city",
    "photoshop:State": "region",
    "photoshop:Country": "country",
    "Iptc4xmpCore:CountryCode": "country_code",
    "photoshop:Credit": "credit",
    "dc:creator": "creator",
    "dc:rights": "copyright_notice",
    "photoshop:Instructions": "special_instructions",
    "photoshop:Source": "source",
    "plus:ImageSupplierImageID": "supplier_image_id",
}


def _text(value) -> str:
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    return " ".join(str(value or "").replace("\x00", " ").split())


def _ratio(value) -> float | None:
    try:
        if isinstance(value, tuple):
            return float(value[0]) / float(value[1])
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError, IndexError):
        return None


def _dpi(value: float | None, unit: int) -> int | None:
    if value is None:
        return None
    dpi = round(value * (dimensions.CM_PER_INCH if unit == CENTIMETRE else 1))
    return dpi if dimensions.MIN_DPI <= dpi <= dimensions.MAX_DPI else None


def stated_resolution(image: Image.Image) -> tuple[int | None, str]:
    """The dpi the file states, and where; (None, '') when it states none."""
    info = image.info
    if image.format == "JPEG" and info.get("jfif_unit") in (1, 2) and info.get("jfif_density"):
        dpi = _dpi(_ratio(info["jfif_density"][0]), INCH if info["jfif_unit"] == 1 else CENTIMETRE)
        if dpi:
            return dpi, "JFIF"
    if image.format == "PNG" and info.get("dpi"):  # Pillow sets it only for a pHYs unit of metres
        dpi = _dpi(_ratio(info["dpi"][0]), INCH)
        if dpi:
            return dpi, "PNG pHYs"
    if image.format == "TIFF":
        tags = image.tag_v2
        if X_RESOLUTION in tags:  # the TIFF standard's default unit is the inch
            unit = tags.get(RESOLUTION_UNIT, INCH)
            if unit in (INCH, CENTIMETRE):
                dpi = _dpi(_ratio(tags[X_RESOLUTION]), unit)
                if dpi:
                    return dpi, "TIFF"
        return None, ""
    exif = image.getexif()
    unit = exif.get(RESOLUTION_UNIT)  # EXIF without a unit states no resolution
    if unit in (INCH, CENTIMETRE) and X_RESOLUTION in exif:
        dpi = _dpi(_ratio(exif[X_RESOLUTION]), unit)
        if dpi:
            return dpi, "EXIF"
    return None, ""


def _read_exif(image: Image.Image, found: dict) -> None:
    exif = image.getexif()
    for tag, name in EXIF_TAGS.items():
        if exif.get(tag):
            found[name] = _text(exif[tag])
    original = exif.get_ifd(EXIF_IFD).get(EXIF_DATE_ORIGINAL)
    if original:
        found["date_created"] = _text(original)


def _read_iptc(image: Image.Image, found: dict) -> None:
    try:
        iptc = IptcImagePlugin.getiptcinfo(image) or {}
    except (SyntaxError, ValueError, OSError, IndexError):
        return
    for key, name in IPTC_TAGS.items():
        value = iptc.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if value:
            found[name] = _text(value)
    date = _text(iptc.get(IPTC_DATE) or b"")
    if len(date) == 8 and date.isdigit():  # IPTC CCYYMMDD
        found["date_created"] = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    keywords = iptc.get(IPTC_KEYWORDS)
    if keywords:
        found["keywords"] = [_text(k) for k in (keywords if isinstance(keywords, list) else [keywords]) if _text(k)]


def _xmp_packet(image: Image.Image) -> bytes | str | None:
    if image.info.get("xmp"):
        return image.info["xmp"]
    if image.info.get("XML:com.adobe.xmp"):
        return image.info["XML:com.adobe.xmp"]
    if image.format == "TIFF":
        return image.tag_v2.get(700)
    return None


def _xmp_value(element) -> list[str]:
    """The text of an XMP property: simple, or the items of an rdf:Alt / Seq / Bag."""
    items = element.findall(".//rdf:li", NS)
    if not items:
        return [_text(element.text)] if _text(element.text) else []
    default = [li for li in items if li.get(f"{{{NS['xml']}}}lang") == "x-default"]
    chosen = default if default and element.find("rdf:Alt", NS) is not None else items
    return [_text(li.text) for li in chosen if _text(li.text)]


def _read_xmp(image: Image.Image, found: dict) -> None:
    packet = _xmp_packet(image)
    if not packet:
        return
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    try:
        root = ElementTree.fromstring(packet.strip(b"\x00 \n"))
    except Exception:  # defusedxml refuses entity tricks; a broken packet is simply ignored
        return
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for qualified, name in XMP_TAGS.items():
            prefix, local = qualified.split(":")
            uri = f"{{{NS[prefix]}}}{local}"
            value = description.get(uri)  # properties may be attributes
            values = [_text(value)] if value else []
            element = description.find(uri)
            if element is not None:
                values = _xmp_value(element)
            if values:
                found[name] = "; ".join(values) if name == "creator" else values[0]
        subject = description.find("dc:subject", NS)
        if subject is not None and _xmp_value(subject):
            found["keywords"] = _xmp_value(subject)


def read_metadata(upload) -> EmbeddedMetadata:
    """Pixel size, stated resolution and the archive's fields from EXIF, IPTC and XMP
    (XMP wins over IPTC, IPTC over EXIF, as the photo metadata guidelines of the MWG say)."""
    upload.seek(0)
    with Image.open(upload) as image:
        found: dict = {}
        for reader in (_read_exif, _read_iptc, _read_xmp):
            try:
                reader(image, found)
            except (SyntaxError, ValueError, KeyError, TypeError, OSError):
                continue  # unreadable metadata is no reason to refuse the pixels
        dpi, source = stated_resolution(image)
        meta = EmbeddedMetadata(width_px=image.width, height_px=image.height, dpi=dpi, dpi_source=source, **found)
    upload.seek(0)
    return meta
