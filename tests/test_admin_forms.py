"""The photo change form: every validation message beside its field, the problems of an
imported record at the top, derived print sizes, history, and the no-lost-update rule."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from captions.models import Photo
from tests.admin_forms import form_data
from tests.builders import editor, make_photo, make_user

pytestmark = pytest.mark.django_db


def change_url(photo):
    return reverse("admin:captions_photo_change", args=[photo.pk])


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def post_change(client, photo, **changes):
    data = form_data(client.get(change_url(photo)))
    data.update(changes)
    return client.post(change_url(photo), data)


def errors_of(response, field):
    form = response.context["adminform"].form
    return [
        (e.code, str(e.message % e.params) if e.params else str(e.message))
        for e in form.errors.as_data().get(field, [])
    ]


def test_change_form_shows_derived_print_sizes_next_to_pixels(ed_client):
    photo = make_photo(width_px=1880, height_px=1160, dpi=150)
    page = ed_client.get(change_url(photo)).text
    assert "31.8 × 19.6 cm · 12.5 × 7.7 in" in page  # native 150 dpi
    assert "15.9 × 9.8 cm · 6.3 × 3.9 in" in page  # at 300 dpi
    assert "2.2 megapixels, landscape" in page


def test_a_save_that_changes_nothing_writes_nothing(ed_client):
    photo = make_photo()
    history = photo.history.count()
    response = post_change(ed_client, photo)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.version == 1
    assert photo.history.count() == history  # no row, so no "None" reason either
    post_change(ed_client, photo, credit="Foto: Kremlin Pool")
    photo.refresh_from_db()
    assert photo.version == 2 and photo.history.count() == history + 1


def test_stated_size_matching_pixels_is_accepted_and_discarded(ed_client):
    photo = make_photo(width_px=1880, height_px=1160, dpi=150)
    response = post_change(ed_client, photo, stated_width_cm="31,8", stated_height_in="7.7")
    assert response.status_code == 302


def test_stated_size_that_disagrees_is_refused_beside_it(ed_client):
    photo = make_photo(width_px=1880, height_px=1160, dpi=150)
    response = post_change(ed_client, photo, stated_width_cm="30,0")
    assert response.status_code == 200
    [(code, message)] = errors_of(response, "stated_width_cm")
    assert code == "print_size_mismatch"
    assert "Stated 30,0 cm, but 1880 px at 150 dpi print 31.8 cm" in message


def test_stated_size_that_is_not_a_number(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, stated_height_in="seven")
    [(code, message)] = errors_of(response, "stated_height_in")
    assert code == "invalid_number" and "“seven” is not a number" in message


@pytest.mark.parametrize("dpi", ["0", "10001"])
def test_dpi_out_of_range(ed_client, dpi):
    photo = make_photo()
    response = post_change(ed_client, photo, dpi=dpi)
    [(code, message)] = errors_of(response, "dpi")
    assert code == "dpi_out_of_range"
    assert f"{dpi} dpi is not a resolution: give a value from 1 to 10,000" in message


def test_impossible_date_text(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, date_text="31. Februar 2025")
    [(code, message)] = errors_of(response, "date_text")
    assert code == "invalid_date" and "“31. Februar 2025” is not a date that exists" in message


def test_future_date_text(ed_client):
    photo = make_photo()
    next_year = timezone.localdate().year + 1
    response = post_change(ed_client, photo, date_text=f"2. Dezember {next_year}")
    [(code, message)] = errors_of(response, "date_text")
    assert code == "future_date" and "is in the future" in message


def test_unreadable_date_text(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, date_text="last Tuesday-ish")
    [(code, message)] = errors_of(response, "date_text")
    assert code == "unreadable_date" and "No date can be read" in message


def test_changed_date_text_sets_the_interval(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, date_text="circa 1945")
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.date_start, photo.date_end) == (dt.date(1945, 1, 1), dt.date(1945, 12, 31))
    assert photo.date_precision == "year" and photo.date_approximate and photo.date_edtf == "1945~"


def test_invalid_edtf(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, date_edtf="2023-02-29")
    [(code, message)] = errors_of(response, "date_edtf")
    assert code == "invalid_edtf" and "2023-02-29" in message


def test_date_start_after_date_end(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, date_start="2025-12-05", date_end="2025-12-01")
    [(code, message)] = errors_of(response, "date_end")
    assert code == "date_order"
    assert "The interval ends (2025-12-01) before it starts (2025-12-05)" in message


def test_unknown_country_for_a_new_place(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, new_place_city="Atlantis City", new_place_country="Atlantis")
    [(code, message)] = errors_of(response, "new_place_country")
    assert code == "unknown_country" and "“Atlantis” is not a country we know" in message


def test_new_place_in_german_is_resolved(ed_client):
    photo = make_photo()
    response = post_change(ed_client, photo, new_place_city="Moskau", new_place_country="Russland")
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.place.city, photo.place.country, photo.place.country_code) == ("Moskau", "Russia", "RU")


def test_past_embargo_on_a_new_record_warns_once(ed_client):
    add_url = reverse("admin:captions_photo_add")
    data = form_data(ed_client.get(add_url))
    data.update(
        caption="Embargo test",
        width_px="1000",
        height_px="800",
        dpi="300",
        embargo_until_0="2020-01-01",
        embargo_until_1="10:00:00",
    )
    first = ed_client.post(add_url, data)
    [(code, message)] = errors_of(first, "embargo_until")
    assert code == "embargo_in_past" and "This embargo ended on 1 January 2020, " in message
    assert not Photo.objects.filter(caption="Embargo test").exists()
    data["acknowledged"] = first.context["adminform"].form["acknowledged"].value()
    second = ed_client.post(add_url, data)
    assert second.status_code == 302
    assert Photo.objects.get(caption="Embargo test").embargo_until.year == 2020


def test_imported_problems_are_listed_at_the_top_until_fixed(ed_client):
    photo = make_photo(dpi=None, problems=["missing_dpi", "truncated_text"], needs_review=True)
    page = ed_client.get(change_url(photo)).text
    assert "This record needs review" in page
    assert "No resolution (dpi) stated" in page and "Text is cut off mid-word" in page
    assert "check: caption, headline, restrictions (verbatim)" in page
    # The flagged record still saves unchanged: its problems are known, not new.
    assert post_change(ed_client, photo).status_code == 302
    photo.refresh_from_db()
    assert photo.problems == ["missing_dpi", "truncated_text"] and photo.needs_review
    # Giving the dpi fixes that problem; the cut-off text stays until the caption is edited.
    assert post_change(ed_client, photo, dpi="300").status_code == 302
    photo.refresh_from_db()
    assert photo.problems == ["truncated_text"]
    assert post_change(ed_client, photo, caption="A complete caption.").status_code == 302
    photo.refresh_from_db()
    assert photo.problems == [] and not photo.needs_review
    assert "This record needs review" not in ed_client.get(change_url(photo)).text


def test_unticking_needs_review_accepts_the_record(ed_client):
    photo = make_photo(problems=["truncated_text"], needs_review=True)
    data = form_data(ed_client.get(change_url(photo)))
    data.pop("needs_review")
    assert ed_client.post(change_url(photo), data).status_code == 302
    photo.refresh_from_db()
    assert photo.problems == [] and not photo.needs_review


def test_a_flagged_invalid_date_does_not_block_other_edits_but_a_new_one_does(ed_client):
    photo = make_photo(
        date_text="31. Februar 2025",
        date_edtf="",
        date_start=None,
        date_end=None,
        date_precision="",
        problems=["invalid_date"],
        needs_review=True,
    )
    assert post_change(ed_client, photo, credit="AP").status_code == 302
    response = post_change(ed_client, photo, date_text="30. Februar 2025")
    assert errors_of(response, "date_text")[0][0] == "invalid_date"


def test_an_invalid_date_of_the_title_stays_flagged_until_the_title_is_corrected(ed_client):
    # the parser flags the title's day that does not exist; the date fields hold the caption's
    # valid day, so an edit elsewhere must not drop the flag (it did: the check read date_text)
    from captions import ingest
    from captions.services import imports

    block = (
        "Fiesta del barrio, 31 de abril de 2022\n\nVecinos bailan en la plaza de Ejemplilla el 30 de "
        "abril de 2022.\n\n2400 x 1600 px, 300 dpi"
    )
    photo = imports.save_parsed_caption(parsed=ingest.parse_block(block)).photo
    assert photo.problems == ["invalid_date"] and photo.needs_review
    assert post_change(ed_client, photo, caption="Vecinos bailan en la plaza.").status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Vecinos bailan en la plaza." and photo.problems == ["invalid_date"]
    assert post_change(ed_client, photo, headline="Fiesta del barrio, 30 de abril de 2022").status_code == 302
    photo.refresh_from_db()
    assert photo.problems == [] and not photo.needs_review


def banner_of(client, photo):
    page = client.get(change_url(photo)).text
    if "This record needs review" not in page:
        return ""
    return page.split('class="review-problems"', 1)[1].split("</div>", 1)[0]


def test_the_banner_names_the_fields_that_carry_a_date_problem(ed_client):
    # An invalid_date the parser found in the title: the date fields hold the caption's valid
    # day, so the banner must send the editor to the headline, not to the four date fields.
    from captions import ingest
    from captions.services import imports

    block = (
        "Fiesta del barrio, 31 de abril de 2022\n\nVecinos bailan en la plaza de Ejemplilla el 30 de "
        "abril de 2022.\n\n2400 x 1600 px, 300 dpi"
    )
    photo = imports.save_parsed_caption(parsed=ingest.parse_block(block)).photo
    banner = banner_of(ed_client, photo)
    assert "invalid_date" in banner and "check: headline" in banner
    assert "date as supplied" not in banner and "taken from" not in banner
    # the title corrected: the problem and the banner go
    assert post_change(ed_client, photo, headline="Fiesta del barrio, 30 de abril de 2022").status_code == 302
    photo.refresh_from_db()
    assert photo.problems == [] and banner_of(ed_client, photo) == ""
    # the editor writes a day that does not exist into the title: flagged (not refused), as the
    # parser flags it, and the banner names the headline
    assert post_change(ed_client, photo, headline="Fiesta del barrio, 31 de junio de 2022").status_code == 302
    photo.refresh_from_db()
    assert photo.problems == ["invalid_date"] and photo.needs_review
    banner = banner_of(ed_client, photo)
    assert "check: headline" in banner and "taken from" not in banner
    # a title with a real day over the caption's: nothing
    assert post_change(ed_client, photo, headline="Fiesta del barrio, 30 de junio de 2022").status_code == 302
    photo.refresh_from_db()
    assert photo.problems == [] and banner_of(ed_client, photo) == ""


def test_the_banner_names_the_date_field_that_does_not_exist(ed_client):
    photo = make_photo(
        headline="Laternenumzug",
        date_text="31. Februar 2025",
        date_edtf="",
        date_start=None,
        date_end=None,
        date_precision="",
        problems=["invalid_date"],
        needs_review=True,
    )
    banner = banner_of(ed_client, photo)
    assert "check: date as supplied<" in banner and "headline" not in banner


# --- history -------------------------------------------------------------------------------


def test_history_names_who_changed_which_field(ed_client):
    photo = make_photo(credit="")
    post_change(ed_client, photo, credit="Foto: Kremlin Pool")
    page = ed_client.get(reverse("admin:captions_photo_history", args=[photo.pk])).text
    assert "Credit line:" in page and "Foto: Kremlin Pool" in page
    record = photo.history.first()
    assert record.history_user.username == "ed" and record.credit == "Foto: Kremlin Pool"


# --- no lost update ------------------------------------------------------------------------


def test_second_editor_gets_the_first_editors_changes_and_nothing_is_overwritten(client):
    from django.test import Client

    photo = make_photo(caption="Original caption", credit="", dpi=150)
    anna, ben = Client(), Client()
    anna.force_login(editor("anna"))
    ben.force_login(editor("ben"))
    anna_data = form_data(anna.get(change_url(photo)))
    ben_data = form_data(ben.get(change_url(photo)))

    anna_data.update(caption="Anna's caption", dpi="300")
    assert anna.post(change_url(photo), anna_data).status_code == 302

    ben_data.update(credit="Ben's credit")
    refused = ben.post(change_url(photo), ben_data)
    assert refused.status_code == 200
    [error] = refused.context["adminform"].form.non_field_errors().as_data()
    assert error.code == "edit_conflict"
    message = error.message % error.params
    assert "anna saved this photo while you were editing it" in message
    assert "caption: “Anna's caption”" in message and "dpi: “300”" in message
    photo.refresh_from_db()
    assert (photo.caption, photo.dpi, photo.credit) == ("Anna's caption", 300, "")

    # The form now shows Anna's values where Ben had not typed, and Ben's own change.
    form = refused.context["adminform"].form
    assert form["caption"].value() == "Anna's caption" and form["credit"].value() == "Ben's credit"
    assert form.data["caption"] == "Original caption"  # what Ben sent is kept as sent, only shown otherwise
    again = form_data(refused)
    assert ben.post(change_url(photo), again).status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.dpi, photo.credit) == ("Anna's caption", 300, "Ben's credit")


def test_conflict_on_a_record_without_history_names_what_changed(client):
    """Generated or bulk-imported records have no history rows; the message still names the
    colleague's change (it said "changed no field you can see")."""
    from django.test import Client

    [photo] = Photo.objects.bulk_create(
        [Photo(caption="Generated caption", headline="", width_px=1880, height_px=1160, dpi=150)]
    )
    assert not photo.history.exists()
    anna, ben = Client(), Client()
    anna.force_login(editor("anna"))
    ben.force_login(editor("ben"))
    anna_data, ben_data = form_data(anna.get(change_url(photo))), form_data(ben.get(change_url(photo)))
    anna_data["headline"] = "Anna's headline"
    assert anna.post(change_url(photo), anna_data).status_code == 302
    refused = ben.post(change_url(photo), {**ben_data, "credit": "Ben's credit"})
    [error] = refused.context["adminform"].form.non_field_errors().as_data()
    message = error.message % error.params
    assert "anna saved this photo" in message and "headline: “Anna's headline”" in message
    assert "no field you can see" not in message
    form = refused.context["adminform"].form
    assert form["headline"].value() == "Anna's headline" and form["credit"].value() == "Ben's credit"
    assert ben.post(change_url(photo), form_data(refused)).status_code == 302
    photo.refresh_from_db()
    assert (photo.headline, photo.credit) == ("Anna's headline", "Ben's credit")


