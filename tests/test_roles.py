"""The three groups exist with the SPEC's permissions; every view refuses who may not."""

import pytest
from django.contrib.auth.models import Group

from captions.roles import EDITORS, PRODUCTION, RESEARCHERS
from tests.builders import editor, make_article, make_photo, make_user, production, researcher

pytestmark = pytest.mark.django_db


def perms(name):
    return {p.codename for p in Group.objects.get(name=name).permissions.all()}


def test_groups_are_created_by_migration_with_exact_names():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Researchers", "Production"}


def test_editors_may_edit_and_import_but_not_export():
    p = perms(EDITORS)
    assert {
        "add_photo",
        "change_photo",
        "delete_photo",
        "add_article",
        "change_article",
        "delete_article",
        "import_captions",
    } <= p
    assert "export_specs" not in p


def test_researchers_view_and_gather_lightboxes():
    assert perms(RESEARCHERS) == {"view_photo", "view_article", "view_place", "view_lightbox", "add_lightbox"}


def test_production_views_exports_and_gathers_lightboxes():
    assert perms(PRODUCTION) == {
        "view_photo",
        "view_article",
        "view_place",
        "export_specs",
        "view_lightbox",
        "add_lightbox",
    }


def test_every_role_gathers_lightboxes_but_none_may_change_anothers():
    for role in (EDITORS, RESEARCHERS, PRODUCTION):
        assert {"view_lightbox", "add_lightbox"} <= perms(role)
        assert not {"change_lightbox", "delete_lightbox"} & perms(role)


def test_the_roles_migration_keeps_the_roles_as_they_were_then():
    """0002 must not name permissions of models created later (a fresh database would fail)."""
    import importlib

    roles_0002 = importlib.import_module("captions.migrations.0002_roles").ROLES_AT_0002
    assert "view_lightbox" not in {codename for codenames in roles_0002.values() for codename in codenames}


def test_user_permissions_follow_group():
    assert production().has_perm("captions.export_specs")
    assert not researcher().has_perm("captions.export_specs")
    assert editor().has_perm("captions.change_photo")
    assert not researcher("r2").has_perm("captions.change_photo")


@pytest.mark.parametrize("url_name", ["browse", "article_list"])
def test_anonymous_users_are_sent_to_sign_in(client, url_name):
    from django.urls import reverse

    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signed_in_user_without_a_role_is_refused(client):
    from django.urls import reverse

    photo = make_photo()
    article = make_article()
    client.force_login(make_user("nobody"))
    for url in (
        reverse("browse"),
        reverse("photo_detail", args=[photo.pk]),
        reverse("article_list"),
        reverse("article_detail", args=[article.pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_researcher_sees_photo_and_article(client):
    from django.urls import reverse

    article = make_article(headline="Kremlin talks")
    photo = make_photo(caption="Putin meets envoys", articles=[article])
    client.force_login(researcher())
    page = client.get(reverse("photo_detail", args=[photo.pk]))
    assert page.status_code == 200 and "Putin meets envoys" in page.text and "Kremlin talks" in page.text
    back = client.get(reverse("article_detail", args=[article.pk]))
    assert back.status_code == 200 and "Putin meets envoys" in back.text


def test_researcher_and_production_cannot_reach_admin(client):
    for user in (researcher(), production()):
        client.force_login(user)
        response = client.get("/admin/captions/photo/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
