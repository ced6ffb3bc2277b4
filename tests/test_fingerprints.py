"""captions.core.fingerprints: one photo per photo, the same block again, captions alike.

PURE: no database, no Django."""

import datetime as dt

from captions.core import fingerprints as fp

SEED = (
    "Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit dem Sondergesandten des "
    "Präsidenten der Vereinigten Staaten von Amerika Steve Witkoff und Trump-Schwiegersohn Jared Kushner "
    "über den Krieg zwischen der Ukraine und Russland ab."
)
PLACE = ("Kremlin", "Moscow", "", "RU")


def values(**changes):
    base = {
        "caption": SEED,
        "width_px": 1880,
        "height_px": 1160,
        "date_start": dt.date(2025, 12, 2),
        "date_end": dt.date(2025, 12, 2),
        "credit": "",
        "supplier": "",
        "source_id": "",
    }
    base.update(changes)
    return base


def test_caption_key_folds_whitespace_case_accents_and_punctuation():
    assert fp.caption_key("  Kremlin,\n MOSCOW — talks…  ") == "kremlin moscow talks"
    assert fp.caption_key("Präsident „Putin“") == fp.caption_key("prasident putin")
    assert fp.caption_key(None) == ""


def test_the_same_photo_written_differently_has_one_fingerprint():
    first = fp.photo_fingerprint(values(), PLACE)
    assert len(first) == 64
    assert fp.photo_fingerprint(values(caption=SEED.upper().replace(" ", "  \n")), PLACE) == first
    assert fp.photo_fingerprint(values(caption=SEED.rstrip(".") + " !"), PLACE) == first
    assert fp.photo_fingerprint(values(), (" Kremlin", "Moscow ", None, "ru")) == first


def test_each_identifying_field_makes_another_photo():
    first = fp.photo_fingerprint(values(), PLACE)
    others = [
        fp.photo_fingerprint(values(caption=SEED + " Zweites Bild."), PLACE),
        fp.photo_fingerprint(values(width_px=1881), PLACE),
        fp.photo_fingerprint(values(height_px=1161), PLACE),
        fp.photo_fingerprint(values(date_start=dt.date(2025, 12, 1)), PLACE),
        fp.photo_fingerprint(values(date_end=dt.date(2025, 12, 31)), PLACE),
        fp.photo_fingerprint(values(), ("", "Moscow", "", "RU")),
        fp.photo_fingerprint(values(credit="Maxim Shemetov"), PLACE),
        fp.photo_fingerprint(values(supplier="Alamy", source_id="2R4X9KJ"), PLACE),
    ]
    assert len({first, *others}) == len(others) + 1


def test_two_photos_of_a_series_keep_their_image_ids_apart():
    one = fp.photo_fingerprint(values(supplier="Reuters", source_id="RTS1"), PLACE)
    two = fp.photo_fingerprint(values(supplier="Reuters", source_id="RTS2"), PLACE)
    assert one != two


def test_a_block_that_names_no_photo_field_is_known_by_its_other_parsed_fields():
    bare = {"caption": "", "width_px": None, "height_px": None, "date_start": None, "date_end": None}
    nowhere = ("", "", "", "")
    headline = fp.photo_fingerprint({**bare, "headline": "Talks in the Kremlin", "keywords": "Kremlin, USA"}, nowhere)
    assert len(headline) == 64
    # folded as captions are: spacing, case and punctuation aside
    assert fp.photo_fingerprint(
        {**bare, "headline": "talks  in the KREMLIN.", "keywords": "kremlin; usa"}, nowhere
    ) == (headline)
    others = {
        fp.photo_fingerprint({**bare, "headline": "Talks in the White House", "keywords": "Kremlin, USA"}, nowhere),
        fp.photo_fingerprint({**bare, "headline": "Talks in the Kremlin"}, nowhere),
        fp.photo_fingerprint(
            {**bare, "headline": "Talks in the Kremlin", "keywords": "Kremlin, USA", "dpi": 300}, nowhere
        ),
        fp.photo_fingerprint(
            {**bare, "headline": "Talks in the Kremlin", "keywords": "Kremlin, USA", "source_id": "X1"}, nowhere
        ),
        fp.photo_fingerprint({**bare, "caption": " ... "}, nowhere),
        fp.photo_fingerprint(bare, nowhere),  # nothing at all: the fingerprint of nothing
    }
    assert headline not in others and len(others) == 6


