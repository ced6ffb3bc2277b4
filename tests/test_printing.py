"""Print renditions (captions.images.printing): exactly the pixels the size needs at the dpi,
upright, the dpi and colour profile in the file, sharpened; images made in memory."""

import io

import pytest
from PIL import Image, ImageCms, ImageDraw, ImageStat

from captions.core import dimensions
from captions.images.printing import print_rendition, sharpen_radius


def picture(size=(1880, 1160), mode="RGB", fmt="JPEG", **save) -> bytes:
    image = Image.new(mode, size, "white" if mode != "CMYK" else (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 40):  # detail for the resampling and the sharpening to act on
        draw.line([(x, 0), (x, size[1])], fill="black" if mode != "CMYK" else (0, 0, 0, 255), width=3)
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    "size,dpi,width_cm",
    [((1880, 1160), 300, 10.0), ((1880, 1160), 300, 30.0), ((1160, 1880), 240, 12.5), ((3000, 2000), 150, 21.0)],
)
def test_the_rendition_is_exactly_the_pixels_the_width_needs_at_the_dpi(size, dpi, width_cm):
    result = print_rendition(picture(size), dpi=dpi, width_cm=width_cm)
    image = opened(result.data)
    expected = dimensions.rendition_pixels(*size, dpi=dpi, width_cm=width_cm)
    assert image.size == (result.width_px, result.height_px) == expected
    assert image.format == "JPEG" and image.info["dpi"] == (dpi, dpi)
    # printed at its dpi it is the width asked for, to the pixel (never short)
    assert dimensions.centimetres(image.width, dpi) >= width_cm > dimensions.centimetres(image.width - 1, dpi)
    assert result.enlarged == (expected[0] > size[0])


def test_without_a_width_the_pixels_stay_and_the_dpi_changes():
    result = print_rendition(picture((800, 600), dpi=(72, 72)), dpi=300)
    image = opened(result.data)
    assert image.size == (800, 600) and image.info["dpi"] == (300, 300) and not result.enlarged


def test_a_sideways_phone_shot_comes_out_upright_at_its_displayed_width():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored 1600 x 1200, shown turned: 1200 wide, 1600 high
    result = print_rendition(picture((1600, 1200), exif=exif.tobytes()), dpi=300, width_cm=5)
    image = opened(result.data)
    assert image.size == dimensions.rendition_pixels(1200, 1600, dpi=300, width_cm=5) == (591, 788)
    assert image.getexif().get(0x0112) in (None, 1)  # no orientation left to apply twice


def test_the_colour_profile_is_kept_and_a_cmyk_file_stays_cmyk():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    result = print_rendition(picture((400, 300), mode="RGB", icc_profile=profile), dpi=300, width_cm=2)
    assert opened(result.data).info.get("icc_profile") == profile
    cmyk = opened(print_rendition(picture((400, 300), mode="CMYK"), dpi=300, width_cm=2).data)
    assert cmyk.mode == "CMYK"


def test_a_transparent_png_is_flattened_onto_white():
    image = Image.new("RGBA", (200, 100), (255, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    result = opened(print_rendition(out.getvalue(), dpi=300).data)
    assert result.mode == "RGB" and ImageStat.Stat(result).mean[1] > 250  # white, not black


def test_sharpened_for_print():
    source = picture((1880, 1160))
    plain = opened(source).resize((1182, 729), Image.Resampling.LANCZOS).convert("L")
    sharp = opened(print_rendition(source, dpi=300, width_cm=10).data).convert("L")
    assert ImageStat.Stat(sharp).stddev[0] > ImageStat.Stat(plain).stddev[0]  # more edge contrast
    assert sharpen_radius(300) == 1.5 and sharpen_radius(72) == 0.5


def test_a_file_that_is_not_an_image_is_an_error_the_caller_reports():
    with pytest.raises(OSError):
        print_rendition(b"%PDF-1.4 not a picture", dpi=300)


def test_a_png_whose_exif_text_pillow_cannot_parse_still_prints():
    # A PNG may carry EXIF as ImageMagick's "Raw profile type exif" text (hex digits); where that
    # text is not hexadecimal, Pillow's getexif() raises ValueError. The upload takes such a file
    # (its renditions do not need Pillow's EXIF), so the print must too: upright as stored.
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", "\nexif\n      8\n4578696600zz4d4d\n")
    result = print_rendition(picture((400, 300), fmt="PNG", pnginfo=info), dpi=300, width_cm=2)
    image = opened(result.data)
    assert image.size == dimensions.rendition_pixels(400, 300, dpi=300, width_cm=2)
