"""Middleware for what Django has no setting for: a response header, a request check."""

import logging
from urllib.parse import unquote

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from newsroom.views import bad_request

logger = logging.getLogger(__name__)


def permissions_policy_header(policy):
    """Render {"camera": [], "fullscreen": ["self"]} as 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items())


class PermissionsPolicyMiddleware:
    """Send a restrictive Permissions-Policy on every response (settings.PERMISSIONS_POLICY).

    A news page needs no camera, microphone or location; denying them means a script that
    slipped in through an embed or a compromised dependency cannot ask for them either.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def carries_nul(request):
    """True when the address (path or query) or the cookies contain a NUL character."""
    return (
        "\x00" in request.path
        or "\x00" in unquote(request.META.get("QUERY_STRING", ""))
        or "\x00" in request.META.get("HTTP_COOKIE", "")
    )


class RejectNulMiddleware:
    """Answer 400 to a request with a NUL character in its address or cookies.

    No address or cookie of the site has one, and PostgreSQL refuses NUL in text: letting
    it reach a query (the old-address lookup of a 404, ?tag=, ?q=, a session key) would
    fail with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            return bad_request(
                request, message=gettext("The address or a cookie holds a NUL character.")
            )
        return self.get_response(request)


DATABASE_RETRY_AFTER = 30


class DatabaseUnavailableMiddleware:
    """Answer 503 with a "back soon" page while the database cannot be reached.

    A database restart or failover is temporary: readers and crawlers should retry, not see
    a 500 that search engines read as a broken page. Django reconnects by itself on the next
    request once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", exception)
        # A kept connection (CONN_MAX_AGE) may be the broken part, an SQLite file that was
        # read-only or gone: the next request opens a fresh one rather than reuse it.
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close()
        response = HttpResponse(
            render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
        )
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response


class EditionMiddleware:
    """Activate the language of the edition a page belongs to, from its address alone.

    Reader pages are the same for everyone at one address (the page cache and any CDN
    keep them by address), so their language comes from the prefix (/uk/…) and never
    from the browser: unlike Django's LocaleMiddleware, nothing varies on
    Accept-Language and no one is redirected. The admin, which nothing caches, speaks
    the language the editor's browser asks for.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix):
            language = translation.get_language_from_request(request)
        else:
            language = translation.get_language_from_path(request.path_info)
        # For this request only: whatever the thread does next (another request, a
        # test, a task) speaks the language it spoke before.
        with translation.override(language or settings.LANGUAGE_CODE):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
