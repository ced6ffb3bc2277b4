"""The audit trail: who signed in, who failed to and who was locked out, and everything that left
the archive (exports, spec sheets, packages): who, when, which filters, how many photos, how
many were left out for embargo. Superusers read it in the admin (captions.admin.audit).

Other code calls these functions; the sign-in events come from Django's and django-axes's
signals (`connect_signals`, called once from the app's `ready()`). Nothing here raises into
the caller: an audit line that cannot be written is logged as an error, and the sign-in or
export it describes goes on (a broken audit table must not lock everyone out).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import DatabaseError, transaction

from captions.models import AuditEvent

logger = logging.getLogger(__name__)
Kind = AuditEvent.Kind


def client_address(request) -> str | None:
    """The client's address as django-axes reads it (so TRUSTED_PROXY_COUNT applies to both)."""
    if request is None:
        return None
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    return address or None


def _username(user, given: str = "") -> str:
    name = user.get_username() if user is not None and user.is_authenticated else given
    return (name or "")[:150]


def record(*, kind: str, request=None, user=None, username: str = "", **values) -> AuditEvent | None:
    """Write one audit line. Returns it, or None when it could not be written (logged)."""
    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    event = AuditEvent(
        kind=kind,
        user=user if user is not None and user.is_authenticated else None,
        username=_username(user, username),
        ip_address=client_address(request),
        path=(request.path if request is not None else "")[:300],
        **values,
    )
    try:
        with transaction.atomic():  # a failure must not spoil the caller's transaction
            event.save()
    except DatabaseError:
        logger.exception("audit trail: could not record %s for %r", kind, event.username)
        return None
    return event


# --- sign-ins ---------------------------------------------------------------------------------


def record_sign_in(*, user, request) -> AuditEvent | None:
    return record(kind=Kind.SIGN_IN, request=request, user=user)


def record_sign_out(*, user, request) -> AuditEvent | None:
    return record(kind=Kind.SIGN_OUT, request=request, user=user)


def record_sign_in_failure(*, username: str, request) -> AuditEvent | None:
    return record(kind=Kind.SIGN_IN_FAILED, request=request, username=username)


def record_lockout(*, username: str, request) -> AuditEvent | None:
    return record(kind=Kind.LOCKED_OUT, request=request, username=username)


# --- what leaves the archive ------------------------------------------------------------------


def record_export(
    *,
    request=None,
    user=None,
    username: str = "",
    format: str,
    filters: dict,
    photo_count: int | None,
    embargoed_left_out: int,
    complete: bool = True,
) -> AuditEvent | None:
    """An export of a selection (CSV, JSON, PDF sheets). A streamed one is recorded when it
    starts (`photo_count=None, complete=False`) and finished by `streamed`. From the command
    line there is no request or user: `username` says which command it was."""
    return record(
        kind=Kind.EXPORT,
        request=request,
        user=user,
        username=username,
        format=format,
        filters=dict(filters),
        photo_count=photo_count,
        embargoed_left_out=embargoed_left_out,
        complete=complete,
    )


def record_spec_sheet(*, request, photo_id: int, target_dpi: int, embargoed: bool) -> AuditEvent | None:
    """A one-photo spec sheet; a sheet refused for embargo is recorded too (0 photos, 1 left out)."""
    return record(
        kind=Kind.SPEC_SHEET,
        request=request,
        format="pdf",
        filters={"photo": photo_id, "at_dpi": target_dpi},
        photo_count=0 if embargoed else 1,
        embargoed_left_out=1 if embargoed else 0,
    )


def record_package(
    *,
    user,
    filters: dict,
    photo_count: int,
    embargoed_left_out: int,
    request=None,
    complete: bool = True,
) -> AuditEvent | None:
    """A print package (ZIP of specs, sheets and renditions), of a lightbox or a selection:
    the lightbox work calls this with `filters={"lightbox": id}` or the browse filters."""
    return record(
        kind=Kind.PACKAGE,
        request=request,
        user=user,
        format="zip",
        filters=dict(filters),
        photo_count=photo_count,
        embargoed_left_out=embargoed_left_out,
        complete=complete,
    )


class CountedRows:
    """An iterator over export rows that counts what it hands out (the renderers close it
    through `close`, as they close the rows themselves)."""

    def __init__(self, rows: Iterable):
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator:
        for row in self.rows:
            self.count += 1
            yield row

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


def streamed(pieces: Iterable, *, event: AuditEvent | None, rows: CountedRows) -> Iterator:
    """Pass a streamed export through, then write on its audit line how many photos went out
    and whether the download ran to its end (a dropped one is recorded as incomplete)."""
    complete = False
    try:
        yield from pieces
        complete = True
    finally:
        if event is not None:
            try:
                AuditEvent.objects.filter(pk=event.pk).update(photo_count=rows.count, complete=complete)
            except DatabaseError:
                logger.exception("audit trail: could not finish export line %s", event.pk)


# --- signals ----------------------------------------------------------------------------------


def _on_logged_in(sender, request, user, **kwargs):
    record_sign_in(user=user, request=request)


def _on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record_sign_out(user=user, request=request)


def _on_login_failed(sender, credentials, request=None, **kwargs):
    record_sign_in_failure(username=str((credentials or {}).get("username", "")), request=request)


def _on_locked_out(sender, request, username, ip_address, **kwargs):
    record_lockout(username=username or "", request=request)


def connect_signals() -> None:
    user_logged_in.connect(_on_logged_in, dispatch_uid="captions.audit.logged_in")
    user_logged_out.connect(_on_logged_out, dispatch_uid="captions.audit.logged_out")
    user_login_failed.connect(_on_login_failed, dispatch_uid="captions.audit.login_failed")
    user_locked_out.connect(_on_locked_out, dispatch_uid="captions.audit.locked_out")
