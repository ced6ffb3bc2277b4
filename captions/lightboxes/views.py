"""Lightbox pages (SPEC: /lightboxes/, /lightboxes/<id>/, .../add/, .../remove/, .../share/).

Every view needs a signed-in user with the role permission (`captions.view_lightbox`; creating
one `captions.add_lightbox`), then the lightbox's own rule: a lightbox the user may not open is
"not found" (its name is not given away), one they may only read refuses changes with 403.
Changes are POSTs that redirect back (to `next` when it is this site's); the page's script
sends the same POSTs with `Accept: application/json` and gets the outcome as JSON instead.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from captions import conf, validation
from captions.lightboxes.forms import LightboxNameForm, NoteForm, ShareForm
from captions.selectors import embargo
from captions.selectors import lightboxes as lightbox_selectors
from captions.selectors.filters import photo_ids_selected
from captions.selectors.lightboxes import Access
from captions.services import lightboxes as lightbox_services

may_use_lightboxes = permission_required("captions.view_lightbox", raise_exception=True)


def _lightbox(request, pk, *, needs: Access):
    """The lightbox `pk` if the user may do `needs` with it: 404 when they may not even open it,
    403 when they may open it but not do this."""
    lightbox = lightbox_selectors.lightbox_by_id(pk)
    access = lightbox_selectors.access_to(lightbox, request.user) if lightbox else Access.NONE
    if access == Access.NONE:
        raise Http404(_("No such lightbox, or it is not shared with you."))
    if access < needs:
        raise PermissionDenied(
            _("Only the owner may do this.")
            if needs == Access.OWN
            else _("This lightbox is shared with you to look at only.")
        )
    return lightbox, access


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _photo_ids(request) -> list[int] | None:
    """The `photo` values of a POST as ids; None when one is not a whole number a photo can
    have (a number beyond any id was a server error in the database driver)."""
    ids = [validation.row_id(value) for value in request.POST.getlist("photo") if value.strip()]
    return None if None in ids else ids


def _back(request, lightbox, status_message: str, *, level=messages.SUCCESS, data=None, status=200):
    """The answer to a change: JSON for the page's script, else a message and a redirect to
    `next` (this site only) or the lightbox."""
    if _wants_json(request):
        ok = level not in (messages.ERROR, messages.WARNING)
        return JsonResponse({"ok": ok, "message": status_message, **(data or {})}, status=status)
    messages.add_message(request, level, status_message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = lightbox.get_absolute_url()
    return HttpResponseRedirect(target)


@login_required
@may_use_lightboxes
@require_http_methods(["GET", "POST"])
def lightbox_list(request):
    form = LightboxNameForm()
    if request.method == "POST":
        if not request.user.has_perm("captions.add_lightbox"):
            raise PermissionDenied(_("You may look at lightboxes shared with you, not start new ones."))
        form = LightboxNameForm(request.POST)
        if form.is_valid():
            lightbox = lightbox_services.create_lightbox(owner=request.user, name=form.cleaned_data["name"])
            request.session[lightbox_selectors.ACTIVE_SESSION_KEY] = lightbox.pk
            messages.success(
                request, _("Lightbox “%(name)s” started; the photos you add go into it.") % {"name": lightbox.name}
            )
            return redirect(lightbox)
    return render(
        request,
        "lightboxes/lightbox_list.html",
        {"lightboxes": lightbox_selectors.lightbox_with_counts(request.user), "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@may_use_lightboxes
def lightbox_detail(request, pk):
    lightbox, access = _lightbox(request, pk, needs=Access.READ)
    items = lightbox_selectors.items_of(lightbox)
    sees = embargo.sees_embargoed(request.user)
    for item in items:  # an embargoed photo stays in its place, as its card for those who may not see it
        item.shown = embargo.shown(item.photo, sees=sees)
    return render(
        request,
        "lightboxes/lightbox_detail.html",
        {
            "lightbox": lightbox,
            "items": items,
            "access": access,
            "can_edit": access >= Access.EDIT,
            "is_owner": access == Access.OWN,
            "shares": lightbox_selectors.shares_of(lightbox) if access == Access.OWN else [],
            "share_form": ShareForm(),
            "rename_form": LightboxNameForm(initial={"name": lightbox.name}),
            "group_names": lightbox_selectors.group_names() if access == Access.OWN else [],
            "max_photos": conf.lightbox_max_photos(),
            "filter_query": f"lightbox={lightbox.pk}",
        },
    )


@login_required
@may_use_lightboxes
@require_POST
def lightbox_add(request, pk):
    """POST `photo` (one or more ids), or `selection` (a browse query string: every result of
    that search, up to the lightbox's limit)."""
    lightbox, _access = _lightbox(request, pk, needs=Access.EDIT)
    limit = conf.lightbox_max_photos()
    if "selection" in request.POST:
        ids, errors = photo_ids_selected(
            QueryDict(request.POST["selection"]),
            sees_embargoed=embargo.sees_embargoed(request.user),
            viewer=request.user,
            limit=limit,
        )
        if errors:
            return _back(
                request,
                lightbox,
                _("The search has filters that need fixing, so nothing was added."),
                level=messages.ERROR,
                status=400,
            )
        if len(ids) > limit:
            return _back(
                request,
                lightbox,
                _(
                    "This search finds more than %(limit)s photos; “add all” takes up to %(limit)s. "
                    "Narrow the search, then add again."
                )
                % {"limit": limit},
                level=messages.ERROR,
                status=400,
            )
    else:
        ids = _photo_ids(request)
        if not ids:
            return _back(request, lightbox, _("Say which photo to add (its number)."), level=messages.ERROR, status=400)
    try:
        outcome = lightbox_services.add_photos(lightbox=lightbox, photo_ids=ids)
    except ValidationError as exc:
        return _back(request, lightbox, " ".join(exc.messages), level=messages.ERROR, status=400)
    request.session[lightbox_selectors.ACTIVE_SESSION_KEY] = lightbox.pk
    parts = [
        ngettext("Added %(n)s photo to “%(name)s”.", "Added %(n)s photos to “%(name)s”.", len(outcome.added))
        % {"n": len(outcome.added), "name": lightbox.name}
    ]
    if outcome.already:
        parts.append(
            ngettext("%(n)s was in it already.", "%(n)s were in it already.", len(outcome.already))
            % {"n": len(outcome.already)}
        )
    if outcome.missing:
        parts.append(
            ngettext("%(n)s photo no longer exists.", "%(n)s photos no longer exist.", len(outcome.missing))
            % {"n": len(outcome.missing)}
        )
    return _back(
        request,
        lightbox,
        " ".join(parts),
        data={"added": outcome.added, "already": outcome.already, "count": lightbox_selectors.photo_count(lightbox)},
    )


@login_required
@may_use_lightboxes
@require_POST
def lightbox_remove(request, pk):
    lightbox, _access = _lightbox(request, pk, needs=Access.EDIT)
    ids = _photo_ids(request)
    if not ids:
        return _back(
            request, lightbox, _("Say which photo to take out (its number)."), level=messages.ERROR, status=400
        )
    removed = lightbox_services.remove_photos(lightbox=lightbox, photo_ids=ids)
    message = ngettext("Took %(n)s photo out of “%(name)s”.", "Took %(n)s photos out of “%(name)s”.", removed) % {
        "n": removed,
        "name": lightbox.name,
    }
    return _back(
        request, lightbox, message, data={"removed": removed, "count": lightbox_selectors.photo_count(lightbox)}
    )


@login_required
@may_use_lightboxes
@require_POST
def lightbox_reorder(request, pk):
    """POST `order` (every photo id, comma-separated: a drag) or `photo` with `move`
    (`up`, `down`, `first`, `last`: the buttons and the keyboard)."""
    lightbox, _access = _lightbox(request, pk, needs=Access.EDIT)
    if "order" in request.POST:
        order = [part.strip() for part in request.POST["order"].split(",") if part.strip()]
        if not all(part.isdigit() for part in order):
            return _back(request, lightbox, _("The new order could not be read."), level=messages.ERROR, status=400)
        try:
            lightbox_services.reorder(lightbox=lightbox, photo_ids=[int(part) for part in order])
        except ValidationError as exc:
            return _back(request, lightbox, " ".join(exc.messages), level=messages.ERROR, status=409)
        return _back(request, lightbox, _("New order saved."))
    ids = _photo_ids(request)
    steps = {"up": -1, "down": 1, "first": -(10**9), "last": 10**9}
    move = request.POST.get("move", "")
    if not ids or len(ids) != 1 or move not in steps:
        return _back(request, lightbox, _("Say which photo to move, and up or down."), level=messages.ERROR, status=400)
    moved = lightbox_services.move(lightbox=lightbox, photo_id=ids[0], by=steps[move])
    return _back(request, lightbox, _("Moved.") if moved else _("It is there already."), data={"moved": moved})


@login_required
@may_use_lightboxes
@require_POST
def lightbox_note(request, pk):
    lightbox, _access = _lightbox(request, pk, needs=Access.EDIT)
    ids = _photo_ids(request)
    form = NoteForm(request.POST)
    if not ids or len(ids) != 1:
        return _back(request, lightbox, _("Say which photo the note is for."), level=messages.ERROR, status=400)
    if not form.is_valid():
        return _back(request, lightbox, " ".join(form.errors["note"]), level=messages.ERROR, status=400)
    item = lightbox_services.set_note(lightbox=lightbox, photo_id=ids[0], note=form.cleaned_data["note"])
    if item is None:
        return _back(
            request, lightbox, _("That photo is not in this lightbox any more."), level=messages.ERROR, status=404
        )
    return _back(request, lightbox, _("Note saved."), data={"note": item.note})


@login_required
@may_use_lightboxes
@require_POST
def lightbox_share(request, pk):
    lightbox, _access = _lightbox(request, pk, needs=Access.OWN)
    form = ShareForm(request.POST)
    if not form.is_valid():
        problems = " ".join(message for errors in form.errors.values() for message in errors)
        return _back(request, lightbox, problems, level=messages.ERROR, status=400)
    group, person = form.cleaned_data.get("group"), form.cleaned_data.get("user")
    try:
        lightbox_services.share(lightbox=lightbox, group=group, user=person, can_edit=form.cleaned_data["can_edit"])
    except ValidationError as exc:
        return _back(request, lightbox, " ".join(exc.messages), level=messages.ERROR, status=400)
    whom = group.name if group else person.get_username()
    if form.cleaned_data["can_edit"]:
        message = _("Shared with %(whom)s: they may add, remove, reorder and write notes.") % {"whom": whom}
    else:
        message = _("Shared with %(whom)s to look at.") % {"whom": whom}
    return _back(request, lightbox, message)


@login_required
@may_use_lightboxes
@require_POST
def lightbox_unshare(request, pk):
    lightbox, _access = _lightbox(request, pk, needs=Access.OWN)
    share_id = request.POST.get("share", "")
    if not share_id.isdigit() or not lightbox_services.unshare(lightbox=lightbox, share_id=int(share_id)):
        return _back(request, lightbox, _("That share was removed already."), level=messages.WARNING)
    return _back(request, lightbox, _("No longer shared with them."))


@login_required
@may_use_lightboxes
@require_POST
def lightbox_rename(request, pk):
    lightbox, _access = _lightbox(request, pk, needs=Access.OWN)
    form = LightboxNameForm(request.POST)
    if not form.is_valid():
        return _back(request, lightbox, " ".join(form.errors["name"]), level=messages.ERROR, status=400)
    lightbox_services.rename_lightbox(lightbox=lightbox, name=form.cleaned_data["name"])
    return _back(request, lightbox, _("Renamed to “%(name)s”.") % {"name": lightbox.name})


@login_required
@may_use_lightboxes
@require_POST
def lightbox_delete(request, pk):
    lightbox, _access = _lightbox(request, pk, needs=Access.OWN)
    name = lightbox.name
    lightbox_services.delete_lightbox(lightbox=lightbox)
    messages.success(request, _("Lightbox “%(name)s” deleted; its photos stay in the archive.") % {"name": name})
    return redirect("lightbox_list")


@login_required
@may_use_lightboxes
@require_POST
def lightbox_choose(request):
    """Which lightbox the browse cards add to (kept in the session)."""
    lightbox = lightbox_selectors.lightbox_by_id(request.POST.get("lightbox", ""))
    if lightbox is None or lightbox_selectors.access_to(lightbox, request.user) < Access.EDIT:
        raise Http404(_("No such lightbox that you may add to."))
    request.session[lightbox_selectors.ACTIVE_SESSION_KEY] = lightbox.pk
    return _back(request, lightbox, _("The “add” buttons now put photos into “%(name)s”.") % {"name": lightbox.name})