def test_conflict_with_a_change_written_without_history_names_the_field(ed_client):
    photo = make_photo(caption="Original", embargo_until=None)
    data = form_data(ed_client.get(change_url(photo)))
    Photo.objects.filter(pk=photo.pk).update(caption="Changed by a script", version=photo.version + 1)
    refused = ed_client.post(change_url(photo), {**data, "credit": "Mine"})
    [error] = refused.context["adminform"].form.non_field_errors().as_data()
    assert (error.message % error.params).startswith("Someone saved this photo")
    assert "caption: “Changed by a script”" in error.message % error.params


def test_an_untouched_date_and_time_is_not_taken_for_a_change(client):
    """The form gives the embargo in the archive's zone, the database in UTC: same instant."""
    import datetime as dt

    from django.test import Client
    from django.utils import timezone

    photo = make_photo(embargo_until=timezone.now() + dt.timedelta(days=3), caveat_embargo=True)
    anna, ben = Client(), Client()
    anna.force_login(editor("anna"))
    ben.force_login(editor("ben"))
    anna_data, ben_data = form_data(anna.get(change_url(photo))), form_data(ben.get(change_url(photo)))
    assert anna.post(change_url(photo), {**anna_data, "credit": "Anna"}).status_code == 302
    refused = ben.post(change_url(photo), {**ben_data, "caption": "Ben's caption"})
    [error] = refused.context["adminform"].form.non_field_errors().as_data()
    message = error.message % error.params
    assert "credit line: “Anna”" in message and "embargoed until" not in message


