"""
Page-cache hits answered in front of Django's request cycle.

A hit needs none of what the cycle sets up for a view (the request-started signal, the
middleware chain, URL resolution, the session, a response object), and those cost as
much as the lookup itself. Only a request that can be nothing but an anonymous reader's
is answered here: no session cookie, a page the cache may hold. Everything else, a miss
and any error included, goes to Django, whose PageCacheMiddleware stores pages (with
every header the middleware below it added) and answers hits the same way for the
requests that reach it.
"""

import logging
from http import HTTPStatus

from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIRequest

from .middleware import (
    cacheable_request,
    cached_answer,
    cached_response,
    conditional,
    keep_page_parameters,
    page_key,
)
from .versions import current_epoch, retry_unwritten

logger = logging.getLogger(__name__)


class Answer(list):
    """A body that, once sent, ends the request as Django's responses do: connections
    past their age are closed by the request-finished signal's receivers."""

    def close(self):
        signals.request_finished.send(sender=Answer)


def hit(environ):
    """The cached answer to the request `environ` describes, as (status line, headers,
    body) or a Django response to a conditional request; None to leave it to Django."""
    if not settings.PAGE_CACHE_ENABLED:
        return None
    request = WSGIRequest(environ)
    # Whether a session is signed in takes a lookup of the session: Django's.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or not cacheable_request(request):
        return None
    keep_page_parameters(request)
    try:
        retry_unwritten()
        key, epoch = page_key(request), current_epoch()
        if conditional(request):
            return cached_response(request, key, epoch)
        answer = cached_answer(request, key, epoch)
    except Exception:
        # Django's cycle meets the same failure again, and answers it.
        logger.debug("Page cache lookup failed in front of Django", exc_info=True)
        return None
    if answer is None:
        return None
    status, headers, body = answer
    return f"{status} {HTTPStatus(status).phrase}", list(headers.items()), Answer([body])


class CachedPagesApplication:
    """A WSGI application answering page-cache hits itself and the rest with `application`."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        answer = hit(environ)
        if answer is None:
            return self.application(environ, start_response)
        if isinstance(answer, tuple):
            status, headers, body = answer
            start_response(status, headers)
            return body
        # As django.core.handlers.wsgi.WSGIHandler answers; a cached page sets no cookie.
        start_response(f"{answer.status_code} {answer.reason_phrase}", list(answer.items()))
        return answer
