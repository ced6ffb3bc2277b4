from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaptionsConfig(AppConfig):
    name = "captions"
    verbose_name = _("Photo archive")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from captions import checks  # noqa: F401, PLC0415  (registers system checks once the app is ready)
