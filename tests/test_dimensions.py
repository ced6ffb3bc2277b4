"""Print arithmetic (pure): the seed's numbers, target dpi, and the stated-size check."""

import pytest

from captions.core import dimensions as d


def test_seed_native_size_at_150_dpi():
    size = d.print_size(1880, 1160, 150)
    assert d.round_half_up(size.width_cm) == 31.8
    assert d.round_half_up(size.height_cm) == 19.6
    assert d.round_half_up(size.width_in) == 12.5
    assert d.round_half_up(size.height_in) == 7.7


def test_seed_at_300_dpi():
    size = d.print_size(1880, 1160, 300)
    assert d.round_half_up(size.width_cm) == 15.9
    assert d.round_half_up(size.height_cm) == 9.8
    assert d.round_half_up(size.width_in) == 6.3
    assert d.round_half_up(size.height_in) == 3.9


def test_full_precision_is_kept():
    size = d.print_size(1880, 1160, 150)
    assert size.width_in == pytest.approx(12.533333, abs=1e-6)
    assert size.width_cm == pytest.approx(31.834667, abs=1e-6)


def test_megapixels_orientation_aspect():
    assert d.megapixels(6000, 4000) == 24.0
    assert d.orientation(6000, 4000) == "landscape"
    assert d.orientation(4000, 6000) == "portrait"
    assert d.orientation(3000, 3000) == "square"
    assert d.aspect_ratio(6000, 4000) == "3:2"
    assert d.aspect_ratio(1920, 1080) == "16:9"
    assert d.aspect_ratio(1880, 1160) == "1.62:1"


@pytest.mark.parametrize("bad", [(0, 10, 300), (10, 0, 300), (10, 10, 0), (-1, 10, 300)])
def test_print_size_refuses_non_positive_values(bad):
    with pytest.raises(ValueError):
        d.print_size(*bad)


def test_a_print_rendition_is_exactly_the_pixels_its_width_needs_at_the_dpi():
    # the seed, 1880 x 1160 px, printed 10 cm wide at 300 dpi: 1181.1 px -> 1182, height to scale
    assert d.rendition_pixels(1880, 1160, dpi=300, width_cm=10) == (1182, 729)
    width, height = d.rendition_pixels(1880, 1160, dpi=300, width_cm=10)
    assert d.centimetres(width, 300) >= 10 > d.centimetres(width - 1, 300)
    assert d.rendition_pixels(1160, 1880, dpi=240, width_cm=20) == (1890, 3063)  # portrait
    assert d.rendition_pixels(1880, 1160, dpi=300) == (1880, 1160)  # no width: the file's own pixels
    assert d.rendition_pixels(4000, 3, dpi=72, width_cm=1) == (29, 1)  # never 0 px high


@pytest.mark.parametrize("bad", [{"width_cm": 0}, {"width_cm": -3}, {"dpi": 0, "width_cm": 5}])
def test_a_print_rendition_refuses_sizes_that_cannot_print(bad):
    with pytest.raises(ValueError):
        d.rendition_pixels(100, 100, **{"dpi": 300, **bad})


def test_pixels_for_rounds_up():
    assert d.pixels_for(30.0, 300) == 3544  # 3543.3 px needed; 3543 would fall short
    assert d.pixels_for(2.54, 300) == 300


@pytest.mark.parametrize("stated, expected", [("31,8", 1), ("31.8", 1), ("30", 0), ("20.00", 2), ("13.33", 2)])
def test_decimals_of_stated_numbers(stated, expected):
    assert d.decimals_of(stated) == expected


def test_tolerance_is_half_a_unit_plus_a_hundredth():
    assert d.tolerance_for("31,8") == pytest.approx(0.06)
    assert d.tolerance_for("30") == pytest.approx(0.51)
    assert d.tolerance_for("13.33") == pytest.approx(0.015)


def test_seed_stated_sizes_agree():
    stated = [d.StatedSize("31,8", "19,6", "cm"), d.StatedSize("12,5", "7,7", "in")]
    assert d.mismatched_lengths(1880, 1160, 150, stated) == []


def test_whole_centimetres_within_half_a_unit():
    # 3543 x 2362 px at 300 dpi = 29.997 x 19.997 cm, stated "30 x 20 cm"
    assert d.mismatched_lengths(3543, 2362, 300, d.StatedSize("30", "20", "cm")) == []


def test_mismatch_names_the_wrong_side():
    # 1600 px at 240 dpi = 16.93 cm, stated 21,2 cm
    wrong = d.mismatched_lengths(2400, 1600, 240, [d.StatedSize("25,4", "21,2", "cm"), d.StatedSize("10", "6,7", "in")])
    assert wrong == ["height_cm"]


def test_mismatch_at_the_edge_of_the_tolerance():
    # 1880 px / 150 dpi = 12.5333 in: "12.5" is within 0.06, "12.6" is not (0.0667 off)
    assert d.mismatched_lengths(1880, 1160, 150, d.StatedSize("12.5", None, "in")) == []
    assert d.mismatched_lengths(1880, 1160, 150, d.StatedSize("12.6", None, "in")) == ["width_in"]
    # two decimals are held to two decimals: 20.00 x 13.33 in for 6000 x 4000 at 300 dpi
    assert d.mismatched_lengths(6000, 4000, 300, d.StatedSize("20.00", "13.33", "in")) == []
    assert d.mismatched_lengths(6000, 4000, 300, d.StatedSize("20.00", "13.36", "in")) == ["height_in"]


def test_nothing_to_check_without_pixels_or_dpi():
    assert d.mismatched_lengths(None, 1160, 150, d.StatedSize("1", "1", "cm")) == []
    assert d.mismatched_lengths(1880, 1160, None, d.StatedSize("1", "1", "cm")) == []


def test_round_half_up_reads_like_a_ruler():
    assert d.round_half_up(12.45) == 12.5
    assert d.round_half_up(0.05) == 0.1
    assert d.round_half_up(19.64) == 19.6


def test_pure_module_has_no_django_import():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(d))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    }
    assert not any(m and m.startswith("django") for m in modules)