@pytest.mark.parametrize("where", ["change form", "photo page"])
def test_conflict_names_an_article_linked_meanwhile(client, where):
    from django.test import Client

    from tests.builders import make_article

    photo = make_photo()
    article = make_article(headline="Kremlin seeks a global reordering")
    anna, ben = Client(), Client()
    anna.force_login(editor("anna"))
    ben.force_login(editor("ben"))
    anna_data, ben_data = form_data(anna.get(change_url(photo))), form_data(ben.get(change_url(photo)))
    if where == "change form":
        assert anna.post(change_url(photo), {**anna_data, "articles": [str(article.pk)]}).status_code == 302
    else:  # linked with one click from the photo page: the same history and version path
        anna.post(reverse("photo_link_article", args=[photo.pk]), {"article": article.pk})
    refused = ben.post(change_url(photo), {**ben_data, "credit": "X"})
    [error] = refused.context["adminform"].form.non_field_errors().as_data()
    assert error.code == "edit_conflict" and "Kremlin seeks a global reordering" in error.message % error.params
    assert ben.post(change_url(photo), form_data(refused)).status_code == 302
    assert list(photo.articles.all()) == [article]  # Ben's save kept Anna's link


def test_a_form_without_its_version_is_refused(ed_client):
    photo = make_photo()
    data = form_data(ed_client.get(change_url(photo)))
    data["edit_base"] = "tampered"
    response = ed_client.post(change_url(photo), data)
    assert response.status_code == 200
    assert "reload the page" in response.text


