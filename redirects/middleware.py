"""
Send readers and search engines from old addresses to the current pages (Redirect).

Looks only at 404 responses, so normal pages pay nothing. The one exception is the
WordPress shortlink shape `/?p=123` (and `/?page_id=123`): its path is the home page,
which never 404s, so those two query parameters are checked on the way in.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponsePermanentRedirect

from .models import Redirect

SHORTLINK_PARAMETERS = ("p", "page_id")


def candidate_paths(request):
    """The stored forms a request may match, most specific first."""
    path = request.path
    candidates = []
    query = request.META.get("QUERY_STRING", "")
    if query:
        candidates.append(f"{path}?{query}")
    candidates.append(path)
    candidates.append(path[:-1] if path.endswith("/") and len(path) > 1 else path + "/")
    return candidates


def find_redirect(paths):
    """The address of the first live item one of `paths` points to, or None."""
    found = {
        redirect.old_path: redirect for redirect in Redirect.objects.filter(old_path__in=paths)
    }
    for path in paths:
        if path in found:
            url = found[path].target_url()
            if url:
                return url
    return None


class RedirectFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD"):
            for name in SHORTLINK_PARAMETERS:
                value = request.GET.get(name, "")
                if value.isdigit():
                    url = find_redirect([f"/?{urlencode({name: value})}"])
                    if url:
                        return HttpResponsePermanentRedirect(url)
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.method in ("GET", "HEAD")
            and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
        ):
            url = find_redirect(candidate_paths(request))
            if url:
                return HttpResponsePermanentRedirect(url)
        return response
