"""Embedded metadata read like exiftool reads it. Each file imitates a case of the real corpus
(docs/METADATA.md): 64 x 48 pixels from Pillow, tags written by exiftool in the block and the
character set of the original. Every file is also compared with exiftool's own reading."""

import io
import logging
import struct

import pytest
from PIL import Image, PngImagePlugin, TiffImagePlugin

from captions.images import metadata
from tests import exiftool_reference
from tests.image_files import exiftool_reading, needs_exiftool, pixels, with_tags

pytestmark = needs_exiftool

EVERY_FIELD = [
    "-XMP-dc:Description=The Headline (ref2021.1) caption with ümlauts",
    "-XMP-photoshop:Headline=The Headline (ref2021.1)",
    "-XMP-dc:Title=The Title (ref2021.1)",
    "-XMP-dc:Creator=Creator1 (ref2021.1)",
    "-XMP-dc:Creator+=Creator2 (ref2021.1)",
    "-XMP-photoshop:Credit=Credit Line (ref2021.1)",
    "-XMP-dc:Rights=Copyright (Notice) 2021.1 IPTC - www.iptc.org  (ref2021.1)",
    "-XMP-dc:Subject=Keyword1ref2021.1",
    "-XMP-dc:Subject+=Keyword2ref2021.1",
    "-XMP-photoshop:DateCreated=2021:10:28 19:01:00+00:00",
    "-XMP-iptcCore:Location=Sublocation (Core) (ref2021.1)",
    "-XMP-photoshop:City=City (Core) (ref2021.1)",
    "-XMP-photoshop:State=Province/State (Core) (ref2021.1)",
    "-XMP-photoshop:Country=Country (Core) (ref2021.1)",
    "-XMP-iptcCore:CountryCode=R21",
    "-XMP-photoshop:TransmissionReference=Job Id (ref2021.1)",
    "-XMP-photoshop:CaptionWriter=Description Writer (ref2021.1)",
    "-XMP-photoshop:Instructions=Instructions (ref2021.1)",
    "-XMP-photoshop:Source=Source (ref2021.1)",
    "-XMP-plus:ImageSupplierName=Image Supplier Name (ref2021.1)",
    "-XMP-plus:ImageSupplierID=Image Supplier ID (ref2021.1)",
    "-XMP-plus:ImageSupplierImageID=Image Supplier Image ID (ref2021.1)",
    "-IPTC:CodedCharacterSet=UTF8",
    "-IPTC:Caption-Abstract=The Headline (ref2021.1) caption with ümlauts",
    "-IPTC:By-line=Creator1 (ref2021.1)",
    "-IPTC:By-line+=Creator2 (ref2021.1)",
    "-IPTC:City=City (Core) (ref2021.1)",
    "-IPTC:Country-PrimaryLocationCode=R21",
]


def read(data: bytes, name: str, **kwargs) -> metadata.EmbeddedMetadata:
    return metadata.read_metadata(data, name=name, **kwargs)


def assert_like_exiftool(data: bytes, suffix: str, meta=None) -> dict[str, str]:
    """No field that exiftool reads is missing or different (UTF-8 where exiftool shows cp1252
    mojibake counts as right); returns the outcome per field."""
    meta = meta or read(data, "image." + suffix)
    reference = exiftool_reading(data, suffix)
    outcome = exiftool_reference.compare(reference, exiftool_reference.project_fields(meta), "image." + suffix)
    wrong = {k: (v, reference.get(k)) for k, v in outcome.items() if v in ("mismatch", "missing")}
    assert not wrong, wrong
    return outcome