# --- roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["add", "change", "delete", "paste", "history_revert"])
def test_staff_without_editors_group_gets_403_on_write_views(client, view):
    from django.contrib.auth.models import Permission

    photo = make_photo()
    staff = make_user("staffer", staff=True)
    # Even holding the single permissions, a staff user outside Editors may not write.
    staff.user_permissions.set(
        Permission.objects.filter(codename__in=["add_photo", "change_photo", "delete_photo", "import_captions"])
    )
    client.force_login(staff)
    url = {
        "add": reverse("admin:captions_photo_add"),
        "change": change_url(photo),
        "delete": reverse("admin:captions_photo_delete", args=[photo.pk]),
        "paste": reverse("admin:captions_photo_paste"),
        "history_revert": reverse("admin:captions_photo_simple_history", args=[photo.pk, 1]),
    }[view]
    # GET of the change page is a read-only view for a user who may view; its POST is the write.
    response = client.get(url) if view in ("add", "paste") else client.post(url, {"caption": "x", "post": "yes"})
    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.caption != "x"


@pytest.mark.parametrize("role", ["researcher", "production"])
def test_researchers_and_production_are_sent_to_the_admin_sign_in(client, role):
    from tests import builders

    photo = make_photo()
    client.force_login(getattr(builders, role)())
    for url in (reverse("admin:captions_photo_add"), change_url(photo), reverse("admin:captions_photo_paste")):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_editor_and_superuser_reach_the_write_views(client):
    photo = make_photo()
    for user in (editor(), make_user("root", superuser=True)):
        client.force_login(user)
        for url in (reverse("admin:captions_photo_add"), change_url(photo), reverse("admin:captions_photo_paste")):
            assert client.get(url).status_code == 200, (user, url)


