"""static/js/site.js has no words of its own: it takes them, in every plural form, from
the page ({% script_text %}), and picks a form by the same rule as the catalog."""

import json
import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from .catalog import ukrainian_catalog

SITE_JS = (settings.BASE_DIR / "static" / "js" / "site.js").read_text()


def page_text(language):
    with translation.override(language):
        html = Template("{% load script_text %}{% script_text %}").render(Context())
    return json.loads(
        re.fullmatch(r'<script id="site-text" type="application/json">(.*)</script>', html)[1]
    )


def normalised(rule):
    return re.sub(r"\s+", "", rule).replace("===", "==").replace("!==", "!=").strip("();")


def test_the_script_picks_a_ukrainian_form_by_the_catalog_rule():
    script_rule = re.search(r"uk: function \(n\) \{ return (.+?); \}", SITE_JS)[1]
    catalog_rule = ukrainian_catalog().metadata["Plural-Forms"].split("plural=", 1)[1]
    assert normalised(script_rule) == normalised(catalog_rule)


def test_the_page_gives_the_script_every_ukrainian_form():
    text = page_text("uk")
    assert text["language"] == "uk"
    assert text["newItems"] == [
        "%(count)s новий матеріал",
        "%(count)s нові матеріали",
        "%(count)s нових матеріалів",
    ]
    assert text["loading"] == "Завантаження…"


def test_english_keeps_its_words():
    text = page_text("en")
    assert text["newItems"][:2] == ["%(count)s new item", "%(count)s new items"]
    assert text["added"][0] == "%(count)s new item added at the top."


@pytest.mark.parametrize(
    "words", ["new item", "Loading", "Play video", "Breaking news", "updated."]
)
def test_the_script_writes_none_of_its_words_itself(words):
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", SITE_JS, flags=re.DOTALL)
    assert words not in code
