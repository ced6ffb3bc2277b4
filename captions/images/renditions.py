"""Renditions: the thumbnail and preview JPEGs stored beside an image file.

PURE (no Django): `import_images` makes them in worker processes. One decode per file, and
only as large as the preview needs: a JPEG is decoded at 1/2, 1/4 or 1/8 scale by libjpeg
(`draft`), other formats are box-reduced by an integer factor (`reduce`) before the final
Lanczos resize, and the thumbnail is made from the preview, not from the full frame again.
Measured in docs/BENCHMARKS.md (bench/bench_images.py).
"""

from __future__ import annotations

import io
import struct
import threading
import zlib

from PIL import Image, ImageFile

TRANSPOSE = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}
REDUCING_GAP = 2.0  # box-reduce to at least twice the target, then bicubic (Pillow's thumbnail default): sharp, and
# 11 ms a 24 MP file cheaper than Lanczos (40 ms), which shows no difference at these ratios


def orientation_to_apply(image: Image.Image, stated: int) -> int:
    """The turn still to do after decoding: HEIF (pillow-heif) and TIFF (Pillow 13) come turned;
    Pillow reports an AVIF's irot/imir as an EXIF orientation; the rest use the file's EXIF
    orientation as libexiv2 read it (Pillow's own reading fails on some real files)."""
    if image.format in ("HEIF", "TIFF"):
        return 1
    if image.format == "AVIF":
        try:
            return int(image.getexif().get(0x0112) or 1)
        except (ValueError, SyntaxError, OSError, TypeError):
            return 1
    return stated if stated in TRANSPOSE else 1


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white for transparent images, RGB for 16-bit, CMYK and palette images."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "P", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> bytes a pixel at 8 bits
BAND_BYTES = 8 * 1024 * 1024  # decoded bytes a band holds


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(body, zlib.crc32(kind)))


def _png_reduced(data: bytes, image: Image.Image, factor: int) -> Image.Image | None:
    """A large 8-bit, non-interlaced PNG decoded band by band and box-reduced by `factor` as it
    goes, so the full frame (400 MB for 100 megapixels in RGB) never exists at once.

    Pillow decodes a PNG only whole; here the inflated rows are cut into bands and each band
    is handed to Pillow as a small PNG of its own, whose first row is the previous band's last
    row (unfiltered), so every PNG filter finds the row above it. None when the file is of a
    kind this does not handle (interlaced, 1-4 or 16 bits); the caller then decodes it whole."""
    header = data[16:29] if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR" else b""
    if len(header) != 13:
        return None
    width, height, depth, colour, _compression, _filter, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or interlace or colour not in PNG_CHANNELS:
        return None
    stride = width * PNG_CHANNELS[colour] + 1
    band_rows = max(factor, (BAND_BYTES // stride) // factor * factor)  # whole boxes in every band
    extra = b""  # PLTE and tRNS travel with every band
    idat = []
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind in (b"PLTE", b"tRNS"):
            extra += _chunk(kind, body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    inflater = zlib.decompressobj()
    pending = bytearray()
    above = b""  # the last row of the previous band, unfiltered (filter byte 0)
    reduced = None
    done = 0

    def emit(raw, rows: int) -> None:
        nonlocal above, done, reduced
        total = rows + (1 if above else 0)
        packer = zlib.compressobj(0)  # stored blocks: a copy and a checksum, no compression work
        stream = packer.compress(above) + packer.compress(raw) + packer.flush()
        band_png = b"".join(
            [
                PNG_SIGNATURE,
                _chunk(b"IHDR", struct.pack(">IIBBBBB", width, total, 8, colour, 0, 0, 0)),
                extra,
                struct.pack(">I", len(stream)),
                b"IDAT",
                stream,
                b"\x00\x00\x00\x00",  # Pillow does not check an IDAT's CRC; computing it costs 0.6 s a 100 MP
                _chunk(b"IEND", b""),
            ]
        )
        del stream
        with Image.open(io.BytesIO(band_png)) as band:
            band.load()
            last = band.crop((0, total - 1, width, total)).tobytes()
            first = 1 if above else 0
            if band.mode == "P":  # palette indices cannot be averaged: colours can
                band = band.convert("RGBA" if "transparency" in band.info else "RGB")
            small = band.reduce(factor, box=(0, first, width, total))
            if reduced is None:
                reduced = Image.new(small.mode, ((width + factor - 1) // factor, (height + factor - 1) // factor))
            reduced.paste(small, (0, done // factor))
        above = b"\x00" + last
        done += rows

    for body in idat:
        pending += inflater.decompress(body)
        while len(pending) >= band_rows * stride and done + band_rows < height:
            with memoryview(pending) as view:
                emit(view[: band_rows * stride], band_rows)
            del pending[: band_rows * stride]
    pending += inflater.flush()
    rest = height - done
    if rest <= 0 or len(pending) < rest * stride:
        raise OSError("image file is truncated")
    with memoryview(pending) as view:
        emit(view[: rest * stride], rest)
    return reduced


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


_TRUNCATED_LOCK = threading.Lock()


def make_renditions(
    pixels: bytes, sizes: dict[str, int], orientation: int = 1, cut_off: bool = False
) -> dict[str, bytes]:
    """{name: JPEG bytes} no larger than each longest side in `sizes`, turned upright.
    `pixels` is the file (or a raw file's embedded JPEG preview). Raises OSError, SyntaxError
    or ValueError when the pixels cannot be decoded (a damaged or cut-off file). `cut_off`:
    decode a file that ends early anyway (Pillow's switch for it is process-wide: held under a lock)."""
    if cut_off:
        with _TRUNCATED_LOCK:
            ImageFile.LOAD_TRUNCATED_IMAGES = True
            try:
                return make_renditions(pixels, sizes, orientation)
            finally:
                ImageFile.LOAD_TRUNCATED_IMAGES = False
    largest = max(sizes.values())
    made = {}
    with Image.open(io.BytesIO(pixels)) as image:
        turn = orientation_to_apply(image, orientation)
        if image.format in ("JPEG", "MPO"):
            # libjpeg decodes at 1/2, 1/4 or 1/8 scale: ask for the preview's own box (a square
            # box would make a 3:2 picture decode at twice the pixels it needs)
            width, height = image.size
            scale = largest / max(width, height)
            box = (max(1, round(width * scale)), max(1, round(height * scale)))
            image.draft("RGB" if image.mode not in ("L", "CMYK") else image.mode, box)
        factor = int(max(image.size) / (largest * REDUCING_GAP))
        frame = _png_reduced(pixels, image, factor) if image.format == "PNG" and factor > 1 else None
        if frame is None:
            image.load()
            frame = image
            if factor > 1:
                frame = frame.reduce(factor)  # integer box filter: C speed, a fraction of the memory
        frame = _flatten(frame)
        for step in TRANSPOSE.get(turn, ()):
            frame = frame.transpose(step)
        for name, side in sorted(sizes.items(), key=lambda item: -item[1]):
            if max(frame.size) > side:
                frame = frame.copy() if frame is image else frame
                frame.thumbnail((side, side), Image.Resampling.BICUBIC, reducing_gap=REDUCING_GAP)
            made[name] = _jpeg(frame)
    return made
