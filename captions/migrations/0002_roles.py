"""Create the Editors, Researchers and Production groups with their permissions."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

from captions.roles import sync_role_groups

_VIEW = ["view_photo", "view_article", "view_place"]
# The roles as this migration made them; later migrations add what came after (lightboxes).
ROLES_AT_0002 = {
    "Editors": _VIEW
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
    ],
    "Researchers": list(_VIEW),
    "Production": _VIEW + ["export_specs"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), ROLES_AT_0002)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES_AT_0002)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("captions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