def test_every_field_of_the_iptc_reference_image():
    data = with_tags(pixels("JPEG", size=(200, 100)), "jpg", *EVERY_FIELD)
    meta = read(data, "IPTC-PhotometadataRef.jpg")
    assert meta.caption == "The Headline (ref2021.1) caption with ümlauts" and meta.sources["caption"] == "XMP"
    assert (meta.headline, meta.title) == ("The Headline (ref2021.1)", "The Title (ref2021.1)")
    assert meta.creators == ["Creator1 (ref2021.1)", "Creator2 (ref2021.1)"]
    assert meta.creator == "Creator1 (ref2021.1); Creator2 (ref2021.1)"
    assert meta.keywords == ["Keyword1ref2021.1", "Keyword2ref2021.1"] and meta.date_created == "2021-10-28"
    assert (meta.sublocation, meta.city, meta.region, meta.country, meta.country_code) == (
        "Sublocation (Core) (ref2021.1)",
        "City (Core) (ref2021.1)",
        "Province/State (Core) (ref2021.1)",
        "Country (Core) (ref2021.1)",
        "R21",
    )
    assert (meta.supplier_name, meta.supplier_id, meta.supplier_image_id) == (
        "Image Supplier Name (ref2021.1)",
        "Image Supplier ID (ref2021.1)",
        "Image Supplier Image ID (ref2021.1)",
    )
    assert (meta.job_id, meta.caption_writer, meta.special_instructions, meta.source) == (
        "Job Id (ref2021.1)",
        "Description Writer (ref2021.1)",
        "Instructions (ref2021.1)",
        "Source (ref2021.1)",
    )
    assert meta.set_aside == []  # IIM says the same as XMP
    outcome = assert_like_exiftool(data, "jpg", meta)
    assert outcome["supplier_name"] == outcome["supplier_image_id"] == outcome["job_id"] == "match"


def test_xmp_wins_over_iim_over_exif_and_the_others_are_set_aside():
    data = with_tags(
        pixels("JPEG"),
        "jpg",
        "-XMP-dc:Description=XMP caption",
        "-IPTC:Caption-Abstract=IIM caption",
        "-EXIF:ImageDescription=EXIF caption",
        "-IPTC:By-line=Only In IIM",
        "-IPTC:By-line+=Second In IIM",
        "-EXIF:Artist=Exif Artist",
        "-IPTC:City=Köln",
        "-Orientation#=6",
    )
    meta = read(data, "mwg.jpg")
    assert meta.caption == "XMP caption" and meta.sources["caption"] == "XMP"
    assert ("caption", "IIM", "IIM caption") in meta.set_aside and ("caption", "EXIF", "EXIF caption") in meta.set_aside
    assert meta.creators == ["Only In IIM", "Second In IIM"] and meta.sources["creators"] == "IIM"
    assert meta.city == "Köln"  # undeclared IIM that is valid UTF-8 is UTF-8
    assert (meta.orientation, meta.width_px, meta.height_px) == (6, 48, 64)  # as a viewer shows it
    assert_like_exiftool(data, "jpg", meta)


def test_undeclared_iim_mixing_cp1252_and_utf8():
    data = with_tags(pixels("JPEG"), "jpg", "-charset", "iptc=cp1252", "-IPTC:Caption-Abstract=Café in Málaga")
    data = with_tags(data, "jpg", "-charset", "iptc=utf8", "-IPTC:Sub-location=Kålltorp")
    meta = read(data, "bug501.jpg")
    assert (meta.caption, meta.sublocation) == ("Café in Málaga", "Kålltorp")
    outcome = assert_like_exiftool(data, "jpg", meta)
    assert outcome["sublocation"] == "match_utf8"  # exiftool shows 'KÃ¥lltorp'


def test_iim_declared_iso_8859_1():
    data = with_tags(
        pixels("JPEG"), "jpg", "-charset", "iptc=latin", "-IPTC:CodedCharacterSet=ESC - A", "-IPTC:City=Zürich"
    )
    assert read(data, "614.jpg").city == "Zürich"
    assert_like_exiftool(data, "jpg")


def test_control_characters_of_cp1252_iim_are_gone():
    data = with_tags(pixels("JPEG"), "jpg", "-charset", "iptc=cp1252", "-IPTC:Headline=Stra\x1fße\x07 am Meer")
    assert read(data, "ctl.jpg").headline == "Stra ße am Meer"


