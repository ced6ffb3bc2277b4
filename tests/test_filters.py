"""The one PhotoFilterSet behind browse and exports: each filter, combinations, strictness."""

import datetime as dt

import pytest
from django.utils import timezone

from captions.models import Photo
from captions.selectors.filters import PhotoFilterSet
from tests.builders import make_article, make_photo, make_place

pytestmark = pytest.mark.django_db


def select(**params):
    filterset = PhotoFilterSet({k: str(v) for k, v in params.items()}, queryset=Photo.objects.all())
    return filterset, set(filterset.qs.values_list("caption", flat=True))


def found(**params):
    filterset, captions = select(**params)
    assert filterset.is_valid(), filterset.errors
    return captions


def errors(**params):
    filterset, captions = select(**params)
    assert not filterset.is_valid()
    assert captions == set(), "an invalid filter must select nothing"
    return {name: " ".join(messages) for name, messages in filterset.errors.items()}


def dated(caption, start, end, **values):
    return make_photo(caption=caption, date_start=start, date_end=end, **values)


def undated(caption, **values):
    return make_photo(
        caption=caption, date_text="undated", date_edtf="", date_start=None, date_end=None, date_precision="", **values
    )


# --- dates: interval overlap -------------------------------------------------------------


def test_a_window_in_june_1945_finds_circa_1945_and_not_other_years():
    dated("circa 1945", dt.date(1945, 1, 1), dt.date(1945, 12, 31), date_approximate=True, date_precision="year")
    dated("July 1945", dt.date(1945, 7, 1), dt.date(1945, 7, 31), date_precision="month")
    dated("1944/1946", dt.date(1944, 1, 1), dt.date(1946, 12, 31), date_precision="year")
    dated("May 1946", dt.date(1946, 5, 1), dt.date(1946, 5, 31), date_precision="month")
    undated("undated")
    assert found(taken_after="1945-06", taken_before="1945-06") == {"circa 1945", "1944/1946"}


def test_a_year_finds_the_decade_it_lies_in():
    dated("1960s", dt.date(1960, 1, 1), dt.date(1969, 12, 31), date_precision="decade")
    dated("1970s", dt.date(1970, 1, 1), dt.date(1979, 12, 31), date_precision="decade")
    assert found(taken_after="1965", taken_before="1965") == {"1960s"}


def test_open_ended_windows_use_one_bound_each():
    dated("2 December 2025", dt.date(2025, 12, 2), dt.date(2025, 12, 2))
    dated("1 December 2025", dt.date(2025, 12, 1), dt.date(2025, 12, 1))
    dated("1930s", dt.date(1930, 1, 1), dt.date(1939, 12, 31))
    assert found(taken_after="2025-12-02") == {"2 December 2025"}
    assert found(taken_before="1935") == {"1930s"}
    assert found(taken_after="1939-12-31", taken_before="2025-12-01") == {"1930s", "1 December 2025"}


def test_an_undated_photo_matches_no_date_window_but_can_be_asked_for():
    undated("no date")
    dated("dated", dt.date(1990, 1, 1), dt.date(1990, 12, 31))
    assert found(taken_after="1000") == {"dated"}
    assert found(taken_before="9999") == {"dated"}
    assert found(undated="1") == {"no date"}
    assert found() == {"no date", "dated"}


