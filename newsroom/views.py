from django.contrib.flatpages.views import flatpage
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET


def bad_request(request, exception=None, message=""):
    """The 400 page, in the site's style (Django's default renders without the request)."""
    return render(request, "400.html", {"message": message}, status=400)


FLAT_PAGES_PREFIX = "/pages/"


@require_GET
def flat_page(request, url):
    """A flat page (about, contact, corrections policy). They live under /pages/, and
    their URL field says so in full ("/pages/about/"), as their links are made from it."""
    return flatpage(request, FLAT_PAGES_PREFIX + url)


@require_GET
def favicon(request):
    return HttpResponsePermanentRedirect(static("img/favicon.png"))


@require_GET
def robots_txt(request):
    """Crawlers may read everything but the admin, previews and search results."""
    return render(
        request,
        "robots.txt",
        {"base_url": request.build_absolute_uri("/").rstrip("/")},
        content_type="text/plain; charset=utf-8",
    )


TRIVIAL_BODY = "<!DOCTYPE html><title>Benchmark</title>" + "<p>" + "x" * 30_000 + "</p>"


def trivial(request):
    """A fixed 30 KB page: the benchmark's yardstick for what Django itself costs here."""
    return HttpResponse(TRIVIAL_BODY)
