"""
The README stays a short front door, and the documentation's links lead somewhere.

Words are counted as `len(text.split())` over README.md with HTML tags and comments
removed (the screenshot table's <img> attributes are not prose); Markdown syntax such as
`|`, `#` or `-` counts where it stands alone, which errs on the side of a shorter README.

Links are Markdown links and images (`[text](target)`, `![alt](target)`, reference
definitions `[name]: target`) and HTML `src`/`href` attributes, outside code blocks and
inline code. A relative target must be a file or folder of the repository; a `#fragment`
must name a heading of the page it points to. Addresses with a scheme (https:, mailto:)
are not checked.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
MAX_README_WORDS = 1500

FENCED_BLOCK = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"<[^>]+>")
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
HTML_ATTRIBUTE = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def doc_pages():
    return sorted(DOCS.glob("*.md"))


def pages_with_links():
    return [README, *doc_pages()]


def prose(markdown):
    """The text outside fenced code blocks and inline code."""
    return INLINE_CODE.sub(" ", FENCED_BLOCK.sub(" ", markdown))


def readme_words(markdown):
    return len(HTML_TAG.sub(" ", HTML_COMMENT.sub(" ", markdown)).split())


def link_targets(markdown):
    text = HTML_COMMENT.sub(" ", prose(markdown))
    return [
        *MARKDOWN_LINK.findall(text),
        *REFERENCE_DEFINITION.findall(text),
        *HTML_ATTRIBUTE.findall(text),
    ]


def is_external(target):
    return bool(urlsplit(target).scheme) or target.startswith("//")


def heading_anchor(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to -."""
    text = HTML_TAG.sub("", heading).replace("`", "").strip().lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    for heading in HEADING.findall(FENCED_BLOCK.sub(" ", path.read_text(encoding="utf-8"))):
        anchor = heading_anchor(heading)
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        found.add(anchor if count == 0 else f"{anchor}-{count}")
    return found


def broken_links(page):
    """(target, why) for each relative link of `page` that leads nowhere."""
    problems = []
    for target in link_targets(page.read_text(encoding="utf-8")):
        if is_external(target):
            continue
        parts = urlsplit(target)
        path = unquote(parts.path)
        destination = (page.parent / path).resolve() if path else page
        if path and ROOT not in (destination, *destination.parents):
            problems.append((target, "outside the repository"))
        elif not destination.exists():
            problems.append((target, "no such file"))
        elif (
            parts.fragment
            and destination.suffix == ".md"
            and unquote(parts.fragment).lower() not in anchors(destination)
        ):
            problems.append((target, f"no heading #{parts.fragment} in {destination.name}"))
    return problems


def test_readme_is_short():
    words = readme_words(README.read_text(encoding="utf-8"))
    assert words <= MAX_README_WORDS, (
        f"README.md has {words} words, more than {MAX_README_WORDS}: move detail to docs/."
    )


@pytest.mark.parametrize("page", pages_with_links(), ids=lambda page: page.name)
def test_relative_links_lead_somewhere(page):
    assert broken_links(page) == []


def test_readme_links_every_docs_page():
    linked = {
        (README.parent / unquote(urlsplit(target).path)).resolve()
        for target in link_targets(README.read_text(encoding="utf-8"))
        if not is_external(target) and urlsplit(target).path
    }
    missing = [page.name for page in doc_pages() if page.resolve() not in linked]
    assert doc_pages(), "docs/ has no pages"
    assert missing == [], f"README.md does not link {', '.join(missing)}"


# The checks themselves, on made-up pages -------------------------------------------------


def test_words_are_counted_without_html_tags():
    assert readme_words('One <img src="a.png" alt="many words here"> two <!-- three -->') == 2
    assert readme_words("word " * (MAX_README_WORDS + 1)) > MAX_README_WORDS


def test_links_in_code_are_not_links():
    page = '[a](a.md) `[b](b.md)`\n\n```\n[c](c.md)\n```\n![d](d.png) <img src="e.png">'
    assert link_targets(page) == ["a.md", "d.png", "e.png"]


def test_broken_links_are_found(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "here.md").write_text("# Here\n\n## A part `of` it\n")
    page = tmp_path / "README.md"
    page.write_text(
        "[ok](docs/here.md) [part](docs/here.md#a-part-of-it) [web](https://example.com)\n"
        "[gone](docs/gone.md) [no part](docs/here.md#nowhere) [out](../elsewhere.md)\n"
        '<img src="docs/missing.png">\n'
    )
    assert [target for target, _ in broken_links(page)] == [
        "docs/gone.md",
        "docs/here.md#nowhere",
        "../elsewhere.md",
        "docs/missing.png",
    ]
