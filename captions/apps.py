from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CaptionsConfig(AppConfig):
    name = "captions"
    verbose_name = _("Photo archive")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from captions import checks  # noqa: F401, PLC0415  (registers system checks once the app is ready)
        from captions.services import audit  # noqa: PLC0415  (models are ready only now)

        audit.connect_signals()  # sign-ins, failures and lockouts go to the audit trail

        # libexiv2's XMP toolkit is set up process-wide when the module is imported, and must be
        # before any thread uses it: at start-up, not on some request thread's first upload.
        from captions.images import metadata  # noqa: F401, PLC0415

        post_migrate.connect(_facet_summary_after_migrate, sender=self)


def _facet_summary_after_migrate(sender, using="default", **kwargs):
    """The facet summary's triggers exist after every migrate (SQLite drops a table's triggers
    when a migration rebuilds it), and an emptied photo table (flush) has an empty summary."""
    from django.db import connections  # noqa: PLC0415

    from captions import summary  # noqa: PLC0415
    from captions.services import facet_summary  # noqa: PLC0415

    connection = connections[using]
    tables = connection.introspection.table_names()
    if summary.PHOTO_TABLE not in tables or summary.TABLE not in tables:
        return  # migrated backwards past the summary
    if facet_summary.ensure_triggers(connection):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {summary.PHOTO_TABLE} LIMIT 1")
        if cursor.fetchone() is None:
            cursor.execute(f"DELETE FROM {summary.TABLE}")
