"""Renditions: one reduced decode, turned upright; a large PNG decoded band by band gives
exactly what a whole decode gives, without ever holding the full frame."""

import io

import pytest
from PIL import Image

from captions.images import renditions

SIZES = {"thumbnail": 24, "preview": 120}


def png(mode: str, size=(500, 389), **save_args) -> bytes:
    image = Image.effect_noise(size, 60).convert("L" if mode in ("L", "LA") else "RGB")
    if mode in ("P", "PT"):
        image = image.quantize(64)
    if mode in ("RGBA", "LA"):
        image.putalpha(Image.linear_gradient("L").resize(image.size))
    out = io.BytesIO()
    image.save(out, "PNG", **({"transparency": 3} if mode == "PT" else {}), **save_args)
    return out.getvalue()


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "LA", "P", "PT"])
def test_a_png_decoded_in_bands_equals_the_whole_decode(mode, monkeypatch):
    data = png(mode)
    monkeypatch.setattr(renditions, "BAND_BYTES", 20_000)  # many bands, a short last one
    with Image.open(io.BytesIO(data)) as image:
        banded = renditions._png_reduced(data, image, 3)
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        whole = image.convert("RGBA" if mode == "PT" else "RGB") if mode in ("P", "PT") else image
        expected = whole.reduce(3)
    assert banded.size == expected.size and banded.tobytes() == expected.tobytes()


def test_a_16_bit_png_is_decoded_whole():
    sixteen = io.BytesIO()
    Image.new("I;16", (300, 200), 30000).save(sixteen, "PNG")
    with Image.open(io.BytesIO(sixteen.getvalue())) as image:
        assert renditions._png_reduced(sixteen.getvalue(), image, 2) is None
    made = renditions.make_renditions(sixteen.getvalue(), SIZES)
    with Image.open(io.BytesIO(made["preview"])) as preview:
        assert preview.size == (120, 80)


def test_a_cut_off_png_is_an_error_not_a_grey_picture(monkeypatch):
    data = png("RGB", size=(1200, 900))
    monkeypatch.setattr(renditions, "BAND_BYTES", 50_000)
    with pytest.raises(OSError):
        renditions.make_renditions(data[: len(data) // 2], SIZES)


@pytest.mark.parametrize("orientation,size", [(1, (120, 60)), (6, (60, 120)), (8, (60, 120)), (3, (120, 60))])
def test_renditions_are_turned_upright(orientation, size):
    out = io.BytesIO()
    picture = Image.new("RGB", (800, 400), "white")
    picture.paste(Image.new("RGB", (400, 200), "black"), (0, 0))  # the top left quarter is black
    picture.save(out, "JPEG")
    made = renditions.make_renditions(out.getvalue(), SIZES, orientation=orientation)
    with Image.open(io.BytesIO(made["preview"])) as preview:
        assert preview.size == size
        corner = preview.getpixel((5, 5))[0]
        assert (corner < 60) == (orientation == 1), corner  # the black quarter moved where it belongs
    with Image.open(io.BytesIO(made["thumbnail"])) as thumbnail:
        assert max(thumbnail.size) == 24
