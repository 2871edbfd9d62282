"""The body sanitiser against well-known XSS vectors: nothing executable survives a save."""

import pytest

from newsroom.sanitize import sanitize_html, web_address
from tests.factories import ArticleFactory
from tests.xss import EXECUTABLE, XSS_VECTORS


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_nothing_executable_survives(vector):
    cleaned = sanitize_html(vector)
    assert not EXECUTABLE.search(cleaned), cleaned


def test_what_the_editor_makes_is_kept():
    html = (
        "<h2>What happened</h2><h3>At dawn</h3><p>A <strong>bold</strong> and <em>italic</em> "
        'line with <a href="https://example.com/report">a link</a>.</p>'
        "<blockquote><p>A quote.</p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol>"
    )
    cleaned = sanitize_html(html)
    for tag in ["<h2>", "<h3>", "<strong>", "<em>", "<blockquote>", "<ul>", "<ol>", "<li>"]:
        assert tag in cleaned
    assert 'href="https://example.com/report"' in cleaned


def test_links_get_a_safe_rel():
    cleaned = sanitize_html('<a href="https://example.com" target="_blank">x</a>')
    assert 'rel="noopener noreferrer"' in cleaned
    assert "target" not in cleaned


def test_pasted_word_markup_is_reduced_to_text_structure():
    pasted = (
        '<p class="MsoNormal" style="mso-line-height-rule:exactly"><span lang="EN-GB" '
        'style="font-family:Calibri">Council <o:p>votes</o:p></span></p>'
        "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
    )
    cleaned = sanitize_html(pasted)
    assert "mso" not in cleaned and "style" not in cleaned and "class" not in cleaned
    assert "Council" in cleaned and "votes" in cleaned


@pytest.mark.django_db
@pytest.mark.parametrize("vector", XSS_VECTORS[:8])
def test_article_bodies_are_sanitised_on_save(vector):
    article = ArticleFactory(body=f"<p>Report.</p>{vector}")
    article.refresh_from_db()
    assert not EXECUTABLE.search(article.body)
    assert "<p>Report.</p>" in article.body


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.com/report", True),
        ("http://example.com", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("//evil.example/x", False),
        ("", False),
    ],
)
def test_only_web_addresses_reach_links(url, kept):
    """Plain URL fields (author website, quote source, video file) bypass nh3."""
    assert web_address(url) == (url.strip() if kept else "")