def test_the_five_fields_first_the_other_fields_only_without_them():
    assert fp.names_the_photo(values(), PLACE)
    assert not fp.names_the_photo({"caption": "…", "headline": "Talks"}, ("", "", "", ""))
    # a headline beside a caption changes nothing: the photo is its caption, pixels, date, place
    assert fp.photo_fingerprint({**values(), "headline": "Talks"}, PLACE) == fp.photo_fingerprint(values(), PLACE)


def digest_values(**changes):
    base = {name: "" for name in fp.IMPORTED_FIELDS}
    base.update(values(), problems=["truncated_text"], embargo_until=None, needs_review=True)
    base.update(changes)
    return base


def test_import_digest_changes_with_any_imported_value_and_the_place():
    first = fp.import_digest(digest_values(), PLACE)
    assert fp.import_digest(digest_values(), PLACE) == first
    for name in ("headline", "keywords", "restriction_text", "caveat_embargo", "problems", "dpi"):
        assert fp.import_digest(digest_values(**{name: "x"}), PLACE) != first, name
    assert fp.import_digest(digest_values(), ("", "Moscow", "", "RU")) != first


def test_import_digest_reads_one_instant_in_any_offset():
    berlin = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    utc = dt.datetime(2026, 1, 5, 11, 0, tzinfo=dt.UTC)
    assert fp.import_digest(digest_values(embargo_until=berlin), PLACE) == fp.import_digest(
        digest_values(embargo_until=utc), PLACE
    )


def test_caption_similarity():
    assert fp.caption_similarity(SEED, SEED.upper() + "  ") == 1.0
    one_word = SEED.replace("Treffen", "Gespräch")
    assert 0.9 <= fp.caption_similarity(SEED, one_word) < 1.0
    assert fp.caption_similarity(SEED, "Fans cheer in the stadium of Dortmund.") < 0.5
    assert fp.caption_similarity("", "") == 1.0
    # a pasted megabyte compares its first SIMILARITY_CHARS characters only
    assert fp.caption_similarity("a" * 1_000_000, "a" * 999_000 + "b" * 1000) == 1.0


def test_alike_percent_is_floored_and_100_only_for_the_same_text():
    # one letter differs in a long caption: 0.9977, which rounded read "100% alike" beside the marked word
    long = SEED * 2
    one_letter = long.replace("Treffen", "Treffer", 1)
    similarity = fp.caption_similarity(long, one_letter)
    assert 0.995 < similarity < 1.0
    assert fp.alike_percent(similarity, long, one_letter) == 99
    assert fp.alike_percent(0.9699, SEED, "other") == 96
    assert fp.alike_percent(0.29, SEED, "other") == 29  # 0.29 * 100 is 28.999999999999996
    assert fp.alike_percent(1.0, SEED, SEED + "  ") == 100
    # the similarity reads the folded text: case alone differs, or the first 2,000 characters agree
    assert fp.alike_percent(1.0, SEED, SEED.upper()) == 99


def test_most_alike_takes_the_closest_caption_above_the_threshold_first_of_equals():
    one_word = SEED.replace("Treffen", "Gespräch")
    candidates = {7: fp.comparable("Fans cheer in Dortmund."), 3: fp.comparable(one_word), 5: fp.comparable(SEED)}
    assert fp.most_alike(SEED, candidates) == (5, 1.0)
    assert fp.most_alike(SEED, {3: fp.comparable(one_word), 4: fp.comparable(one_word)})[0] == 3
    assert fp.most_alike(SEED, {7: fp.comparable("Fans cheer in Dortmund.")}) is None
    assert fp.most_alike(SEED, {}) is None


def test_marked_differences_marks_the_words_one_caption_has_and_the_other_not():
    ours, theirs = fp.marked_differences(
        "Putin hält ein Gespräch mit Witkoff ab.", "putin hält ein TREFFEN mit Witkoff ab"
    )
    assert ours == [("Putin hält ein ", False), ("Gespräch", True), (" ", False), ("mit Witkoff ab.", False)]
    assert theirs == [("putin hält ein ", False), ("TREFFEN", True), (" ", False), ("mit Witkoff ab", False)]
    assert "".join(text for text, _ in ours) == "Putin hält ein Gespräch mit Witkoff ab."
    long_ours, _ = fp.marked_differences("word " * 1000, "word " * 1000)
    assert long_ours[-1] == ("…", False) and sum(len(t) for t, _ in long_ours) <= fp.MARKED_CHARS + 1
    assert fp.marked_differences("", None) == ([], [])