def test_utf8_in_exif_and_iim_declared_utf8():
    data = with_tags(
        pixels("JPEG"),
        "jpg",
        "-EXIF:ImageDescription=Café in Málaga",
        "-EXIF:Artist=Bjørn Erik Pedersen",
        "-IPTC:CodedCharacterSet=UTF8",
        "-IPTC:Credit=Ærø Foto",
    )
    meta = read(data, "reagan.jpg")
    assert (meta.caption, meta.creator, meta.credit) == ("Café in Málaga", "Bjørn Erik Pedersen", "Ærø Foto")
    assert_like_exiftool(data, "jpg", meta)


def test_non_ascii_user_comment():
    data = with_tags(pixels("JPEG"), "jpg", "-EXIF:UserComment=æøå")
    assert read(data, "uc.jpg").user_comment == "æøå"


@pytest.mark.parametrize("orientation", [1, 3, 5, 6, 8])
def test_orientation_gives_the_displayed_size(orientation):
    data = with_tags(pixels("JPEG", size=(80, 40)), "jpg", f"-Orientation#={orientation}")
    meta = read(data, "phone.jpg")
    turned = orientation in (5, 6, 7, 8)
    assert (meta.orientation, meta.width_px, meta.height_px) == (orientation, *((40, 80) if turned else (80, 40)))
    assert_like_exiftool(data, "jpg", meta)


def test_png_with_iim_and_xmp():
    data = with_tags(
        pixels("PNG"),
        "png",
        "-IPTC:Caption-Abstract=PNG IIM caption",
        "-IPTC:By-line=PNG Photographer",
        "-XMP-dc:Title=PNG title",
        "-XMP-photoshop:Credit=PNG credit",
    )
    meta = read(data, "reagan.png")
    assert (meta.caption, meta.creator, meta.title, meta.credit) == (
        "PNG IIM caption",
        "PNG Photographer",
        "PNG title",
        "PNG credit",
    )
    assert_like_exiftool(data, "png", meta)


def test_tiff_with_iim_xmp_and_resolution():
    data = with_tags(
        pixels("TIFF", dpi=(300, 300)),
        "tif",
        "-IPTC:Caption-Abstract=TIFF IIM caption",
        "-XMP-photoshop:City=Tiffstadt",
        "-XMP-dc:Creator=Tiff Creator",
    )
    meta = read(data, "reagan.tiff")
    assert (meta.caption, meta.city, meta.creator, meta.dpi) == ("TIFF IIM caption", "Tiffstadt", "Tiff Creator", 300)
    assert_like_exiftool(data, "tif", meta)


def test_webp_exif_and_xmp():
    data = with_tags(
        pixels("WEBP", lossless=True),
        "webp",
        "-EXIF:Artist=Webp Artist",
        "-XMP-dc:Description=WebP caption",
        "-Orientation#=6",
    )
    meta = read(data, "flower.webp")
    assert (meta.caption, meta.creator, meta.width_px, meta.height_px) == ("WebP caption", "Webp Artist", 48, 64)
    assert_like_exiftool(data, "webp", meta)


XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Münster">'
    '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Ein Bild</rdf:li></rdf:Alt></dc:description>'
    "<dc:creator><rdf:Seq><rdf:li>Anna</rdf:li><rdf:li>Ben</rdf:li></rdf:Seq></dc:creator>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def exif_bytes(**tags) -> bytes:
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[{"orientation": 0x0112, "artist": 0x013B, "x_resolution": 0x011A, "unit": 0x0128}[tag]] = value
    return exif.tobytes()


def test_avif_exif_and_xmp():
    data = pixels("AVIF", exif=exif_bytes(artist="Avif Artist", x_resolution=300, unit=2), xmp=XMP.encode())
    meta = read(data, "avif_exif_xmp.avif")
    assert (meta.caption, meta.creators, meta.city, meta.dpi) == ("Ein Bild", ["Anna", "Ben"], "Münster", 300)
    assert (meta.format, meta.width_px, meta.height_px) == ("AVIF", 64, 48)
    assert_like_exiftool(data, "avif", meta)


