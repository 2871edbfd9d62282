"""The scheme a page calls itself by comes from the request, or from a proxy the operator
trusts: never from a header anyone can send, and never from a page cached for another."""

import re
import urllib.request

import pytest
from django.urls import reverse

from tests.demo_site import DemoSite
from tests.factories import ArticleFactory

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def canonical(html):
    return CANONICAL.search(html).group(1)


@pytest.mark.django_db
def test_a_page_cached_for_https_is_not_served_for_http(client):
    article = ArticleFactory()
    url = article.get_absolute_url()
    assert canonical(client.get(url, secure=True).text).startswith("https://")
    assert canonical(client.get(url).text).startswith("http://")


def fetch_canonical(origin, headers):
    request = urllib.request.Request(origin + reverse("home"), headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
        return canonical(response.read().decode())


@pytest.mark.parametrize("trusted", ["false", "true"])
def test_gunicorn_believes_x_forwarded_proto_only_when_told_to(trusted):
    with DemoSite(access_log=False, env={"TRUST_X_FORWARDED_PROTO": trusted}) as site:
        site.migrate()
        site.collectstatic()
        with site.serve() as server:
            seen = fetch_canonical(server.origin, {"X-Forwarded-Proto": "https"})
            again = fetch_canonical(server.origin, {})
    if trusted == "true":
        assert seen.startswith("https://")
    else:
        assert seen.startswith("http://")
    assert again.startswith("http://"), "nothing https was cached for plain requests"
