"""Renditions: the thumbnail and preview JPEGs stored beside an image file.

PURE (no Django): `import_images` makes them in worker processes. One decode per file, and
only as large as the preview needs: a JPEG is decoded at 1/2, 1/4 or 1/8 scale by libjpeg
(`draft`), other formats are box-reduced by an integer factor (`reduce`) before the final
Lanczos resize, and the thumbnail is made from the preview, not from the full frame again.
Measured in docs/BENCHMARKS.md (bench/bench_images.py).
"""

from __future__ import annotations

import io
import threading

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
REDUCING_GAP = 2.0  # box-reduce to at least twice the target, then Lanczos: sharp and fast


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
        if image.format == "JPEG":
            image.draft("RGB" if image.mode not in ("L", "CMYK") else image.mode, (largest, largest))
        image.load()
        frame = image
        factor = int(max(frame.size) / (largest * REDUCING_GAP))
        if factor > 1:
            frame = frame.reduce(factor)  # integer box filter: C speed, a fraction of the memory
        frame = _flatten(frame)
        for step in TRANSPOSE.get(turn, ()):
            frame = frame.transpose(step)
        for name, side in sorted(sizes.items(), key=lambda item: -item[1]):
            if max(frame.size) > side:
                frame = frame.copy() if frame is image else frame
                frame.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
            made[name] = _jpeg(frame)
    return made