def test_avif_turned_by_its_container():
    data = pixels("AVIF", size=(80, 40), exif=exif_bytes(orientation=6))  # Pillow turns it into irot
    meta = read(data, "turned.avif")
    assert (meta.width_px, meta.height_px) == (40, 80)
    assert_like_exiftool(data, "avif", meta)


def test_heic_exif_and_xmp():
    from pillow_heif import from_pillow

    # 128 x 64: exiftool 12.57 reports the coded size of a HEVC image (80 x 40 codes as 80 x 64)
    heif = from_pillow(Image.open(io.BytesIO(pixels("PNG", size=(128, 64)))))
    out = io.BytesIO()
    heif.save(out, format="HEIF", exif=exif_bytes(artist="Heic Artist"), xmp=XMP.encode())
    data = out.getvalue()
    meta = read(data, "iphone.HEIC")
    assert (meta.format, meta.width_px, meta.height_px) == ("HEIF", 128, 64)
    assert (meta.caption, meta.creators) == ("Ein Bild", ["Anna", "Ben"])
    assert_like_exiftool(data, "heic", meta)


def test_a_broken_exif_block_still_gives_the_xmp():
    data = with_tags(pixels("JPEG"), "jpg", "-XMP-dc:Description=Still readable", "-EXIF:Artist=Lost")
    start = data.index(b"Exif\x00\x00") + 6
    assert data[start : start + 4] == b"MM\x00*"  # exiftool writes big-endian TIFF headers
    broken = data[: start + 4] + struct.pack(">I", 0x7FFFFFFF) + data[start + 8 :]
    meta = read(broken, "invalid-exif.jpg")
    assert meta.caption == "Still readable" and (meta.width_px, meta.height_px) == (64, 48)
    assert any("metadata unreadable" in w for w in meta.warnings)


def test_png_with_a_bad_exif_profile_is_read_without_error():
    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", "\nexif\n  20\nnot hex at all, zz\n", zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    meta = read(pixels("PNG", pnginfo=info), "paris.png")
    assert meta.caption == "Ein Bild" and meta.width_px == 64


def test_raw_file_reads_its_largest_jpeg_preview(tmp_path):
    preview = tmp_path / "preview.jpg"
    preview.write_bytes(pixels("JPEG", size=(160, 120)))
    data = with_tags(pixels("JPEG", size=(64, 48)), "jpg", f"-ThumbnailImage<={preview}", "-Orientation#=8")
    found = metadata.raw_preview(data)
    assert found is not None and found[1:] == (160, 120)
    meta = read(data, "DSC_0001.NEF")
    assert (meta.raw_format, meta.format, meta.width_px, meta.height_px) == ("Nikon NEF", "JPEG", 120, 160)


def test_raw_without_a_preview_says_so():
    meta = read(pixels("TIFF"), "scan.dng")
    assert meta.raw_format == "Adobe DNG" and meta.pixels_error == "no_preview"


def test_sidecar_xmp_wins_over_the_file():
    data = with_tags(pixels("JPEG"), "jpg", "-XMP-dc:Description=In the file", "-XMP-photoshop:City=Bonn")
    sidecar = with_tags(b"", "xmp", "-XMP-dc:Description=From the sidecar", "-XMP-dc:Creator=Side Car")
    meta = read(data, "a.jpg", sidecar_xmp=sidecar)
    assert (meta.caption, meta.creator, meta.city) == ("From the sidecar", "Side Car", "Bonn")
    assert meta.sources["caption"] == "sidecar" and ("caption", "XMP", "In the file") in meta.set_aside


def test_placeholder_dates_are_no_dates():
    assert metadata.iso_date("0000:00:00 00:00:00") == ""
    assert metadata.iso_date("2025:12:02 10:00:00") == "2025-12-02"
    assert metadata.iso_date("20170530") == "2017-05-30" and metadata.iso_date("2025-12") == "2025-12"


