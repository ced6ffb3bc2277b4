"""Demo data for `make run`: the seed record, its article, generated records and one user
per role. Idempotent: running it again changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from captions import ingest
from captions.demo import pictures
from captions.images import uploads
from captions.models import Photo
from captions.roles import EDITORS, PRODUCTION, RESEARCHERS, sync_role_groups
from captions.services import articles, images, imports, photos
from captions.synthetic import generate_archive

DEMO_DIR = Path(__file__).resolve().parent
DEMO_USERS = (
    # username, password, group, staff (reaches the admin)
    ("editor", "editor-demo-pass", EDITORS, True),
    ("researcher", "researcher-demo-pass", RESEARCHERS, False),
    ("production", "production-demo-pass", PRODUCTION, False),
)


@dataclass
class DemoResult:
    seed_photo_id: int
    seed_created: bool
    generated: int
    users_created: list[str]


def load_seed():
    """Import the seed caption block through the parser and service, and link its article."""
    text = (DEMO_DIR / "seed.txt").read_text(encoding="utf-8")
    blocks = ingest.parse_blocks(text)
    outcome = imports.save_parsed_caption(parsed=blocks[0])
    data = json.loads((DEMO_DIR / "seed_article.json").read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(data["published_date"]) if data.get("published_date") else None
    article = articles.create_or_update_article(
        headline=data["headline"],
        url=data.get("url"),
        publication=data["publication"],
        published_date=published,
        language=data["language"],
        summary=data["summary"],
        body=data["body"],
    )
    articles.link_article(photo=outcome.photo, article=article)
    return outcome


def ensure_demo_users() -> list[str]:
    created = []
    for username, password, group_name, staff in DEMO_USERS:
        user, was_created = User.objects.get_or_create(username=username, defaults={"is_staff": staff})
        if was_created:
            user.set_password(password)
            user.save()
            created.append(username)
        user.groups.add(Group.objects.get(name=group_name))
    return created


def give_pictures(limit: int = 500) -> int:
    """A generated picture (thumbnail and preview) for every demo photo that has pixels but no
    picture yet, at the record's own aspect ratio. Returns how many were given one."""
    given = 0
    for photo in Photo.objects.filter(thumbnail="", width_px__gt=0, height_px__gt=0).order_by("pk")[:limit]:
        images.set_renditions(photo=photo, pixels=pictures.scene_jpeg(photo.width_px, photo.height_px, key=photo.pk))
        given += 1
    return given


def give_image_file(photo: Photo) -> bool:
    """A demo image file at the record's own pixel size and dpi for `photo` (the seed), attached
    as an editor's upload is, so the demo shows what a photo with its file offers: print sizes
    from the file and the production staff's downloads. False when it has a file already."""
    if photo.image or not photo.has_pixels:
        return False
    picture = pictures.scene(photo.width_px, photo.height_px, key=photo.pk)
    picture = picture.resize((photo.width_px, photo.height_px), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=88, **({"dpi": (photo.dpi, photo.dpi)} if photo.dpi else {}))
    upload = SimpleUploadedFile(f"demo-{photo.pk}.jpg", out.getvalue(), content_type="image/jpeg")
    prepared = uploads.prepare_upload(uploads.identify_upload(upload))
    photos.save_edit(
        photo=photo,
        base_version=photo.version,
        user=None,
        changed_fields=["image"],
        previous_problems=list(photo.problems),
        prepared=prepared,
    )
    return True


def load_demo(*, generated: int = 40, seed: int = 1) -> DemoResult:
    sync_role_groups(Group, Permission)
    # The generated records first, the seed after them: the default browse order is "recently
    # added first", and the seed is the record a first look should find on the first page.
    result = generate_archive(count=generated, seed=seed)
    with transaction.atomic():
        outcome = load_seed()
    give_pictures()
    give_image_file(Photo.objects.get(pk=outcome.photo.pk))
    users = ensure_demo_users()
    return DemoResult(outcome.photo.pk, outcome.created, result.created, users)
