"""Pictures for the demo records: clearly synthetic scenes (a sky over a horizon, hills, a
skyline at dusk, shapes on a gradient, a night sky) drawn by Pillow at the record's own aspect
ratio, with no text in them. Deterministic for a key, and small: the renditions are made from
them by the same code that renders uploads, so the demo's grid shows what a real one would."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

LONG_SIDE = 960  # the preview's size: a demo picture need not be bigger than it is shown

PALETTES = [
    # sky top, sky bottom, ground, accents
    ((32, 74, 135), (173, 208, 232), (70, 104, 62), [(240, 196, 80), (230, 120, 60)]),
    ((18, 24, 64), (220, 120, 80), (40, 36, 52), [(255, 210, 120), (250, 160, 90)]),
    ((94, 140, 190), (230, 236, 240), (150, 130, 100), [(200, 60, 50), (60, 90, 160)]),
    ((60, 40, 90), (240, 170, 140), (50, 70, 90), [(255, 230, 170), (120, 200, 200)]),
    ((120, 170, 200), (250, 240, 210), (196, 168, 110), [(40, 90, 120), (220, 90, 60)]),
    ((10, 14, 30), (40, 60, 110), (20, 24, 30), [(250, 240, 200), (180, 200, 255)]),
]


def _gradient(size: tuple[int, int], top, bottom) -> Image.Image:
    """A vertical gradient, drawn as a 1-pixel column and stretched (fast at any size)."""
    width, height = size
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize((width, height), Image.Resampling.BILINEAR)


def _hills(draw, rnd, width, height, horizon, colour):
    for layer in range(3):
        shade = tuple(max(0, c - 18 * layer) for c in colour)
        base = horizon + layer * height // 12
        points = [(0, height)]
        x = 0
        while x <= width:
            points.append((x, base - rnd.randint(0, height // 7)))
            x += rnd.randint(width // 12, width // 5)
        points += [(width, base), (width, height)]
        draw.polygon(points, fill=shade)


def _skyline(draw, rnd, width, height, horizon, colour):
    x = 0
    while x < width:
        w = rnd.randint(width // 30, width // 10)
        top = horizon - rnd.randint(height // 12, height // 2)
        draw.rectangle((x, top, x + w, height), fill=colour)
        for wy in range(top + 8, horizon, 14):  # lit windows, small squares (no text)
            for wx in range(x + 5, x + w - 6, 12):
                if rnd.random() < 0.3:
                    draw.rectangle((wx, wy, wx + 4, wy + 5), fill=(250, 220, 140))
        x += w + rnd.randint(0, width // 40)
    draw.rectangle((0, horizon, width, height), fill=colour)


def _shapes(draw, rnd, width, height, accents):
    for _ in range(rnd.randint(6, 12)):
        colour = rnd.choice(accents) + (rnd.randint(110, 200),)
        r = rnd.randint(min(width, height) // 12, min(width, height) // 3)
        cx, cy = rnd.randint(0, width), rnd.randint(0, height)
        if rnd.random() < 0.5:
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
        else:
            draw.polygon([(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], fill=colour)


def scene(width_px: int, height_px: int, *, key: int) -> Image.Image:
    """A synthetic scene with the aspect ratio of `width_px` × `height_px`, its long side
    LONG_SIDE pixels; the same `key` draws the same scene."""
    rnd = random.Random(key)
    ratio = width_px / height_px
    width, height = (
        (LONG_SIDE, max(1, round(LONG_SIDE / ratio))) if ratio >= 1 else (max(1, round(LONG_SIDE * ratio)), LONG_SIDE)
    )
    sky_top, sky_bottom, ground, accents = rnd.choice(PALETTES)
    kind = rnd.choice(["hills", "skyline", "shapes", "sea", "night"])
    image = _gradient((width, height), sky_top, sky_bottom)
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    horizon = round(height * rnd.uniform(0.55, 0.75))
    if kind == "night":
        for _ in range(width * height // 2500):
            x, y = rnd.randrange(width), rnd.randrange(horizon)
            s = rnd.choice((1, 1, 2))
            draw.ellipse((x, y, x + s, y + s), fill=(255, 255, 230, rnd.randint(120, 255)))
        r = min(width, height) // 12
        mx, my = rnd.randint(r, width - r), rnd.randint(r, max(r + 1, horizon // 2))
        draw.ellipse((mx - r, my - r, mx + r, my + r), fill=(245, 240, 215, 255))
        _hills(draw, rnd, width, height, horizon, ground)
    elif kind == "shapes":
        _shapes(draw, rnd, width, height, accents)
    else:
        r = min(width, height) // rnd.randint(8, 14)
        sx, sy = rnd.randint(r, width - r), rnd.randint(r, max(r + 1, horizon - r))
        draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=accents[0] + (255,))
        if kind == "hills":
            _hills(draw, rnd, width, height, horizon, ground)
        elif kind == "skyline":
            _skyline(draw, rnd, width, height, horizon, ground)
        else:  # sea: bands of water below the horizon
            for i, y in enumerate(range(horizon, height, max(2, height // 40))):
                shade = tuple(max(0, c - 3 * i) for c in (40, 90, 140))
                draw.rectangle((0, y, width, y + height // 40), fill=shade + (255,))
    if kind != "shapes":
        clouds = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        cloud = ImageDraw.Draw(clouds)
        for _ in range(rnd.randint(0, 5)):
            cx, cy = rnd.randrange(width), rnd.randrange(max(1, horizon // 2))
            w, h = rnd.randint(width // 10, width // 4), rnd.randint(height // 30, height // 12)
            cloud.ellipse((cx - w, cy - h, cx + w, cy + h), fill=(255, 255, 255, 90))
        layer = Image.alpha_composite(clouds.filter(ImageFilter.GaussianBlur(6)), layer)
    image.paste(layer, (0, 0), layer)
    return image


def scene_jpeg(width_px: int, height_px: int, *, key: int) -> bytes:
    out = io.BytesIO()
    scene(width_px, height_px, key=key).save(out, "JPEG", quality=85)
    return out.getvalue()
