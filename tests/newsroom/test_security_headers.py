"""Every response carries the hardening headers; the admin works under the strict CSP."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PhotoFactory,
    QuoteFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def reader_pages():
    article = ArticleFactory()
    return [reverse("home"), article.get_absolute_url()]


def test_reader_pages_send_a_strict_content_security_policy(client, reader_pages):
    for url in reader_pages:
        response = client.get(url)
        assert response.status_code == 200
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["script-src"] == ["'self'"], "no nonce unless a template asks for one"
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
        assert "unsafe-eval" not in response.headers["Content-Security-Policy"]


def test_reader_pages_send_the_other_security_headers(client, reader_pages):
    for url in reader_pages:
        headers = client.get(url).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        permissions = headers["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "interest-cohort", "payment"):
            assert f"{feature}=()" in permissions


def test_not_found_pages_carry_the_headers_too(client):
    response = client.get("/articles/no-such-story/")
    assert response.status_code == 404
    assert directives(response)["default-src"] == ["'self'"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_a_template_nonce_is_added_to_the_policy_only_when_used(rf):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse
    from django.template import engines

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">1</script>')

    def view(request):
        return HttpResponse(template.render({}, request))

    request = rf.get("/")
    response = CSPMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode())[1]
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]


def test_https_sites_ask_browsers_to_upgrade_insecure_requests(settings):
    # The test settings run with HTTPS off; production settings turn it on.
    assert "upgrade-insecure-requests" not in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


INLINE_SCRIPT = [
    (
        # An inline script is allowed only with the response's nonce.
        re.compile(
            r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")(?![^>]*\bnonce=)[^>]*>",
            re.I,
        ),
        "inline script without a nonce",
    ),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"href=\"javascript:", re.I), "javascript: link"),
]
INLINE_STYLE = [
    (re.compile(r"<style[\s>]", re.I), "inline style element"),
    (re.compile(r"\sstyle\s*=", re.I), "inline style attribute"),
]


@pytest.fixture
def populated_admin_pages(admin_client):
    """Every admin index, list and form page, with a row of each kind of content to list."""
    ArticleFactory(hero_photo=PhotoFactory(), authors=[AuthorFactory()])
    QuoteFactory()
    VideoFactory()
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        first = model._default_manager.first()
        if first is not None:
            pages.append(reverse(f"{prefix}_change", args=[first.pk]))
    responses = []
    for url in pages:
        response = admin_client.get(url)
        if response.status_code == 403:
            continue  # e.g. django-axes's logs cannot be added by hand
        assert response.status_code == 200, url
        responses.append((url, response))
    return responses


def find_inline(html, patterns):
    for pattern, what in patterns:
        match = pattern.search(html)
        if match:
            return f"{what}: {html[match.start() : match.start() + 120]}"
    return None


def test_admin_pages_run_no_inline_script_so_the_policy_does_not_break_them(
    populated_admin_pages,
):
    """The admin gets the same policy as readers; its JavaScript works only from files."""
    for url, response in populated_admin_pages:
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
        assert find_inline(response.content.decode(), INLINE_SCRIPT) is None, url


def test_admin_pages_use_no_inline_styles(populated_admin_pages):
    for url, response in populated_admin_pages:
        assert find_inline(response.content.decode(), INLINE_STYLE) is None, url


def test_admin_login_page_needs_no_inline_code(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert find_inline(response.content.decode(), INLINE_SCRIPT + INLINE_STYLE) is None