@pytest.mark.parametrize(
    "value, message",
    [
        ("December 2025", "use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2025-13", "“2025-13” is not on the calendar"),
        ("2025-02-30", "“2025-02-30” is not on the calendar"),
        ("12.2025", "use YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_malformed_dates_get_a_message_on_their_field(value, message):
    make_photo()
    assert message in errors(taken_after=value)["taken_after"]


def test_a_window_that_ends_before_it_starts_is_reported_on_taken_before():
    assert "earlier than" in errors(taken_after="1950", taken_before="1940")["taken_before"]


def test_undated_together_with_dates_is_reported():
    assert "undated" in errors(undated="1", taken_after="1950")["undated"]


# --- places in any language ----------------------------------------------------------------


@pytest.fixture
def places():
    moscow = make_place(city="Moscow", country="Russia", country_code="RU")
    kremlin = make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU")
    petersburg = make_place(city="Saint Petersburg", country="Russia", country_code="RU")
    munich = make_place(city="Munich", region="Bavaria", country="Germany", country_code="DE")
    make_photo(caption="in Moscow", place=moscow)
    make_photo(caption="in the Kremlin", place=kremlin)
    make_photo(caption="in St Petersburg", place=petersburg)
    make_photo(caption="in Munich", place=munich)
    make_photo(caption="nowhere")


@pytest.mark.parametrize("name", ["Moscow", "Moskau", "moskau", "Moscou", "MOSCOW"])
def test_a_city_under_any_of_its_names(places, name):
    assert found(place=name) == {"in Moscow", "in the Kremlin"}


@pytest.mark.parametrize("name", ["Russia", "Russland", "Russie", "RU", "ru"])
def test_a_country_under_any_of_its_names_or_its_code(places, name):
    assert found(place=name) == {"in Moscow", "in the Kremlin", "in St Petersburg"}


@pytest.mark.parametrize(
    "stored, searched",
    [
        ("Milano", ["Milan", "Mailand", "Milano", "Milán"]),
        ("Mailand", ["Milan", "Milano"]),
        ("Harbin", ["Harbin", "Kharbin"]),  # GeoNames' alternate names, beyond the curated list
        ("Nyíregyháza", ["Nyiregyhaza", "Nyíregyháza"]),
        ("Ürümqi", ["Urumqi", "Wulumuqi"]),
    ],
)
def test_every_name_of_a_gazetteer_city_finds_its_photos(stored, searched):
    make_photo(caption=f"in {stored}", place=make_place(city=stored, country="", country_code=""))
    make_photo(caption="elsewhere", place=make_place(city="Paris", country="France", country_code="FR"))
    for name in searched:
        assert found(place=name) == {f"in {stored}"}, name


def test_regions_and_sublocations(places):
    assert found(place="Kremlin") == {"in the Kremlin"}
    assert found(place="Bavaria") == {"in Munich"}
    assert found(place="München") == {"in Munich"}


def test_an_unknown_place_finds_nothing_but_is_no_error(places):
    assert found(place="Atlantis") == set()


def test_country_code_alpha2_or_alpha3(places):
    assert found(country="RU") == {"in Moscow", "in the Kremlin", "in St Petersburg"}
    assert found(country="deu") == {"in Munich"}
    assert "ISO country code" in errors(country="XX")["country"]


# --- words ----------------------------------------------------------------------------------


def test_words_match_caption_headline_keywords_and_credit_with_stemming():
    make_photo(caption="Putin hält im Kreml ein Treffen ab.")
    make_photo(caption="Harbour view", headline="Meetings at the harbour")
    make_photo(caption="Street", keywords="politics, Kremlin")
    make_photo(caption="Portrait", credit="Anna Berg / Northwind Press")
    make_photo(caption="Unrelated")
    assert found(q="Treffens") == {"Putin hält im Kreml ein Treffen ab."}
    assert found(q="meeting") == {"Harbour view"}
    assert found(q="Kremlin") == {"Street"}
    assert found(q="northwind") == {"Portrait"}


def test_every_word_must_match():
    make_photo(caption="Putin im Kreml")
    make_photo(caption="Putin in Washington")
    assert found(q="Putin Kreml") == {"Putin im Kreml"}


def test_words_find_the_place_under_all_its_names():
    kremlin = make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU")
    moscow = make_place(city="Moskau", country="Russia", country_code="RU")
    kazan = make_place(city="Kazan", country="Russia", country_code="RU")
    berlin = make_place(city="Berlin", country="Germany", country_code="DE")
    make_photo(caption="Talks behind closed doors", place=kremlin)
    make_photo(caption="Red Square in winter", place=moscow)
    make_photo(caption="A mosque on the Volga", place=kazan)
    make_photo(caption="Brandenburg Gate", place=berlin)
    make_photo(caption="Visitors queue outside the Kremlin walls", place=berlin)
    assert found(q="Kremlin") == {"Talks behind closed doors", "Visitors queue outside the Kremlin walls"}
    both_moscows = {"Talks behind closed doors", "Red Square in winter"}
    assert found(q="Moskau") == found(q="Moscow") == found(q="moscou") == both_moscows
    assert found(q="Russland") == found(q="Russia") == both_moscows | {"A mosque on the Volga"}
    # every word still has to match, in the text or as the place
    assert found(q="talks Moskau") == {"Talks behind closed doors"}
    assert found(q="winter Kremlin") == set()
    assert found(q="walls Berlin") == {"Visitors queue outside the Kremlin walls"}


def test_a_place_of_several_words_and_prose_words_that_look_like_codes():
    new_york = make_place(city="New York", country="United States", country_code="US")
    make_photo(caption="Harbour at dawn", place=new_york)
    india = make_place(city="Mumbai", country="India", country_code="IN")
    make_photo(caption="Monsoon rain", place=india)
    make_photo(caption="Putin in Washington")
    assert found(q="New York harbour") == {"Harbour at dawn"}
    # 'in' is India's code and a word of both languages: prose, not a place
    assert found(q="Putin in Washington") == {"Putin in Washington"}


def test_words_match_whole_words_not_the_inside_of_words():
    make_photo(caption="A description of the scene")
    make_photo(caption="The script of the speech")
    make_photo(caption="Scripts and notes", headline="Archive")
    assert found(q="script") == {"The script of the speech", "Scripts and notes"}
    assert found(q="<script>") == {"The script of the speech", "Scripts and notes"}
    assert found(q="cript") == set()


# --- caveats, orientation, print size, article, sort --------------------------------------


def test_caveat_filter():
    make_photo(caption="editorial", caveat_editorial_only=True)
    make_photo(caption="free")
    assert found(caveat="editorial_only") == {"editorial"}
    assert "valid choice" in errors(caveat="rude")["caveat"]


def test_orientation_filter():
    make_photo(caption="wide", width_px=3000, height_px=2000)
    make_photo(caption="tall", width_px=2000, height_px=3000)
    make_photo(caption="square", width_px=2000, height_px=2000)
    assert found(orientation="landscape") == {"wide"}
    assert found(orientation="portrait") == {"tall"}
    assert found(orientation="square") == {"square"}
    assert "orientation" in errors(orientation="round")


def test_min_print_width_at_a_target_dpi():
    # 1880 px: 15.9 cm at 300 dpi, 31.8 cm at 150 dpi; 3508 px: A4's 29.7 cm at 300 dpi
    make_photo(caption="seed size", width_px=1880, height_px=1160)
    make_photo(caption="A4 wide", width_px=3508, height_px=2480)
    assert found(min_print_width_cm="29.7") == {"A4 wide"}
    assert found(min_print_width_cm="30") == set()  # 3508 px print 29.7 cm: short of 30
    assert found(min_print_width_cm="15.9") == {"seed size", "A4 wide"}
    assert found(min_print_width_cm="31.8", at_dpi="150") == {"seed size", "A4 wide"}
    assert "min_print_width_cm" in errors(min_print_width_cm="wide")
    assert "at_dpi" in errors(min_print_width_cm="10", at_dpi="0")


def test_article_filter_and_its_errors():
    article = make_article()
    make_photo(caption="linked", articles=[article])
    make_photo(caption="alone")
    assert found(article=article.pk) == {"linked"}
    assert "article" in errors(article="999999")
    assert "article" in errors(article="abc")


def test_sort_orders_with_undated_last():
    old = dated("old", dt.date(1950, 1, 1), dt.date(1950, 12, 31))
    new = dated("new", dt.date(2020, 5, 1), dt.date(2020, 5, 31))
    none = undated("none")

    def order(sort):
        filterset = PhotoFilterSet({"sort": sort}, queryset=Photo.objects.all())
        return [p.pk for p in filterset.qs]

    assert order("taken") == [old.pk, new.pk, none.pk]
    assert order("-taken") == [new.pk, old.pk, none.pk]
    assert order("-added") == [none.pk, new.pk, old.pk]
    assert order("added") == [old.pk, new.pk, none.pk]
    assert "sort" in errors(sort="random")


def test_combination_of_place_date_words_and_caveat(places):
    kremlin = Photo.objects.get(caption="in the Kremlin")
    kremlin.caveat_editorial_only = True
    kremlin.save()
    assert found(
        place="Moskau", taken_after="2025-12", taken_before="2025-12", q="Kremlin", caveat="editorial_only"
    ) == {"in the Kremlin"}
    assert found(place="Moskau", taken_after="2026") == set()


def test_embargoed_photos_are_found_by_every_filter_for_editors_and_by_what_their_card_shows_for_others():
    article = make_article()
    make_photo(
        caption="embargoed Kremlin",
        caveat_embargo=True,
        embargo_until=timezone.now() + dt.timedelta(days=1),
        articles=[article],
    )
    make_photo(caption="free Kremlin", articles=[article])

    def seen(sees, **params):
        filterset = PhotoFilterSet(params, queryset=Photo.objects.all(), sees_embargoed=sees)
        return set(filterset.qs.values_list("caption", flat=True))

    for params in ({"caveat": "embargo"}, {}, {"article": str(article.pk)}, {"sort": "added"}):
        assert "embargoed Kremlin" in seen(False, **params), params  # shown as its card
    for params in ({"q": "Kremlin"}, {"taken_after": "2025"}, {"orientation": "landscape"}, {"sort": "taken"}):
        assert seen(True, **params) == {"embargoed Kremlin", "free Kremlin"}, params
        assert seen(False, **params) == {"free Kremlin"}, params


# --- the query shapes behind the filters (rewritten for a million rows) --------------------


def test_window_edges_touching_an_interval_still_overlap():
    dated("ends on the first day", dt.date(1945, 5, 1), dt.date(1945, 6, 1))
    dated("starts on the last day", dt.date(1945, 6, 30), dt.date(1945, 7, 5))
    dated("ends the day before", dt.date(1945, 5, 1), dt.date(1945, 5, 31))
    dated("starts the day after", dt.date(1945, 7, 1), dt.date(1945, 7, 1))
    dated("spans it", dt.date(1940, 1, 1), dt.date(1949, 12, 31))
    undated("undated")
    assert found(taken_after="1945-06", taken_before="1945-06") == {
        "ends on the first day",
        "starts on the last day",
        "spans it",
    }
    assert found(taken_after="1945-06-30") == {"starts on the last day", "starts the day after", "spans it"}
    assert found(taken_before="1945-05-01") == {"ends on the first day", "ends the day before", "spans it"}


def test_a_photo_without_pixels_has_no_orientation():
    make_photo(caption="no pixels", width_px=None, height_px=None)
    make_photo(caption="tall", width_px=2000, height_px=3000)
    assert found(orientation="portrait") == {"tall"}
    assert found(orientation="landscape") == found(orientation="square") == set()


def plan_of(qs) -> str:
    """PostgreSQL's plan for `qs` with sequential scans priced out, as on a large table."""
    from django.db import connection, transaction

    sql, params = qs.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    "params, index",
    [
        ({"taken_after": "1945-06", "taken_before": "1945-06"}, "photo_taken_range"),
        ({"orientation": "portrait"}, "photo_width_excess"),
        ({"orientation": "square"}, "photo_width_excess"),
    ],
)
def test_postgresql_can_serve_each_rewritten_filter_from_its_index(params, index):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the GiST and expression indexes are planned by PostgreSQL")
    for n in range(30):
        dated(f"photo {n}", dt.date(1900 + n, 1, 1), dt.date(1900 + n, 12, 31), width_px=3000, height_px=2000 + n)
    filterset = PhotoFilterSet(params, queryset=Photo.objects.all())
    assert index in plan_of(filterset.qs.order_by().values("pk"))


@pytest.mark.django_db
def test_the_sort_menu_shows_the_order_the_results_are_in(client):
    from tests.builders import researcher

    client.force_login(researcher("re-sort"))
    page = client.get("/")
    selected = page.text.split('name="sort"')[1].split("</select>")[0]
    options = selected.split("<option")[1:]
    # A browser shows the first option when none is selected: it must be the applied default.
    assert 'value="-added"' in options[0]
    assert not any("selected" in option for option in options[1:])


def test_postgresql_serves_words_that_name_a_place_from_the_text_index_and_the_place_index():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is planned by PostgreSQL")
    kremlin = make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU")
    for n in range(30):
        make_photo(caption=f"talks {n}", place=kremlin if n % 2 else None)
    words_and_place = plan_of(PhotoFilterSet({"q": "talks Moskau"}, queryset=Photo.objects.all()).qs.order_by())
    assert "photo_search_doc" in words_and_place and "Seq Scan" not in words_and_place
    place_alone = plan_of(PhotoFilterSet({"q": "Moskau"}, queryset=Photo.objects.all()).qs.order_by().values("pk"))
    # the text index or the place index: two bitmaps, OR-ed
    assert "BitmapOr" in place_alone and "photo_search_doc" in place_alone, place_alone
    assert "place_id" in place_alone.split("BitmapOr", 1)[1] and "Seq Scan" not in place_alone
