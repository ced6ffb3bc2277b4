from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """The project's own wiring that needs the models loaded (archive/permissions.py)."""

    name = "archive"
    verbose_name = "Photo archive site"

    def ready(self):
        from archive import permissions  # noqa: PLC0415  (models are ready only now)

        permissions.connect_signals()
