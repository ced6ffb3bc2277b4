from django.apps import AppConfig
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
