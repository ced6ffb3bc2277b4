"""The URL x role matrix: every URL pattern the project serves, walked from the URL configuration,
asked by each kind of user, with the answer each must get.

A pattern missing from EXPECTED fails the test (so does an entry for a pattern that is gone):
whoever adds a URL decides here who may reach it. Each pattern is asked with a free photo and
with embargoed ones (an end date, and a notice whose date could not be read) whose every hidden
field holds a word found nowhere else; no response to anyone who may not see embargoed photos
holds any of those words (PDFs are read as text, streams in full).

Answers: a status code (302: a redirect elsewhere, e.g. the admin's "view on site" link), LOGIN
(sent to the site's sign-in page) or ADMIN_LOGIN (sent to the admin's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from captions.images import uploads
from captions.models import AuditEvent, Photo
from captions.roles import EDITORS
from captions.services import audit
from captions.services import images as image_services
from captions.services import lightboxes as lightbox_services
from tests.admin_forms import image_file
from tests.builders import editor, make_article, make_photo, make_user, production, researcher
from tests.embargo_helpers import assert_no_secret, page_text, secret_photo

pytestmark = pytest.mark.django_db

LOGIN, ADMIN_LOGIN = "LOGIN", "ADMIN_LOGIN"
ROLES = ("anonymous", "researcher", "production", "editor", "superuser", "staff")
SEES_EMBARGOED = {"editor", "superuser"}


def answers(anonymous, researcher, production, editor, superuser, staff) -> dict:
    return dict(zip(ROLES, (anonymous, researcher, production, editor, superuser, staff), strict=True))


EVERYONE_200 = answers(200, 200, 200, 200, 200, 200)
VIEWERS = answers(LOGIN, 200, 200, 200, 200, 403)  # view_photo: the three roles and superusers
EXPORTERS = answers(LOGIN, 403, 200, 403, 200, 403)  # export_specs: Production and superusers
EDITOR_POST_ONLY = answers(LOGIN, 403, 403, 405, 405, 403)
LIGHTBOX_POST_ONLY = answers(LOGIN, 405, 405, 405, 405, 403)  # view_lightbox: the three roles, superusers
FILE_TAKERS = answers(LOGIN, 403, 200, 200, 200, 403)  # export_specs or change_photo
FILE_TAKERS_EMBARGOED = answers(LOGIN, 403, 409, 200, 200, 403)
ADMIN_STAFF = answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, 200, 200)  # any staff member
ADMIN_EDITORS = answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, 200, 403)  # Editors' admin pages
ADMIN_SUPERUSERS = answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403, 200, 403)
ADMIN_NOBODY = answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403, 403, 403)  # e.g. adding an audit line


@dataclass
class Route:
    """How to ask a pattern (one URL per variant) and the answers by role; `embargoed` holds
    the answers that differ for the embargoed variant."""

    urls: object  # world -> {variant: url}
    expected: dict
    embargoed: dict = field(default_factory=dict)


def site(url: str, expected: dict, **kwargs) -> Route:
    return Route(lambda w: {"": url.format(**w)}, expected, **kwargs)


def per_photo(url: str, expected: dict, embargoed: dict | None = None) -> Route:
    return Route(
        lambda w: {
            "free": url.format(pk=w["free"]),
            "embargoed": url.format(pk=w["embargoed"]),
            "embargoed, end unknown": url.format(pk=w["embargoed_undated"]),
        },
        expected,
        embargoed or {},
    )


# --- the admin's six pages per model, and who may reach each ------------------------------------


def model_admin(prefix: str, obj: str, changelist, add, change, delete, history) -> dict[str, Route]:
    def at(suffix, expected):
        return Route(lambda w: {"": f"/admin/{prefix}/{suffix.format(id=w[obj])}"}, expected)

    return {
        f"admin/{prefix}/": at("", changelist),
        f"admin/{prefix}/add/": at("add/", add),
        f"admin/{prefix}/<path:object_id>/history/": at("{id}/history/", history),
        f"admin/{prefix}/<path:object_id>/delete/": at("{id}/delete/", delete),
        f"admin/{prefix}/<path:object_id>/change/": at("{id}/change/", change),
        # the bare object URL redirects to its change page, for any staff member
        f"admin/{prefix}/<path:object_id>/": at("{id}/", answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 302, 302, 302)),
    }


ADMIN_MODELS = {
    **model_admin("captions/photo", "embargoed", *[ADMIN_EDITORS] * 5),
    **model_admin("captions/article", "article", *[ADMIN_EDITORS] * 5),
    **model_admin("captions/place", "place", *[ADMIN_EDITORS] * 5),
    # the audit trail: superusers read it; nobody adds, changes or deletes a line
    **model_admin(
        "captions/auditevent", "audit", ADMIN_SUPERUSERS, ADMIN_NOBODY, ADMIN_SUPERUSERS, ADMIN_NOBODY, ADMIN_SUPERUSERS
    ),
    **model_admin("auth/user", "researcher_id", *[ADMIN_SUPERUSERS] * 5),
    **model_admin("auth/group", "group", *[ADMIN_SUPERUSERS] * 5),
    # django-axes: its records are read (and deleted, to unlock) by superusers, never added
    **model_admin("axes/accessattempt", "attempt", ADMIN_SUPERUSERS, ADMIN_NOBODY, *[ADMIN_SUPERUSERS] * 3),
    **model_admin("axes/accesslog", "access_log", ADMIN_SUPERUSERS, ADMIN_NOBODY, *[ADMIN_SUPERUSERS] * 3),
    **model_admin("axes/accessfailurelog", "failure_log", ADMIN_SUPERUSERS, ADMIN_NOBODY, *[ADMIN_SUPERUSERS] * 3),
}

EXPECTED: dict[str, Route] = {
    # --- the site ---
    "healthz": site("/healthz", EVERYONE_200),
    "accounts/login/": site("/accounts/login/", EVERYONE_200),
    "accounts/logout/": site("/accounts/logout/", answers(405, 405, 405, 405, 405, 405)),  # POST only
    "i18n/setlang/": site("/i18n/setlang/", answers(302, 302, 302, 302, 302, 302)),  # POST sets, GET goes back
    "": site("/", VIEWERS),
    "photos/<int:pk>/": per_photo("/photos/{pk}/", VIEWERS),
    "photos/<int:pk>/articles/link/": per_photo("/photos/{pk}/articles/link/", EDITOR_POST_ONLY),
    "articles/": site("/articles/", VIEWERS),
    "articles/<int:pk>/": site("/articles/{article}/", VIEWERS),
    "export/specs.csv": site("/export/specs.csv", EXPORTERS),
    "export/specs.json": site("/export/specs.json", EXPORTERS),
    "export/specs.pdf": site("/export/specs.pdf", EXPORTERS),
    "photos/<int:pk>/spec.pdf": per_photo(
        "/photos/{pk}/spec.pdf", EXPORTERS, embargoed=answers(LOGIN, 403, 409, 403, 409, 403)
    ),
    # lightboxes: a researcher's, holding the free and the embargoed photo, shared with production
    # to look at; not shared with the editor or the superuser (not found for them)
    "lightboxes/": site("/lightboxes/", VIEWERS),
    "lightboxes/choose/": site("/lightboxes/choose/", LIGHTBOX_POST_ONLY),
    "lightboxes/<int:pk>/": site("/lightboxes/{lightbox}/", answers(LOGIN, 200, 200, 404, 404, 403)),
    **{
        f"lightboxes/<int:pk>/{action}/": site(f"/lightboxes/{{lightbox}}/{action}/", LIGHTBOX_POST_ONLY)
        for action in ("add", "remove", "reorder", "note", "share", "unshare", "rename", "delete")
    },
    "lightboxes/<int:pk>/package.zip": site(
        "/lightboxes/{lightbox}/package.zip", answers(LOGIN, 403, 200, 403, 404, 403)
    ),
    "export/package.zip": site("/export/package.zip", EXPORTERS),
    # one photo's files with the archive's metadata: production and editors; embargoed, editors only
    "photos/<int:pk>/download/": per_photo("/photos/{pk}/download/", FILE_TAKERS, embargoed=FILE_TAKERS_EMBARGOED),
    "photos/<int:pk>/print.jpg": per_photo("/photos/{pk}/print.jpg", FILE_TAKERS, embargoed=FILE_TAKERS_EMBARGOED),
    "api/photos/": site("/api/photos/", VIEWERS),
    "api/photos/<int:pk>/": per_photo("/api/photos/{pk}/", VIEWERS, embargoed=answers(LOGIN, 409, 409, 409, 409, 403)),
    "media/<path:path>": Route(
        lambda w: {
            "free": w["free_thumbnail"],
            "embargoed": w["embargoed_thumbnail"],
            "embargoed, end unknown": w["undated_thumbnail"],
        },
        answers(LOGIN, 200, 200, 200, 200, 404),
        embargoed=answers(LOGIN, 404, 404, 200, 200, 404),  # an embargoed image: editors only
    ),
    # --- the admin ---
    "admin/": site("/admin/", ADMIN_STAFF),
    "admin/login/": site("/admin/login/", answers(200, 200, 200, 302, 302, 302)),  # staff go on to the index
    # POST only; the admin sends anyone not staff to its index (and so to its sign-in page)
    "admin/logout/": site("/admin/logout/", answers(302, 302, 302, 405, 405, 405)),
    "admin/password_change/": site("/admin/password_change/", ADMIN_STAFF),
    "admin/password_change/done/": site("/admin/password_change/done/", ADMIN_STAFF),
    "admin/autocomplete/": site(
        "/admin/autocomplete/?app_label=captions&model_name=photo&field_name=place&term=Yodel", ADMIN_EDITORS
    ),
    "admin/jsi18n/": site("/admin/jsi18n/", ADMIN_STAFF),
    "admin/r/<path:content_type_id>/<path:object_id>/": site(
        "/admin/r/{photo_type}/{free}/", answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 302, 302, 302)
    ),
    "admin/captions/photo/paste/": site("/admin/captions/photo/paste/", ADMIN_EDITORS),
    "admin/captions/photo/upload/": site("/admin/captions/photo/upload/", ADMIN_EDITORS),
    "admin/captions/photo/upload/one/": site(
        "/admin/captions/photo/upload/one/", answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 405, 405, 403)
    ),
    "admin/captions/photo/^([^/]+)/history/([^/]+)/$": site(
        "/admin/captions/photo/{embargoed}/history/{photo_version}/", ADMIN_EDITORS
    ),
    "admin/captions/article/^([^/]+)/history/([^/]+)/$": site(
        "/admin/captions/article/{article}/history/{article_version}/", ADMIN_EDITORS
    ),
    "admin/auth/user/<id>/password/": site("/admin/auth/user/{researcher_id}/password/", ADMIN_SUPERUSERS),
    "admin/^(?P<app_label>auth|axes|captions)/$": Route(
        lambda w: {"captions": "/admin/captions/", "auth": "/admin/auth/"},
        answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200, 200, 404),
    ),
    "admin/(?P<url>.*)$": site("/admin/no-such-page/", answers(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 404, 404, 404)),
    **ADMIN_MODELS,
}
# A variant whose answers differ from the pattern's for one role only, and why.
SPECIAL = {
    # Editors may see the Editors' app page of the admin, not that of users and groups.
    ("admin/^(?P<app_label>auth|axes|captions)/$", "auth", "editor"): 404,
}


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def test_every_url_pattern_has_an_entry_and_every_entry_a_pattern():
    served = list(walk(get_resolver().url_patterns))
    assert len(served) == len(set(served)), "two patterns with the same route"
    missing = sorted(set(served) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(served))
    assert not missing, f"new URL patterns without an entry in EXPECTED (decide who may reach them): {missing}"
    assert not stale, f"entries for URL patterns that are gone: {stale}"


def stored_image(photo, color):
    upload = SimpleUploadedFile("p.jpg", image_file("JPEG", size=(120, 80), color=color))
    image_services.attach_image(photo=photo, upload=upload, checked=uploads.check_upload(upload))
    photo.save()
    return "/media/" + photo.thumbnail.name


@pytest.fixture
def world():
    article = make_article(headline="Budget talks in Reykjavik")
    embargoed = secret_photo(article)
    free = make_photo(caption="Harbour view, free to use", articles=[article])
    # an embargo notice whose date could not be read: held back all the same
    undated = secret_photo(article, source_id="SECRETID4711-B", embargo_until=None)
    users = {
        "researcher": researcher(),
        "production": production(),
        "editor": editor(),
        "superuser": make_user("root", superuser=True),
        "staff": make_user("staffer", staff=True),  # staff, in no group: no permission at all
    }
    edited = Photo.objects.get(pk=embargoed.pk)
    edited._history_user = users["editor"]
    edited.save()
    lightbox = lightbox_services.create_lightbox(owner=users["researcher"], name="Reykjavik budget")
    lightbox_services.add_photos(lightbox=lightbox, photo_ids=[free.pk, embargoed.pk])
    lightbox_services.share(lightbox=lightbox, user=users["production"])
    audit.record_package(user=users["production"], filters={"lightbox": 1}, photo_count=1, embargoed_left_out=1)
    now = timezone.now()
    attempt = AccessAttempt.objects.create(
        username="victim", ip_address="10.0.0.1", user_agent="x", failures_since_start=1, attempt_time=now
    )
    access_log = AccessLog.objects.create(
        username="researcher", ip_address="10.0.0.1", user_agent="x", attempt_time=now
    )
    failure_log = AccessFailureLog.objects.create(
        username="victim", ip_address="10.0.0.1", user_agent="x", attempt_time=now, locked_out=False
    )
    return users, {
        "free": free.pk,
        "embargoed": embargoed.pk,
        "article": article.pk,
        "lightbox": lightbox.pk,
        "place": embargoed.place_id,
        "audit": AuditEvent.objects.get(kind=AuditEvent.Kind.PACKAGE).pk,
        "researcher_id": users["researcher"].pk,
        "group": Group.objects.get(name=EDITORS).pk,
        "attempt": attempt.pk,
        "access_log": access_log.pk,
        "failure_log": failure_log.pk,
        "photo_type": ContentType.objects.get_for_model(Photo).pk,
        "photo_version": embargoed.history.earliest().history_id,
        "article_version": article.history.earliest().history_id,
        "free_thumbnail": stored_image(free, "navy"),
        "embargoed_thumbnail": stored_image(embargoed, "maroon"),
        "embargoed_undated": undated.pk,
        "undated_thumbnail": stored_image(undated, "olive"),
    }


def outcome(response) -> object:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return LOGIN
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
        return 302
    return response.status_code


@override_settings(DEBUG=False)
def test_each_role_gets_the_answer_it_should_on_every_url_and_no_embargoed_text(world):
    users, ids = world
    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(user)
    wrong, leaks, asked = [], [], 0
    for pattern, route in EXPECTED.items():
        for variant, url in route.urls(ids).items():
            expected = route.embargoed if variant.startswith("embargoed") and route.embargoed else route.expected
            for role in ROLES:
                want = SPECIAL.get((pattern, variant, role), expected[role])
                response = clients[role].get(url)
                asked += 1
                got = outcome(response)
                if got != want:
                    wrong.append(f"{role:10} GET {url}: {got}, expected {want}")
                if role not in SEES_EMBARGOED and response.status_code == 200 and not url.startswith("/media/"):
                    try:
                        assert_no_secret(page_text(response), f"{role} GET {url}")
                    except AssertionError as leak:
                        leaks.append(str(leak).splitlines()[0])
    assert not wrong, f"{len(wrong)} of {asked} answers differ:\n" + "\n".join(wrong)
    assert not leaks, "embargoed text reached someone who may not see it:\n" + "\n".join(leaks)
    assert asked >= len(ROLES) * len(EXPECTED)  # every pattern, by every role, at least once


@override_settings(DEBUG=False)
def test_writes_refuse_everyone_but_editors(world):
    """The matrix asks with GET; the writes a page offers are asked with POST here."""
    users, ids = world
    article = make_article(headline="Another story")
    link = f"/photos/{ids['free']}/articles/link/"
    change = f"/admin/captions/photo/{ids['free']}/change/"
    delete = f"/admin/captions/photo/{ids['free']}/delete/"
    expected = {
        "anonymous": (LOGIN, ADMIN_LOGIN, ADMIN_LOGIN),
        "researcher": (403, ADMIN_LOGIN, ADMIN_LOGIN),
        "production": (403, ADMIN_LOGIN, ADMIN_LOGIN),
        "staff": (403, 403, 403),
    }
    for role, want in expected.items():
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.force_login(users[role])
        got = tuple(
            outcome(client.post(url, data))
            for url, data in ((link, {"article": article.pk}), (change, {"caption": "x"}), (delete, {"post": "yes"}))
        )
        assert got == want, role
    assert Photo.objects.filter(pk=ids["free"], caption="Harbour view, free to use").exists()
    assert not Photo.objects.get(pk=ids["free"]).articles.filter(pk=article.pk).exists()
    client = Client()
    client.force_login(users["editor"])
    assert outcome(client.post(link, {"article": article.pk})) == 302
    assert Photo.objects.get(pk=ids["free"]).articles.filter(pk=article.pk).exists()


def test_the_roles_are_what_the_matrix_says(world):
    users, _ = world
    assert (
        not users["staff"].groups.exists() and users["staff"].is_staff and not users["staff"].user_permissions.exists()
    )
    assert users["superuser"].is_superuser and not User.objects.get(username="re").is_staff
    assert dt.timedelta(0) <= timezone.now() - AuditEvent.objects.earliest("at").at < dt.timedelta(minutes=5)
