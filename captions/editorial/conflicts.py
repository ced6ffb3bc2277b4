"""The no-lost-update rule of the photo change form, as a function of what the editor loaded.

The form carries a signed token of what the editor opened: the version, the values of the
fields (a snapshot: what a conflict is compared against, since records generated or imported in
bulk have no history rows), the linked articles (the link table has no history of its own) and
the history record (to name who saved since). On save, `find_conflict` compares it with the
record now: when someone else saved meanwhile, it names what they changed and which of those
fields this editor had not touched (the form then shows the colleague's values there, and keeps
the editor's own changes). The save itself is refused by version in `captions.services.records`,
so two saves can never both pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from captions.models import Photo
from captions.selectors import history

EDIT_BASE_SALT = "captions.photo.edit-base"


def edit_base_token(photo: Photo) -> str:
    """What the editor loaded: the version, the field values, the linked articles and the
    history record. Signed (and compressed), so it cannot be edited in the page."""
    return signing.dumps(
        {
            "v": photo.version,
            "s": history.snapshot(photo),
            "a": history.linked_article_ids(photo),
            "h": history.latest_history_id(photo),
        },
        salt=EDIT_BASE_SALT,
        compress=True,
    )


def read_edit_base(token: str | None) -> dict | None:
    """The loaded state a token names, or None when it is missing, was tampered with, or comes
    from a form opened before tokens carried the loaded values."""
    try:
        base = signing.loads(token or "", salt=EDIT_BASE_SALT)
    except signing.BadSignature:
        return None
    return base if isinstance(base, dict) and isinstance(base.get("s"), dict) else None


def edit_base_missing() -> ValidationError:
    return ValidationError(
        _("This form has lost track of the version it was opened on: reload the page, then make your changes."),
        code="edit_base_missing",
    )


@dataclass(frozen=True)
class Conflict:
    changes: list[history.FieldChange]  # what others changed since the editor loaded the record
    who: str | None  # who saved last
    show_current: tuple[str, ...]  # changed fields the editor had not touched: show their values now
    token: str  # the new edit base: saving again is based on the current version

    def error(self) -> ValidationError:
        listed = "; ".join(f"{c.label}: “{c.value}”" for c in self.changes) or gettext("no field you can see")
        return ValidationError(
            _(
                "%(who)s saved this photo while you were editing it and changed %(changes)s. Nothing was saved. "
                "Fields you had not touched now show their values; fields you changed keep yours. "
                "Check them, then save again."
            ),
            code="edit_conflict",
            params={"who": self.who or gettext("Someone"), "changes": listed},
        )


def find_conflict(*, photo: Photo, base: dict, submitted: dict, changed_fields) -> Conflict | None:
    """None when `photo` is still the version `base` names; else what others changed since.

    `submitted` are the form's cleaned values and `changed_fields` the fields whose submitted
    value differs from the form's initial one."""
    if base.get("v") == photo.version:
        return None
    loaded = base["s"]
    changes = history.changes_since(photo=photo, loaded=loaded)
    loaded_articles = sorted(base.get("a", []))
    current_articles = history.linked_article_ids(photo)
    if current_articles != loaded_articles:
        headlines = history.article_headlines(current_articles)
        changes.append(
            history.FieldChange(
                "articles",
                str(Photo._meta.get_field("articles").verbose_name),
                "; ".join(headlines) or gettext("(none)"),
            )
        )
    mine = _own_changes(submitted, changed_fields, loaded, loaded_articles)
    who = history.last_saved_by(photo, loaded_history_id=base.get("h"))
    return Conflict(
        changes=changes,
        who=who.get_username() if who else None,
        show_current=tuple(change.name for change in changes if change.name not in mine),
        token=edit_base_token(photo),
    )


def _own_changes(submitted: dict, changed_fields, loaded: dict, loaded_articles: list[int]) -> set[str]:
    """Fields whose submitted value differs from the version the editor loaded."""
    own = set()
    for name in changed_fields:
        if name == "articles":
            if sorted(a.pk for a in submitted.get("articles") or []) != loaded_articles:
                own.add(name)
        elif history.submitted_differs(name, submitted.get(name), loaded):
            own.add(name)
    return own
