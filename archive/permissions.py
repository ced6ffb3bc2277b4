"""Who may do what: a signed-in user's permissions read once and kept in the shared cache.

Django's ModelBackend reads a user's permissions on the first check of every request: two
joins of four and five tables (user or group -> permission -> content type), ~2 ms each on
PostgreSQL, most of it planning, on every signed-in page (bench/request_overhead.py; the
permissions change a few times a year). CachedPermissionsBackend keeps the set in the default
cache when that cache is shared by every process (Redis: PERMISSIONS_CACHE_SECONDS > 0, see
settings), tagged with a generation token:

- any change to who holds which permission (a user's groups or own permissions, a group's
  permissions, a group or permission saved or deleted, a migrate) sets a new token once its
  transaction commits, so every user's next request reads the database again;
- is_active and is_superuser come from the user row, which Django reads on every request, as
  before (the superuser flag is part of the key: a superuser holds every permission);
- an entry expires after PERMISSIONS_CACHE_SECONDS at the latest: the bound for a change made
  past Django (SQL by hand).

Reading the token and the user's entry is one cache round trip (get_many).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

GENERATION_KEY = "auth:permissions:generation"


def user_key(user) -> str:
    return f"auth:permissions:{user.pk}:{int(user.is_superuser)}"


def new_generation() -> None:
    """Every cached permission set is stale from now on."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _changed(using="default", **_kwargs) -> None:
    # After the commit: a request that read the old rows before it stored them under the old
    # token, which no longer matches; one that reads the token after it reads the new rows.
    transaction.on_commit(new_generation, using=using)


def connect_signals() -> None:
    from django.contrib.auth.models import Group, Permission, User  # noqa: PLC0415 (apps ready)

    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"archive.permissions.{through.__name__}")
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, dispatch_uid=f"archive.permissions.{signal}.{model.__name__}")
    post_migrate.connect(_changed, dispatch_uid="archive.permissions.migrate")


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = self._read(user_obj)
        return user_obj._perm_cache

    def _read(self, user_obj) -> set[str]:
        seconds = getattr(settings, "PERMISSIONS_CACHE_SECONDS", 0)
        if seconds <= 0:
            return BaseBackend.get_all_permissions(self, user_obj)
        key = user_key(user_obj)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:  # first use, or evicted: a new token (old entries cannot match)
            cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
            generation = cache.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and generation is not None and entry[0] == generation:
            return set(entry[1])
        perms = BaseBackend.get_all_permissions(self, user_obj)  # the user's own, then its groups'
        if generation is not None:
            cache.set(key, (generation, sorted(perms)), seconds)
        return perms
