"""Read replicas: pages that only read (GET, HEAD) take the catalogue's rows from the replica
named by DATABASE_REPLICA_URL; every write, and every read of a request that writes, stays on
the primary.

- Only the catalogue (the `captions` app: photos, places, articles, lightboxes, history) is
  read from the replica. Sessions, users and permissions are read from the primary, so a
  sign-in is seen at once.
- Replicas lag. A browser that has just written (any POST, PUT, PATCH, DELETE) gets a cookie
  that keeps its reads on the primary for REPLICA_PIN_SECONDS (default 10), so an editor sees
  their own save on the page they are sent to next.
- Streamed responses (exports) keep the request's choice until the response is finished.
"""

from __future__ import annotations

import contextvars

from django.conf import settings
from django.core.signals import request_finished
from django.db import connections

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PIN_COOKIE = "archive_primary"
REPLICA = "replica"
REPLICA_APPS = frozenset({"captions"})

_read_from_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("read_from_replica", default=False)


def _request_done(**_kwargs) -> None:
    _read_from_replica.set(False)


request_finished.connect(_request_done, dispatch_uid="archive.routers.request_done")


class ReadOnlyRequestMiddleware:
    """Marks the requests whose catalogue reads may go to the replica (nothing else)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if REPLICA not in connections.settings:
            return self.get_response(request)
        read_only = request.method in READ_ONLY_METHODS
        _read_from_replica.set(read_only and PIN_COOKIE not in request.COOKIES)
        response = self.get_response(request)
        if not read_only:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=getattr(settings, "REPLICA_PIN_SECONDS", 10),
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _read_from_replica.get() and model._meta.app_label in REPLICA_APPS:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica gets its schema by replication
