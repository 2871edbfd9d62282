from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    """Crawlers may read everything but the admin, previews and search results."""
    return render(
        request,
        "robots.txt",
        {"base_url": request.build_absolute_uri("/").rstrip("/")},
        content_type="text/plain; charset=utf-8",
    )
