"""The three roles of the SPEC as Django groups, and what each may do.

Used by the data migration that creates the groups (and by `setup_roles`, which repairs them
after permissions change). Permission codenames are Django's (`<action>_<model>`) plus the
app's own `export_specs` and `import_captions`.
"""

EDITORS = "Editors"
RESEARCHERS = "Researchers"
PRODUCTION = "Production"

_VIEW = [
    "view_photo",
    "view_article",
    "view_place",
]
# Every role gathers and shares lightboxes; which lightbox a user may open or change is decided
# per lightbox (owner, shares) in captions.selectors.lightboxes.
_LIGHTBOXES = ["view_lightbox", "add_lightbox"]
ROLE_PERMISSIONS = {
    EDITORS: _VIEW
    + [
        "add_photo",
        "change_photo",
        "delete_photo",
        "add_article",
        "change_article",
        "delete_article",
        "add_place",
        "change_place",
        "delete_place",
        "view_historicalphoto",
        "view_historicalarticle",
        "import_captions",
    ]
    + _LIGHTBOXES,
    RESEARCHERS: _VIEW + _LIGHTBOXES,
    PRODUCTION: _VIEW + ["export_specs"] + _LIGHTBOXES,
}


def sync_role_groups(group_model, permission_model, role_permissions=None) -> None:
    """Create the groups and give each exactly its permissions (idempotent). A migration passes
    the roles as they were at its point in history (`role_permissions`): the current table may
    name permissions of models that later migrations create."""
    for name, codenames in (role_permissions or ROLE_PERMISSIONS).items():
        group, _ = group_model.objects.get_or_create(name=name)
        perms = list(permission_model.objects.filter(content_type__app_label="captions", codename__in=codenames))
        missing = set(codenames) - {p.codename for p in perms}
        if missing:
            raise RuntimeError(f"permissions missing for {name}: {sorted(missing)}")
        group.permissions.set(perms)
