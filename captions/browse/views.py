"""Pages. Views stay thin: reading goes through selectors, writing through services."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from captions import conf
from captions.browse.links import QueryLinks, facet_links, timeline_links
from captions.selectors import articles as article_selectors
from captions.selectors import embargo, facets, pages, timeline
from captions.selectors import lightboxes as lightbox_selectors
from captions.selectors import photos as photo_selectors
from captions.selectors.filters import PhotoFilterSet
from captions.selectors.suggestions import suggest_articles
from captions.services import articles as article_services

NOT_FILTERS = ("page", "per_page", "sort")


def _lightbox_context(request, photo_ids=()) -> dict:
    """The lightbox the "add" buttons put photos in (and the others the user may add to)."""
    if not request.user.has_perm("captions.view_lightbox"):
        return {}
    target = lightbox_selectors.add_target(
        request.user, request.session.get(lightbox_selectors.ACTIVE_SESSION_KEY), photo_ids
    )
    return {
        "active_lightbox": target.active,
        "editable_lightboxes": target.editable,
        "lightbox_photo_ids": target.photo_ids,
        "lightbox_limit": conf.lightbox_max_photos(),
    }


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 (with the reason) when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse({"status": "error", "database": str(exc).splitlines()[0][:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _per_page(request) -> int:
    try:
        size = int(request.GET.get("per_page", ""))
    except ValueError:
        return pages.PAGE_SIZES[0]
    return size if size in pages.PAGE_SIZES else pages.PAGE_SIZES[0]


def _chip_value(field, value: str) -> str:
    """A filter's value as its chip shows it: a choice by its label (the reader's language), not
    its code ("Editorial use only", not "editorial_only"); a model choice by the id given."""
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return str(dict(field.choices).get(value, value))
    return value


def _query_on_page(request, number: int, *, always: bool = False) -> str:
    """The request's query string on page `number` ('?q=Kreml&page=3'); page 1 is left out
    unless `always` (a photo page's links: the page number is what says "from the results")."""
    params = request.GET.copy()
    params.pop("page", None)
    if number > 1 or always:
        params["page"] = str(number)
    return "?" + params.urlencode() if params else ""


@login_required
@permission_required("captions.view_photo", raise_exception=True)
def browse(request):
    sees = embargo.sees_embargoed(request.user)
    filterset = PhotoFilterSet(
        request.GET, queryset=photo_selectors.photos_for_browse(), sees_embargoed=sees, viewer=request.user
    )
    valid = filterset.is_valid()
    active = {k: v for k, v in request.GET.items() if k in filterset.filters and k not in NOT_FILTERS and v.strip()}
    per_page = _per_page(request)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "valid": valid,
        "per_page": per_page,
        "page_sizes": pages.PAGE_SIZES,
    }
    if valid:
        qs = filterset.qs
        total, counts = facets.browse_counts(
            qs,
            filters=filterset.active_filters,
            params=active,
            sees_embargoed=sees,
            reads_hidden=filterset.reads_hidden,
            place_ids=filterset.place_ids,
        )
        number = pages.page_number(request.GET.get("page"))
        last = pages.last_page_number(total.value if total.exact else None, per_page)
        if number > last:  # a stale or shared link past the end: its last page, same filters
            return redirect(request.path + _query_on_page(request, last))
        page = pages.result_page(photo_selectors.as_cards(qs), number=number, per_page=per_page)
        if not page.rows and page.number > 1:  # past the end of an estimated total: count up to here
            last = pages.last_page_number(pages.count_up_to(qs, (page.number - 1) * per_page), per_page)
            return redirect(request.path + _query_on_page(request, last))
        page.of, page.capped = (total.value, False) if total.exact else (None, True)
        page.rows = embargo.shown_all(page.rows, sees=sees)
        links = QueryLinks(request.GET)
        bars = timeline.timeline_for(
            qs, counted=counts, total=total, window=filterset.date_window, params=active, sees_embargoed=sees
        )
        context.update(
            total=total,
            facets=counts,
            facet_links=facet_links(counts, request.GET, links),
            timeline=bars,
            timeline_links=timeline_links(bars, links),
            page=page,
            words=filterset.form.cleaned_data.get("q") or "",
            browse_query=_query_on_page(request, page.number, always=True),
            active_filters=[
                (name, filterset.form.fields[name].label, _chip_value(filterset.form.fields[name], value))
                for name, value in active.items()
            ],
        )
        shown_ids = [photo.pk for photo in page.rows if not getattr(photo, "withheld", False)]
        context.update(_lightbox_context(request, shown_ids), cards_add_to_lightbox=True)
    else:
        context.update(_lightbox_context(request))
    return render(request, "captions/browse.html", context)


