"""Demo data and the synthetic generator: idempotent, deterministic, realistic."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings

from captions.models import Article, Photo

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)


@override_settings(DEMO_MODE=True)
def test_setup_demo_loads_the_seed_with_its_article_once():
    out = StringIO()
    call_command("setup_demo", "--count", "10", stdout=out)
    seed = Photo.objects.get(caption__startswith="Der russische Präsident Wladimir Putin")
    assert (seed.width_px, seed.height_px, seed.dpi) == (1880, 1160, 150)
    assert seed.date_start == seed.date_end == dt.date(2025, 12, 2)
    assert seed.place.sublocation == "Kremlin" and seed.place.country_code == "RU"
    assert seed.caveats == ["imperfect_historical"]
    assert seed.problems == ["truncated_text"] and seed.needs_review
    article = seed.articles.get()
    assert article.publication == "The Moscow Times"
    assert "Trump Tower in Moscow" in article.body
    assert "editor: editor-demo-pass" in out.getvalue()
    counts = (Photo.objects.count(), Article.objects.count(), User.objects.count())
    assert counts[0] == 11

    call_command("setup_demo", "--count", "10", stdout=StringIO())
    assert (Photo.objects.count(), Article.objects.count(), User.objects.count()) == counts
    assert Photo.objects.get(pk=seed.pk).version == seed.version


def test_demo_users_can_sign_in_with_printed_passwords(client):
    with override_settings(DEMO_MODE=True):
        call_command("setup_demo", "--count", "0", stdout=StringIO())
    for username in ("editor", "researcher", "production"):
        response = client.post("/accounts/login/", {"username": username, "password": f"{username}-demo-pass"})
        assert response.status_code == 302 and response.url == "/", username
        client.logout()
    assert User.objects.get(username="editor").is_staff
    assert not User.objects.get(username="researcher").is_staff


@override_settings(DEMO_MODE=False, DEBUG=False)
def test_setup_demo_refuses_outside_demo_mode():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="DEMO_MODE=1"):
        call_command("setup_demo", stdout=StringIO())


def snapshot():
    return list(
        Photo.objects.order_by("source_id").values_list(
            "source_id", "caption", "width_px", "dpi", "date_edtf", "place__city", "caveat_editorial_only"
        )
    )


def test_generate_archive_is_deterministic_for_a_seed():
    call_command("generate_archive", "--count", "60", "--seed", "5", "--today", TODAY.isoformat(), stdout=StringIO())
    first = snapshot()
    Photo.objects.all().delete()
    call_command("generate_archive", "--count", "60", "--seed", "5", "--today", TODAY.isoformat(), stdout=StringIO())
    assert snapshot() == first


def test_generate_archive_is_idempotent_and_varied():
    out = StringIO()
    call_command("generate_archive", "--count", "400", "--seed", "3", "--today", TODAY.isoformat(), stdout=out)
    assert out.getvalue().startswith("created 400 photos, skipped 0")
    call_command("generate_archive", "--count", "400", "--seed", "3", "--today", TODAY.isoformat(), stdout=out)
    assert Photo.objects.count() == 400
    photos = Photo.objects.select_related("place")
    assert {p.date_precision for p in photos} >= {"day", "month", "year", "decade", ""}
    assert any(p.date_approximate for p in photos)
    assert len({p.place.country_code for p in photos}) >= 15
    assert len({(p.width_px, p.height_px) for p in photos}) >= 8
    assert len({p.dpi for p in photos}) >= 4
    assert {p.language for p in photos} == {"en", "de", "fr", "es"}
    assert all(p.date_start is None or dt.date(1900, 1, 1) <= p.date_start <= TODAY for p in photos)
    assert any(p.caveats for p in photos) and any(p.articles.exists() for p in photos[:50])
    assert all(p.date_start <= p.date_end for p in photos if p.date_start)


def test_generate_archive_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--today"):
        call_command("generate_archive", "--count", "1", "--today", "2025-02-31")


@override_settings(DEMO_MODE=True)
def test_demo_photos_get_generated_pictures_at_their_own_aspect_ratio(settings, tmp_path):
    from PIL import Image

    from captions import conf

    settings.MEDIA_ROOT = tmp_path
    call_command("setup_demo", "--count", "12", stdout=StringIO())
    photos = list(Photo.objects.exclude(width_px=None))
    assert len(photos) == 13
    previews = set()
    seed = Photo.objects.get(caption__startswith="Der russische Präsident Wladimir Putin")
    for photo in photos:
        assert photo.thumbnail and photo.preview, photo
        with Image.open(photo.preview.path) as preview:
            assert abs(preview.width / preview.height - photo.width_px / photo.height_px) < 0.02, photo
            assert max(preview.size) <= (960 if photo.pk != seed.pk else max(conf.rendition_sizes().values()))
            previews.add(preview.resize((8, 8)).tobytes())
        if photo.pk != seed.pk:
            assert not photo.image  # a stand-in picture, not a file with the record's pixels
    assert len(previews) == len(photos)  # every scene differs
    # the record's own size is untouched
    assert (seed.width_px, seed.height_px) == (1880, 1160)
    # a second run gives nothing new; a picture given writes no history
    from captions.demo.loader import give_pictures

    history = seed.history.count()
    Photo.objects.filter(pk=seed.pk).update(thumbnail="", preview="")
    assert give_pictures() == 1
    assert give_pictures() == 0
    assert seed.history.count() == history


def test_demo_pictures_are_scenes_without_text_and_vary():
    from captions.demo.pictures import scene

    portrait, landscape = scene(1160, 1880, key=1), scene(6000, 4000, key=2)
    assert portrait.height == 960 and abs(portrait.width / portrait.height - 1160 / 1880) < 0.01
    assert landscape.size == (960, 640)
    assert scene(6000, 4000, key=2).tobytes() == landscape.tobytes()  # deterministic
    colours = {len(scene(3000, 2000, key=k).getcolors(1 << 20) or ()) for k in range(8)}
    assert min(colours) > 50 and len(colours) > 4  # real gradients, not flat grey boxes


@override_settings(DEMO_MODE=True)
def test_the_seed_is_on_the_first_page_of_the_default_browse(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("setup_demo", "--count", "40", stdout=StringIO())
    client.force_login(User.objects.get(username="researcher"))
    response = client.get("/")
    page = response.content.decode()
    seed = Photo.objects.get(caption__startswith="Der russische Präsident Wladimir Putin")
    assert re.search(rf'href="/photos/{seed.pk}/(\?[^"]*)?"', page)  # the results' query comes along
    assert page.count("<img src=") >= 20  # the grid shows pictures, not grey boxes
    for src in re.findall(r'<img src="([^"]+)"', page)[:5]:
        picture = client.get(src)  # served to a researcher, as a browser asks for it
        assert picture.status_code == 200 and picture["Content-Type"] == "image/jpeg", src


@override_settings(DEMO_MODE=True)
def test_the_demo_seed_has_an_image_file_at_its_own_size_so_print_and_download_show(settings, tmp_path, client):
    """The first record a new user sees offers what a photo with its file offers: the file at the
    record's pixels and dpi, and the production staff's print/download block on its page."""
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    call_command("setup_demo", "--count", "3", stdout=StringIO())
    seed = Photo.objects.get(caption__startswith="Der russische Präsident Wladimir Putin")
    assert seed.image
    with Image.open(seed.image.path) as original:
        assert original.size == (1880, 1160)
        assert round(original.info["dpi"][0]) == 150
    assert (seed.width_px, seed.height_px, seed.dpi) == (1880, 1160, 150)
    assert seed.problems  # the caveat cut off mid-word is still flagged: the file changed no finding
    client.force_login(User.objects.get(username="production"))
    page = client.get(f"/photos/{seed.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"/photos/{seed.pk}/download/" in html and f"/photos/{seed.pk}/print.jpg" in html
    # a second run attaches nothing again
    version = seed.version
    call_command("setup_demo", "--count", "3", stdout=StringIO())
    seed.refresh_from_db()
    assert seed.version == version