DUPLICATE_PROPERTY_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
    b"<photoshop:City>Bern</photoshop:City><photoshop:City>Basel</photoshop:City>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def test_an_xmp_packet_libexiv2_cannot_decode_is_named_in_the_warnings_and_the_rest_is_read():
    """A real agency file (Frameright's skater.jpg) carries XMP with a property written twice:
    libexiv2 then reads the file as if it had no XMP. The archive reads that packet leniently
    (the last statement wins, as in exiftool) and tells the editor; IIM and EXIF are read."""
    image = Image.new("RGB", (64, 48), "teal")
    exif = Image.Exif()
    exif[0x013B] = "Exif Artist"  # Artist
    out = io.BytesIO()
    image.save(out, "JPEG", xmp=DUPLICATE_PROPERTY_XMP, exif=exif.tobytes())
    meta = read(out.getvalue(), "twice.jpg")
    assert meta.warnings == ["XMP damaged (Duplicate property or field node), read leniently"]
    assert meta.city == "Basel" and meta.creators == ["Exif Artist"]  # the last statement, as exiftool
    assert_like_exiftool(out.getvalue(), "jpg", meta)
    assert logging.getLogger("exiv2").propagate is False  # libexiv2's complaints stay out of the server's log
    # a file with good XMP says nothing of the kind
    good = io.BytesIO()
    image.save(good, "JPEG", xmp=DUPLICATE_PROPERTY_XMP.replace(b"<photoshop:City>Basel</photoshop:City>", b""))
    meta = read(good.getvalue(), "once.jpg")
    assert meta.warnings == [] and meta.city == "Bern"


XMP_PACKET = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    b' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"'
    b' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"'
    b' photoshop:City="Warszawa" Iptc4xmpCore:CountryCode="POL" photoshop:DateCreated="2019-05-04T12:00:00">'
    b'<dc:description><rdf:Alt><rdf:li xml:lang="pl">Pa\xc5\x82ac</rdf:li>'
    b'<rdf:li xml:lang="x-default">Palace of Culture</rdf:li></rdf:Alt></dc:description>'
    b"<dc:subject><rdf:Bag><rdf:li>palace</rdf:li><rdf:li>Powi\xc5\x9ble</rdf:li></rdf:Bag></dc:subject>"
    b"<dc:creator><rdf:Seq><rdf:li>Eric</rdf:li></rdf:Seq></dc:creator>"
    b"<plus:ImageSupplier><rdf:Seq><rdf:li rdf:parseType='Resource'>"
    b"<plus:ImageSupplierName>Agency</plus:ImageSupplierName></rdf:li></rdf:Seq></plus:ImageSupplier>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def test_an_xmp_packet_padded_with_nul_bytes_is_read_leniently_like_exiftool():
    """exifr's broken1.jpg: an XMP packet padded with NUL bytes instead of spaces, which
    libexiv2's toolkit refuses whole ("Error in XMLValidator"); every field of it was missing."""
    image = Image.new("RGB", (64, 48), "teal")
    out = io.BytesIO()
    image.save(out, "JPEG", xmp=XMP_PACKET + b"\x00" * 300 + b'<?xpacket end="w"?>')
    meta = read(out.getvalue(), "broken1.jpg")
    assert meta.warnings == ["XMP damaged (Error in XMLValidator), read leniently"]
    assert (meta.caption, meta.city, meta.country_code, meta.date_created) == (
        "Palace of Culture",
        "Warszawa",
        "POL",
        "2019-05-04",
    )
    assert meta.keywords == ["palace", "Powiśle"] and meta.creators == ["Eric"] and meta.supplier_name == "Agency"
    assert_like_exiftool(out.getvalue(), "jpg", meta)
    # the same packet with spaces as padding: libexiv2 reads it, and reads it the same
    good = io.BytesIO()
    image.save(good, "JPEG", xmp=XMP_PACKET + b" " * 300 + b'<?xpacket end="w"?>')
    same = read(good.getvalue(), "good.jpg")
    assert same.warnings == [] and exiftool_reference.project_fields(same) == exiftool_reference.project_fields(meta)