def _results_around(request, photo, *, sees: bool) -> dict:
    """Previous / next through the results the photo was opened from: the browse query string
    comes along (`?q=…&page=2`), the same FilterSet selects, one query reads the ids of that
    page and one photo on each side. A stale or malformed query string gives no links."""
    if not request.GET:
        return {}
    filterset = PhotoFilterSet(
        request.GET, queryset=photo_selectors.photos_for_browse(), sees_embargoed=sees, viewer=request.user
    )
    if not filterset.is_valid():
        return {}
    number = pages.page_number(request.GET.get("page"))
    per_page = _per_page(request)
    around = pages.neighbours(filterset.qs, photo.pk, number=number, per_page=per_page)
    context = {"results_url": reverse("browse") + _query_on_page(request, number)}
    if around is not None:
        context["around"] = around
        if around.previous_id:
            context["previous_url"] = reverse("photo_detail", args=[around.previous_id]) + _query_on_page(
                request, around.previous_page, always=True
            )
        if around.next_id:
            context["next_url"] = reverse("photo_detail", args=[around.next_id]) + _query_on_page(
                request, around.next_page, always=True
            )
    return context


@login_required
@permission_required("captions.view_photo", raise_exception=True)
def photo_detail(request, pk):
    photo = get_object_or_404(photo_selectors.photo_with_relations(), pk=pk)
    sees = embargo.sees_embargoed(request.user)
    shown = embargo.shown(photo, sees=sees)
    if shown is not photo:
        return render(request, "captions/photo_embargoed.html", {"card": shown})
    can_link = request.user.has_perm("captions.change_photo")
    context = {
        **_results_around(request, photo, sees=sees),
        "photo": photo,
        "more_from_place": photo_selectors.more_from_place(photo, sees_embargoed=sees),
        "more_from_date": photo_selectors.more_from_same_date(photo, sees_embargoed=sees),
        "suggestions": suggest_articles(photo) if can_link else [],
        "can_link": can_link,
        "may_download_files": request.user.has_perm("captions.export_specs")
        or request.user.has_perm("captions.change_photo"),
    }
    lightboxes = _lightbox_context(request)
    if lightboxes:
        holding = lightbox_selectors.lightboxes_holding(photo, request.user)
        lightboxes.update(
            holding_lightboxes=holding,
            holding_ids={lightbox.pk for lightbox in holding},
            editable_ids={lightbox.pk for lightbox in lightboxes["editable_lightboxes"]},
        )
    context.update(lightboxes)
    return render(request, "captions/photo_detail.html", context)


@login_required
@permission_required("captions.change_photo", raise_exception=True)
@require_POST
def link_article(request, pk):
    photo = get_object_or_404(photo_selectors.photos_for_browse(), pk=pk)
    article = article_selectors.article_by_id(request.POST.get("article", ""))
    if article is None:
        messages.error(request, _("That article does not exist (any more); nothing was linked."))
    else:
        article_services.link_article(photo=photo, article=article, user=request.user)
        messages.success(request, _("Linked “%(headline)s”.") % {"headline": article.headline})
    return redirect(photo)


@login_required
@permission_required("captions.view_article", raise_exception=True)
def article_list(request):
    words = request.GET.get("q", "").strip()[:200]
    articles = article_selectors.articles_matching(words)
    number = pages.page_number(request.GET.get("page"))
    page = pages.result_page(articles, number=number, per_page=50)
    if not page.rows and page.number > 1:  # a stale link past the end: the last page
        last = pages.last_page_number(pages.count_up_to(articles, (page.number - 1) * 50), 50)
        return redirect(request.path + _query_on_page(request, last))
    article_selectors.with_photo_counts(page.rows)
    return render(request, "captions/article_list.html", {"page": page, "words": words})


@login_required
@permission_required("captions.view_article", raise_exception=True)
def article_detail(request, pk):
    article = get_object_or_404(article_selectors.all_articles(), pk=pk)
    photos, more = article_selectors.article_photos(article, sees_embargoed=embargo.sees_embargoed(request.user))
    return render(request, "captions/article_detail.html", {"article": article, "photos": photos, "more_photos": more})
