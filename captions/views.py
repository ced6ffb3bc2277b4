"""Pages. Views stay thin: reading goes through selectors, writing through services."""
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from captions import selectors


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


@login_required
@permission_required("captions.view_photo", raise_exception=True)
def browse(request):
    page = Paginator(selectors.photos_for_browse(), 24).get_page(request.GET.get("page"))
    return render(request, "captions/browse.html", {"page": page})


@login_required
@permission_required("captions.view_photo", raise_exception=True)
def photo_detail(request, pk):
    photo = get_object_or_404(selectors.photo_with_relations(), pk=pk)
    return render(request, "captions/photo_detail.html", {"photo": photo})


@login_required
@permission_required("captions.view_article", raise_exception=True)
def article_list(request):
    page = Paginator(selectors.articles_for_list(), 50).get_page(request.GET.get("page"))
    return render(request, "captions/article_list.html", {"page": page})


@login_required
@permission_required("captions.view_article", raise_exception=True)
def article_detail(request, pk):
    article = get_object_or_404(selectors.articles_for_list(), pk=pk)
    photos = selectors.photos_for_browse().filter(articles=article)
    return render(request, "captions/article_detail.html", {"article": article, "photos": photos})
