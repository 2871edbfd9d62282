"""The floor under any Django page: a bare WSGI callable answering the same fixed page."""

from .urls import BODY

PAGE = BODY.encode()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(PAGE)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [PAGE]
