"""Small builders for records in tests: readable defaults, override what a test is about."""

import datetime as dt
import itertools

from django.contrib.auth.models import Group, Permission, User

from captions.models import Article, Photo
from captions.roles import EDITORS, PRODUCTION, RESEARCHERS, sync_role_groups
from captions.services.places import get_or_create_place

_numbers = itertools.count(1)


def make_place(**parts):
    parts.setdefault("city", "Moscow")
    parts.setdefault("country", "Russia")
    parts.setdefault("country_code", "RU")
    return get_or_create_place(**parts)


def make_photo(**values):
    n = next(_numbers)
    defaults = {
        "caption": f"Test photo {n}",
        "width_px": 1880,
        "height_px": 1160,
        "dpi": 150,
        "date_text": "2. Dezember 2025",
        "date_edtf": "2025-12-02",
        "date_start": dt.date(2025, 12, 2),
        "date_end": dt.date(2025, 12, 2),
        "date_precision": "day",
        "language": "de",
    }
    defaults.update(values)
    articles = defaults.pop("articles", [])
    photo = Photo(**defaults)
    photo.full_clean()
    photo.save()
    if articles:
        photo.articles.set(articles)
    return photo


def make_article(**values):
    n = next(_numbers)
    defaults = {"headline": f"Article {n}", "publication": "The Test Times", "url": f"https://example.org/a/{n}"}
    defaults.update(values)
    article = Article(**defaults)
    article.full_clean()
    article.save()
    return article


def make_user(username, *, group=None, staff=False, superuser=False):
    user = User.objects.create_user(
        username=username, password="pw-" + username, is_staff=staff or superuser, is_superuser=superuser
    )
    if group:
        if not Group.objects.filter(name=group).exists():
            # Transactional tests flush the tables, groups from the migration included.
            sync_role_groups(Group, Permission)
        user.groups.add(Group.objects.get(name=group))
    return user


def editor(username="ed"):
    return make_user(username, group=EDITORS, staff=True)


def researcher(username="re"):
    return make_user(username, group=RESEARCHERS)


def production(username="pr"):
    return make_user(username, group=PRODUCTION)
