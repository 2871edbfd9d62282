"""The body sanitiser against well-known XSS vectors: nothing executable survives a save."""

import pytest

from newsroom.sanitize import breakable_spaces, sanitize_html, web_address
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


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        # Every typed space, as Chromium wrote them without the editor's white-space rule.
        ("<p>The&nbsp;council&nbsp;met.&nbsp;</p>", "<p>The council met. </p>"),
        # A run of spaces, as ProseMirror keeps one typed between words.
        ("<p>Residents&nbsp; &nbsp;left.</p>", "<p>Residents   left.</p>"),
        # The character itself, and the numeric references other tools write.
        ("<p>10\N{NO-BREAK SPACE}km, 5&#160;kg, 3&#xA0;m, 2&#x00a0;l</p>", "<p>10 km, 5 kg, 3 m, 2 l</p>"),
        # In attributes too: alt texts and titles are typed in the same editor.
        ('<img alt="The&nbsp;quay" src="/a.jpg">', '<img alt="The quay" src="/a.jpg">'),
        # Text about the entity is text, not a space.
        ("<p>Write &amp;nbsp; for one.</p>", "<p>Write &amp;nbsp; for one.</p>"),
        ("", ""),
    ],
)  # fmt: skip
def test_breakable_spaces_makes_every_non_breaking_space_a_plain_one(stored, expected):
    assert breakable_spaces(stored) == expected


@pytest.mark.django_db
def test_a_body_saved_from_the_shell_keeps_no_non_breaking_space():
    article = ArticleFactory(body="<p>Ferries\N{NO-BREAK SPACE}run&nbsp;late&#160;again.</p>")
    article.refresh_from_db()
    assert article.body == "<p>Ferries run late again.</p>"