def test_a_packet_that_is_no_xml_even_leniently_stays_unread_and_named():
    assert metadata.lenient_xmp(b"sample xmp string") == {}
    assert metadata.lenient_xmp(b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF') == {}
    entity = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&a;</x:xmpmeta>'
    assert metadata.lenient_xmp(entity) == {}  # defusedxml: no DTD, no entity expansion


def test_an_unsigned_resolution_of_2_to_the_31_or_more_is_no_negative_number():
    """libtiff writes 28.34 px/cm as 4294967295/151551421 (libvips' 1bit.tif, Pillow's
    hopper_webp.tif): read as a signed pair the numerator came out -1 and the dpi was lost."""
    from PIL.TiffImagePlugin import IFDRational

    out = io.BytesIO()
    rational = IFDRational(4294967295, 151551421)
    Image.new("L", (64, 48), 128).save(out, "TIFF", tiffinfo={282: rational, 283: rational, 296: 3})
    meta = read(out.getvalue(), "1bit.tif")
    assert meta.dpi == 72 and exiftool_reading(out.getvalue(), "tif")["dpi"] == 72
    assert_like_exiftool(out.getvalue(), "tif", meta)


def _with_base_offsets(data: bytes) -> bytes:
    """An AVIF/HEIF whose iloc box gives every item a 4-byte base offset (0), as some encoders
    write it (ExifReader's test.avif): the same file otherwise."""

    def box(start, end, kind):
        while start < end:
            size, name = struct.unpack(">I4s", data[start : start + 8])
            if name == kind:
                return start, size
            start += size
        raise AssertionError(kind)

    meta_at, meta_size = box(0, len(data), b"meta")
    at, size = box(meta_at + 12, meta_at + meta_size, b"iloc")
    body = data[at + 8 : at + size]
    version, sizes = body[0], body[4]
    assert version in (0, 1) and sizes == 0x44 and body[5] >> 4 == 0  # 4-byte offsets and lengths, no base offset
    (count,) = struct.unpack(">H", body[6:8])
    pos, out = 8, bytearray(body[:5]) + bytes([0x40 | (body[5] & 15)]) + body[6:8]
    for _ in range(count):
        head = 6 if version == 1 else 4  # item id, construction method (v1), data reference index
        out += body[pos : pos + head] + bytes(4)
        pos += head
        (extents,) = struct.unpack(">H", body[pos : pos + 2])
        out += body[pos : pos + 2]
        pos += 2
        for _ in range(extents):
            offset, length = struct.unpack(">II", body[pos : pos + 8])
            out += struct.pack(">II", offset + 4 * count if offset > at else offset, length)
            pos += 8
    new = data[:at] + struct.pack(">I4s", 8 + len(out), b"iloc") + bytes(out) + data[at + size :]
    return new[:meta_at] + struct.pack(">I", meta_size + 4 * count) + new[meta_at + 4 :]


def test_exif_libexiv2_does_not_find_in_an_avif_is_read_from_pillows_copy():
    """ExifReader's test.avif: libexiv2 finds no Exif item when iloc carries base offsets
    (its 180 dpi was missing; exif-samples' samplefilehub.heif lost its 72 dpi the same way)."""
    exif = Image.Exif()
    exif.update({0x011A: 180, 0x011B: 180, 0x0128: 2, 0x013B: "Exif Artist"})
    exif.get_ifd(0x8769)[0x9003] = "2011:06:28 12:06:14"
    data = _with_base_offsets(pixels("AVIF", exif=exif.tobytes()))
    with metadata.EXIV2_LOCK:
        assert not metadata._open(data).exifData().count()  # the case: libexiv2 misses it
    meta = read(data, "test.avif")
    assert (meta.dpi, meta.creators, meta.date_created, meta.warnings) == (180, ["Exif Artist"], "2011-06-28", [])
    assert assert_like_exiftool(data, "avif", meta)["dpi"] == "match"


def test_an_avif_its_decoder_refuses_is_read_without_raising():
    """libavif refuses some files outright with a RuntimeError (libavif's
    seine_sdr_gainmap_gammazero.avif: "Invalid tone mapped image item"), which went through
    read_metadata and the upload check as a server error."""
    data = bytearray(pixels("AVIF", exif=exif_bytes(artist="Exif Artist")))
    data[data.index(b"pitm") + 9] ^= 0x7F  # the primary item points at no item
    with pytest.raises(RuntimeError):
        Image.open(io.BytesIO(bytes(data)))
    meta = read(bytes(data), "gainmap.avif")
    assert meta.pixels_error == "RuntimeError" and meta.creators == ["Exif Artist"]


def test_a_jpeg_libexiv2_refuses_whole_still_gives_the_exif_pillow_found():
    """TwelveMonkeys' broken-bogus-data-prepended-real-jfif-start-at-4801.jpg: libexiv2 cannot
    follow the segments after the EXIF block and refuses the whole file; Pillow (and exiftool)
    read on. Its EXIF (date, 300 dpi, orientation) was lost with the refusal."""
    exif = Image.Exif()
    exif.update({0x011A: 300, 0x011B: 300, 0x0128: 2, 0x0112: 6, 0x013B: "Exif Artist"})
    exif.get_ifd(0x8769)[0x9003] = "2005:03:02 12:34:08"
    data = pixels("JPEG", exif=exif.tobytes())
    start = data.index(b"\xff\xe1")
    end = start + 2 + struct.unpack(">H", data[start + 2 : start + 4])[0]
    broken = data[:end] + b"\xff\x00\x7f\xff" + data[end:]  # a "segment" whose length runs past the end
    with metadata.EXIV2_LOCK, pytest.raises(metadata.exiv2.Exiv2Error):
        metadata._open(broken)  # the case: libexiv2 refuses the file
    meta = read(broken, "prepended.jpg")
    assert (meta.date_created, meta.dpi, meta.creators, meta.orientation) == ("2005-03-02", 300, ["Exif Artist"], 6)
    assert (meta.width_px, meta.height_px) == (48, 64)  # turned by the orientation, as a viewer shows it
    assert any("metadata unreadable" in w for w in meta.warnings) and "EXIF read on its own" in meta.warnings
    assert_like_exiftool(broken, "jpg", meta)


def test_a_dng_whose_preview_is_a_jpeg_compressed_tiff_directory_is_read_through_it():
    """Adobe's DNG converter and Camera Raw store the previews as TIFF directories with JPEG
    compression, which exiv2 lists as image/tiff (PhotoPrism's canon_eos_6d.dng: 256 x 171 and
    1024 x 683); the archive took only image/jpeg previews and refused the file."""
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[254] = 1  # NewSubfileType: a reduced-resolution image
    info[50706], info.tagtype[50706] = b"\x01\x04\x00\x00", 1  # DNGVersion 1.4
    data = pixels(
        "TIFF", size=(320, 240), compression="jpeg", tiffinfo=info, strip_size=1 << 20
    )  # one strip, as Adobe writes
    found = metadata.raw_preview(data)
    assert found is not None and found[1:] == (320, 240) and found[0].startswith(b"\xff\xd8")
    meta = read(data, "IMG_0001.dng")
    assert (meta.raw_format, meta.format, meta.width_px, meta.height_px, meta.pixels_error) == (
        "Adobe DNG",
        "JPEG",
        320,
        240,
        "",
    )


def test_a_tiff_preview_of_raw_strips_is_still_no_preview():
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[254] = 1
    meta = read(pixels("TIFF", size=(320, 240), tiffinfo=info), "IMG_0002.dng")  # uncompressed strips
    assert meta.pixels_error == "no_preview"
