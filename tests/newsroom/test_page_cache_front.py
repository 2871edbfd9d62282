"""Page-cache hits answered in front of Django's request cycle (newsroom.pagecache.wsgi):
the same answer as Django's, and nothing but a current page for an anonymous reader."""

import gzip
import io
import sys

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.test import Client
from django.urls import reverse

from newsroom.pagecache.wsgi import CachedPagesApplication
from tests.factories import ArticleFactory, UserFactory

# Pages are refreshed when a change commits, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

# Set per answer: the time, how long the page has been kept.
PER_ANSWER = {"date", "age"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHE_PURGE_HOOK = ""
    settings.CACHE_TAG_HEADER = ""


@pytest.fixture
def application():
    return CachedPagesApplication(WSGIHandler())


@pytest.fixture
def cycles():
    """How many requests went through Django's own request cycle."""
    started = []

    def count(**kwargs):
        started.append(kwargs)

    request_started.connect(count)
    yield started
    request_started.disconnect(count)


def get(application, path, query="", **headers):
    """(status, headers, body) of a GET through the WSGI application."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "REMOTE_ADDR": "127.0.0.1",
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = status
        answer["headers"] = response_headers

    body = application(environ, start_response)
    try:
        content = b"".join(body)
    finally:
        body.close()
    return answer["status"], dict(answer["headers"]), content


def test_a_kept_page_is_answered_before_django_with_the_same_body_and_headers(application, cycles):
    path = ArticleFactory(headline="Bridge reopens").get_absolute_url()
    _, rendered_headers, rendered = get(application, path)
    assert len(cycles) == 1, "the first request renders the page in Django"

    status, headers, body = get(application, path)
    assert status == "200 OK"
    assert len(cycles) == 1, "the second is answered in front of Django's request cycle"
    assert body == rendered and "Bridge reopens" in body.decode()
    # Every header the middleware and the view set, as Django's own answer had them: the
    # security headers (which Django's middleware adds) are kept with the page.
    assert {k: v for k, v in headers.items() if k.lower() not in PER_ANSWER} == {
        k: v for k, v in rendered_headers.items() if k.lower() not in PER_ANSWER
    }
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "Content-Language",
    ):
        assert name in headers
    assert headers["Content-Length"] == str(len(body))
    assert headers["Cache-Control"].startswith("public, max-age=")


def test_the_answer_in_front_of_django_is_gzipped_and_conditional_as_django_s(application, cycles):
    path = ArticleFactory(headline="Bridge reopens").get_absolute_url()
    _, _, plain = get(application, path)

    _, headers, body = get(application, path, accept_encoding="gzip, br")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == plain

    status, headers, body = get(application, path, if_none_match=headers["ETag"])
    assert status == "304 Not Modified"
    assert body == b""
    assert len(cycles) == 1


def test_an_edit_is_shown_at_once_through_the_front(application):
    article = ArticleFactory(headline="Bridge reopens")
    path = article.get_absolute_url()
    get(application, path)
    get(application, reverse("home"))

    article.headline = "Bridge reopens after repairs"
    article.save()

    assert b"Bridge reopens after repairs" in get(application, path)[2]
    assert b"Bridge reopens after repairs" in get(application, reverse("home"))[2]


def test_a_session_cookie_takes_the_request_to_django_which_serves_an_editor_uncached(
    application, cycles
):
    path = ArticleFactory(headline="Bridge reopens").get_absolute_url()
    get(application, path)
    editor = Client()
    editor.force_login(UserFactory(is_staff=True, is_superuser=True))
    session = editor.cookies[settings.SESSION_COOKIE_NAME].value

    before = len(cycles)
    _, headers, body = get(application, path, cookie=f"{settings.SESSION_COOKIE_NAME}={session}")
    assert len(cycles) == before + 1
    assert "Age" not in headers, "an editor's page is rendered for them, not the kept one"
    assert b"Bridge reopens" in body

    # A made-up session cookie proves nothing: Django's middleware still serves the kept page.
    _, headers, _ = get(application, path, cookie=f"{settings.SESSION_COOKIE_NAME}=made-up")
    assert len(cycles) == before + 2
    assert "Age" in headers


@pytest.mark.parametrize(
    "request_headers",
    [{"authorization": "Basic eDp5"}, {"host": "evil.example"}],
    ids=["authorization", "unknown host"],
)
def test_what_the_page_cache_does_not_answer_goes_to_django(application, cycles, request_headers):
    path = ArticleFactory().get_absolute_url()
    get(application, path)
    before = len(cycles)
    status, _, _ = get(application, path, **request_headers)
    assert len(cycles) == before + 1
    if "host" in request_headers:
        assert status.startswith("400"), "Django refuses the host, as without the front"


def test_pages_the_cache_never_keeps_go_to_django(application, cycles):
    get(application, "/admin/login/")
    get(application, "/admin/login/")
    assert len(cycles) == 2


def test_without_the_page_cache_every_request_goes_to_django(application, cycles, settings):
    settings.PAGE_CACHE_ENABLED = False
    path = ArticleFactory().get_absolute_url()
    get(application, path)
    get(application, path)
    assert len(cycles) == 2


def test_a_cache_failure_in_front_leaves_the_request_to_django(application, cycles, monkeypatch):
    path = ArticleFactory(headline="Bridge reopens").get_absolute_url()
    get(application, path)

    def away():
        raise ConnectionError("cache server away")

    monkeypatch.setattr("newsroom.pagecache.wsgi.current_epoch", away)
    status, _, body = get(application, path)
    assert status == "200 OK" and b"Bridge reopens" in body
    assert len(cycles) == 2