def test_editor_cannot_revert_to_an_old_version(ed_client):
    photo = make_photo()
    post_change(ed_client, photo, credit="new")
    old = photo.history.last()
    response = ed_client.post(reverse("admin:captions_photo_simple_history", args=[photo.pk, old.history_id]), {})
    assert response.status_code == 403


@pytest.mark.parametrize("model", ["article", "place"])
def test_staff_outside_editors_cannot_add_articles_or_places(client, model):
    from django.contrib.auth.models import Permission

    staff = make_user("staffer", staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename=f"add_{model}"))
    client.force_login(staff)
    assert client.get(reverse(f"admin:captions_{model}_add")).status_code == 403
    client.force_login(editor())
    assert client.get(reverse(f"admin:captions_{model}_add")).status_code == 200


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "-1", "1e3"])
@pytest.mark.parametrize("field", ["place", "articles"])
def test_an_id_no_row_can_have_is_refused_beside_its_field(ed_client, field, value):
    # a hand-made request: Django's fields and the autocomplete widgets queried with it and
    # raised ValueError or OverflowError, a server error on saving and on showing the form again
    from tests.builders import make_place

    photo = make_photo(caption="Harbour", place=make_place())
    place = photo.place_id
    response = post_change(ed_client, photo, **{field: value, "caption": "Harbour at dusk"})
    assert response.status_code == 200
    [(code, message)] = errors_of(response, field)
    kind = "place" if field == "place" else "article"
    assert (code, message) == (
        "invalid_choice",
        f"“{value}” is not the number of any {kind}: choose one from the list.",
    )
    photo.refresh_from_db()
    assert (photo.caption, photo.place_id) == ("Harbour", place)  # nothing saved
