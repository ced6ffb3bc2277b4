"""Who may write in the admin: Editors (and superusers). Everyone else at most reads."""

from captions.roles import EDITORS


def is_editor(user) -> bool:
    """Editors (and superusers) write; everyone else at most reads. Cached on the user."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_captions_is_editor"):
        user._captions_is_editor = user.groups.filter(name=EDITORS).exists()
    return user._captions_is_editor


class EditorsWriteMixin:
    """Only Editors reach the write views: a staff user outside the group gets 403 there,
    whatever single permissions they hold."""

    def has_add_permission(self, request, *args):
        return is_editor(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_delete_permission(request, obj)
