"""The audit trail in the admin: superusers read it; nobody adds, changes or deletes a line
(not even a superuser, and whatever permissions a group is given)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from captions import times
from captions.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["when", "kind", "username", "ip_address", "format", "filters", "photo_count", "embargoed_left_out"]
    list_filter = ["kind", "format", "complete"]
    search_fields = ["username", "ip_address"]
    search_help_text = _("A username as typed, or an address.")
    date_hierarchy = "at"
    list_per_page = 100
    show_full_result_count = False

    @admin.display(description=_("when"), ordering="at")
    def when(self, obj):
        return times.local_datetime(obj.at)  # one format with the zone, as on every page

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
