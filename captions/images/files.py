"""One image file made ready for the archive: identified, checked, read, rendered.

PURE (no Django): the admin's upload, the many-files page and `import_images`' worker
processes all call `identify` then `prepare`. A file the archive cannot keep raises `Refused`
with a code and the facts a message needs (what the file is and why it is refused); the
messages themselves, translated, are in `captions.images.uploads`.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field

from PIL import Image, UnidentifiedImageError

from captions.images import metadata, renditions

# Pillow's format name -> the extensions that may carry it (the first is the usual one).
FORMATS = {
    "JPEG": ("jpg", "jpeg", "jpe"),
    "PNG": ("png",),
    "TIFF": ("tif", "tiff"),
    "WEBP": ("webp",),
    "AVIF": ("avif",),
    "HEIF": ("heic", "heif", "hif"),
}
# A JPEG with a second picture (MPF: stereo, depth or a large preview) opens as MPO; the first is the photo.
FORMATS["MPO"] = FORMATS["JPEG"]
FORMAT_NAMES = {"WEBP": "WebP", "HEIF": "HEIC/HEIF", "MPO": "JPEG"}
# Pillow's AVIF plugin (libavif) and pillow-heif (libheif) raise RuntimeError for a file their
# library refuses ("Failed to decode image: Invalid tone mapped image item"): a damaged file too
DECODE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    TypeError,
    IndexError,
    RuntimeError,
)


class Refused(Exception):
    """The archive does not keep this file: `code` says why, `params` give the facts."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __reduce__(self):  # sent back from import_images' worker processes
        return (_refused, (self.code, self.params))


def _refused(code: str, params: dict) -> Refused:
    return Refused(code, **params)


@dataclass
class Identified:
    name: str
    data: bytes
    content_hash: str
    format: str  # Pillow's name of the pixels: JPEG ... HEIF (a raw file: its preview's, JPEG)
    raw_format: str  # 'Nikon NEF' for a raw file, else ''
    width_px: int  # as stored (not yet turned)
    height_px: int
    pixels: bytes  # what Pillow decodes: the file, or a raw file's embedded JPEG preview

    @property
    def extension(self) -> str:
        return extension(self.name)

    @property
    def kind(self) -> str:
        """What the file is, in words: 'JPEG', 'Nikon NEF raw'."""
        return f"{self.raw_format} raw" if self.raw_format else FORMAT_NAMES.get(self.format, self.format)


@dataclass
class Prepared:
    identified: Identified
    meta: metadata.EmbeddedMetadata
    renditions: dict[str, bytes] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return self.identified.content_hash


def extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def accepted_extensions() -> list[str]:
    return [ext for exts in FORMATS.values() for ext in exts] + sorted(metadata.RAW_EXTENSIONS)


def content_hash(data: bytes) -> str:
    """SHA-256 of the file's bytes: the same file twice has the same hash."""
    return hashlib.sha256(data).hexdigest()


