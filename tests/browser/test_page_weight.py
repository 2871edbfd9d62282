"""The article page stays light, and no page asks any other site for anything."""

from urllib.parse import urlsplit

import pytest

from .pages import PAGE_TYPES

KB = 1024
# Decoded bytes per kind of resource (what the browser parses); images are not counted.
# The bytes actually sent, after WhiteNoise's compression, are reported beside them.
# Web fonts have no budget (they are cached across pages and swapped in) but are reported.
ARTICLE_BUDGET = {"document": 60 * KB, "stylesheet": 20 * KB, "script": 10 * KB}
LABELS = {"document": "HTML", "stylesheet": "CSS", "script": "JS"}
# Addresses that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_article_page_stays_within_its_weight_budget(page, visit, report):
    responses = []
    page.on("response", lambda response: responses.append(response))
    visit(page, "article", wait_until="networkidle")

    sizes = {kind: {"decoded": 0, "transferred": 0, "files": 0} for kind in ARTICLE_BUDGET}
    fonts = [
        len(response.body()) for response in responses if response.request.resource_type == "font"
    ]
    report(f"article page fonts: {sum(fonts) / KB:.1f} KB in {len(fonts)} file(s), not budgeted")
    for response in responses:
        kind = response.request.resource_type
        if kind in sizes:
            sizes[kind]["decoded"] += len(response.body())
            sizes[kind]["transferred"] += response.request.sizes()["responseBodySize"]
            sizes[kind]["files"] += 1

    for kind, size in sizes.items():
        report(
            f"article page {LABELS[kind]}: {size['decoded'] / KB:.1f} KB in {size['files']} "
            f"file(s), {size['transferred'] / KB:.1f} KB over the wire "
            f"(budget {ARTICLE_BUDGET[kind] // KB} KB)"
        )
    over = {
        LABELS[kind]: f"{size['decoded'] / KB:.1f} KB > {ARTICLE_BUDGET[kind] // KB} KB"
        for kind, size in sizes.items()
        if size["decoded"] > ARTICLE_BUDGET[kind]
    }
    assert not over, f"over budget: {over}"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_makes_no_third_party_requests(site, page, visit, report, page_type):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    visit(page, page_type, wait_until="networkidle")

    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in LOCAL_SCHEMES and origin(url) != site.origin
    ]
    report(f"requests {page_type}: {len(requested)}, to other sites: {len(elsewhere)}")
    assert not elsewhere, f"{page_type} asked other sites for: {elsewhere}"
