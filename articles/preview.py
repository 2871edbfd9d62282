"""
Previews of articles before (or after) they are public.

Staff open any article from its admin page (`articles:preview`). People without an
account get a shared link (`articles:shared-preview`): its token is the link's key
signed with the site's secret, it stops working when it expires or is revoked, and each
visit is logged. Neither response may be indexed or kept by a shared cache.
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext

from .models import Article, PreviewLink, PreviewVisit
from .views import article_page_context, for_article_page

USER_AGENT_LENGTH = 300


def _article_queryset():
    return for_article_page(Article.objects.all())


def _private(response):
    """Keep previews out of search engines, shared caches and other sites' referrer logs."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _render_article(request, article, **context):
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "object": article,
            "is_preview": True,
            **article_page_context(article),
            **context,
        },
    )


@staff_member_required
def staff_preview(request, pk):
    """The article exactly as readers will see it, whatever its status."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    article = get_object_or_404(_article_queryset(), pk=pk)
    return _private(_render_article(request, article))


def shared_preview(request, token):
    """The article for whoever holds a valid preview link; 410 once expired or revoked."""
    try:
        key = PreviewLink.key_from_token(token)
    except (signing.BadSignature, ValueError):
        raise Http404(gettext("No preview at this address.")) from None
    link = get_object_or_404(PreviewLink.objects.select_related("article"), key=key)
    if not link.is_active:
        response = render(request, "articles/preview_link_gone.html", {"link": link}, status=410)
        return _private(response)
    PreviewVisit.objects.create(
        link=link, user_agent=request.headers.get("User-Agent", "")[:USER_AGENT_LENGTH]
    )
    article = _article_queryset().get(pk=link.article_id)
    return _private(_render_article(request, article, preview_link=link))


urlpatterns = [
    path("preview/articles/<int:pk>/", staff_preview, name="preview"),
    path("preview/shared/<str:token>/", shared_preview, name="shared-preview"),
]