# ISO base media brands (the 'ftyp' box): the HEIF and AVIF kinds libheif reads here, and image
# kinds it does not (the compact 'mif3' form, HEIF holding JPEG or JPEG 2000, VVC)
HEIF_BRANDS_READ = frozenset({b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc", b"avif", b"avis"})
HEIF_BRANDS_OTHER = frozenset({b"mif2", b"mif3", b"avio", b"jpeg", b"jpgs", b"j2ki", b"j2is", b"vvic", b"vvis"})


def declared_size(data: bytes) -> tuple[int, int] | None:
    """The largest image size a HEIF/AVIF file declares (its 'ispe' properties in the 'meta' box),
    without decoding anything; None for any other file."""
    at, found = 0, None
    while at + 8 <= len(data):
        size, kind = int.from_bytes(data[at : at + 4], "big"), data[at + 4 : at + 8]
        if at == 0 and kind != b"ftyp":
            return None
        if size < 8:  # 0 (to the end), 1 (a 64-bit size): no meta box follows here
            return None
        if kind == b"meta":
            box = data[at : at + size]
            start = box.find(b"ispe")
            while start >= 0 and start + 16 <= len(box):
                width, height = (
                    int.from_bytes(box[start + 8 : start + 12], "big"),
                    int.from_bytes(box[start + 12 : start + 16], "big"),
                )
                if not found or width * height > found[0] * found[1]:
                    found = (width, height)
                start = box.find(b"ispe", start + 4)
            return found
        at += size
    return None


JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # SOF0-SOF15 (not DHT, JPG, DAC)


def jpeg_precision(data: bytes) -> int | None:
    """The bits per sample a JPEG's frame header states (8 for nearly every photo; 12 or 16 for
    some medical, scientific and lossless files), walking the segments before it; None when
    the file is no JPEG or no frame header is found."""
    if not data.startswith(b"\xff\xd8"):
        return None
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
            continue
        if marker in JPEG_FRAMES:
            return data[at + 4] if at + 4 < len(data) else None
        if marker == 0xDA or marker == 0xD9:  # the scan (or the end) before any frame header
            return None
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


def describe(head: bytes) -> str:
    """What a file that is no image the archive takes looks like, from its first bytes."""
    text = head.lstrip()
    signatures = [
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"GIF8", "a GIF image"),
        (b"BM", "a BMP image"),
        (b"8BPS", "a Photoshop document (PSD)"),
        (b"\x00\x00\x01\x00", "an icon (ICO)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\xff\x0a", "a JPEG XL image"),
        (b"\x00\x00\x00\x0cJXL ", "a JPEG XL image"),
        (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
        (b"\xff\xd8\xff", "a JPEG that is damaged or cut off"),
        (b"\x89PNG", "a PNG that is damaged or cut off"),
        (b"II*\x00", "a TIFF that is damaged or of a kind Pillow does not read"),
        (b"MM\x00*", "a TIFF that is damaged or of a kind Pillow does not read"),
        (b"II+\x00", "a BigTIFF, which the archive does not read"),
    ]
    for signature, words in signatures:
        if head.startswith(signature):
            return words
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in HEIF_BRANDS_READ:
            return "a HEIF/AVIF image that is damaged or cut off"
        # the brands after the major one (the minor version, then the compatible brands): a
        # newer HEIF form such as the compact 'mif3' names its image kind ('avif') there
        size = int.from_bytes(head[:4], "big")
        others = {head[i : i + 4] for i in range(12, min(max(size, 16), len(head)) - 3, 4)}
        if brand in HEIF_BRANDS_OTHER or others & (HEIF_BRANDS_READ | HEIF_BRANDS_OTHER):
            return "a HEIF/AVIF image of a kind the archive does not read"
        return "a video (MP4/QuickTime)"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP that is damaged or cut off"
    if head.startswith(b"RIFF"):
        return "a RIFF media file (AVI/WAV)"
    lowered = text[:200].lower()
    if b"<svg" in lowered:
        return "an SVG drawing"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "a web page (HTML)"
    if not head:
        return "an empty file"
    try:
        if b"\x00" not in head:
            head.decode("utf-8")
            return "a text file"
    except UnicodeDecodeError:
        pass
    return "not a picture format the archive knows (damaged, or something else renamed)"


def identify(data: bytes, name: str, *, max_bytes: int, max_pixels: int, known_hash: str = "") -> Identified:
    """The checks before any decoding: size, what the file really is against its name, the
    pixel count (decompression bombs, and HEIF files that decode to far more than they weigh)."""
    if len(data) > max_bytes:
        raise Refused("file_too_large", size=len(data), limit=max_bytes)
    ext = extension(name)
    raw = metadata.raw_format(name)
    if not raw and not any(ext in exts for exts in FORMATS.values()):
        raise Refused("unsupported_type", name=name, what=describe(data[:64]), extension=ext)
    pixels = data
    if raw:
        preview = metadata.raw_preview(data)
        if preview is None:
            raise Refused("raw_without_preview", name=name, raw=raw)
        pixels = preview[0]
    try:
        with Image.open(io.BytesIO(pixels)) as image:
            fmt, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        raise Refused("too_many_pixels", width=None, height=None, limit=max_pixels) from None
    except DECODE_ERRORS:
        declared = declared_size(pixels)  # libavif and libheif refuse a huge image before Pillow can say so
        if declared and declared[0] * declared[1] > max_pixels:
            raise Refused("too_many_pixels", width=declared[0], height=declared[1], limit=max_pixels) from None
        if jpeg_precision(pixels) in (12, 16):  # Pillow reads 8-bit JPEGs only: not a damaged file
            raise Refused("not_an_image", name=name, what="a JPEG of 12 or 16 bits per sample") from None
        raise Refused("not_an_image", name=name, what=describe(data[:64])) from None
    if width * height > max_pixels:
        raise Refused("too_many_pixels", width=width, height=height, limit=max_pixels)
    if not raw:
        if fmt not in FORMATS:
            raise Refused("unsupported_format", name=name, format=fmt)
        if ext not in FORMATS[fmt]:
            raise Refused("format_mismatch", format=FORMAT_NAMES.get(fmt, fmt), extension=ext, expected=FORMATS[fmt][0])
    return Identified(name, data, known_hash or content_hash(data), fmt, raw, width, height, pixels)


def prepare(
    identified: Identified, *, sizes: dict[str, int], sidecar_xmp: bytes | None = None, language: str = ""
) -> Prepared:
    """Read the metadata and make the renditions (one decode). A file whose pixels cannot be
    decoded is refused as damaged: the archive keeps no image it cannot show."""
    meta = metadata.read_metadata(identified.data, name=identified.name, sidecar_xmp=sidecar_xmp, language=language)
    try:
        made = renditions.make_renditions(identified.pixels, sizes, orientation=meta.orientation)
    except DECODE_ERRORS as exc:
        if not _cut_off_jpeg(identified, exc):
            raise Refused("damaged_image", name=identified.name, kind=identified.kind, reason=str(exc)[:120]) from None
        # A camera JPEG that lost its last bytes (no end marker): the picture is there but for a
        # grey band at the bottom. Kept, and said so, rather than refusing a real photo.
        made = renditions.make_renditions(identified.pixels, sizes, orientation=meta.orientation, cut_off=True)
        meta.warnings.append("the file is cut off at the end: the bottom rows may be grey; ask for the file again")
    return Prepared(identified, meta, made)


def _cut_off_jpeg(identified: Identified, exc: Exception) -> bool:
    """A JPEG whose scan data ends early but which has most of it: more than half the bytes a
    decoder needs at 1 bit a pixel. A file cut in half is still refused as damaged."""
    return (
        identified.format in ("JPEG", "MPO")
        and isinstance(exc, OSError)
        and "truncated" in str(exc)
        and not identified.pixels.rstrip(b"\x00").endswith(b"\xff\xd9")
        and len(identified.pixels) * 8 > identified.width_px * identified.height_px
    )
