from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from captions.browse.media import serve_media
from captions.browse.views import healthz

admin.site.site_header = _("Photo archive")
admin.site.site_title = _("Photo archive")
admin.site.index_title = _("Catalogue")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.MEDIA_URL.lstrip("/") + "<path:path>", serve_media, name="media"),
    path("", include("captions.urls")),
]
