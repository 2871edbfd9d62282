"""
Finding English interface strings in a rendered page.

`interface_texts(html)` is what a reader sees or hears of a page's interface: every text
node outside scripts and styles, and the texts of the attributes that are read out or
shown (aria-label, alt, title, placeholder, a button's value, the page's description).
`english_strings(html, catalog)` are those texts that still read as one of the catalog's
English msgids. A msgid is compared piece by piece, where its markup splits it (the text
nodes it becomes); a placeholder stands for any text. A text equal to a piece is English,
and so is a text that holds a piece of three words or more (a whole sentence), so that
"Search", a button, is caught, but a headline with the word "search" in it is not. Entries
that Ukrainian writes as English does ("RSS", "%(name)s (Atom)") are left out.
"""

import re
from html.parser import HTMLParser

# Attributes whose text is shown or read out.
READ_ATTRIBUTES = {"aria-label", "alt", "title", "placeholder"}
# Meta tags whose content a reader meets (search results, shared links).
READ_META = {"description", "og:title", "og:description", "og:image:alt"}
# What separates interface strings in a line: dropped at both ends before comparing.
EDGES = " \t\n·,;:—–|()“”«»\"'.?!→›‹"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
MARKUP = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]+")


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self.skipping += 1
        for name in READ_ATTRIBUTES & attrs.keys():
            self.texts.append(attrs[name] or "")
        if tag == "button" or (tag == "input" and attrs.get("type") in ("submit", "button")):
            self.texts.append(attrs.get("value") or "")
        if tag == "meta" and (attrs.get("name") or attrs.get("property")) in READ_META:
            self.texts.append(attrs.get("content") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style", "template"):
            self.skipping -= 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.texts.append(data)


class _Element(HTMLParser):
    """Finds where the element with a given id starts and ends in a page."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "wbr",
    }

    def __init__(self, element_id):
        super().__init__(convert_charrefs=True)
        self.element_id = element_id
        self.depth = 0
        self.start = self.end = None

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif self.start is None and dict(attrs).get("id") == self.element_id:
            self.start, self.depth = self.getpos(), 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1
            if not self.depth:
                self.end = self.getpos()


def element_html(html, element_id):
    """The HTML of the element with id `element_id` in `html`, from its start tag to
    just before its end tag; "" when there is none."""
    parser = _Element(element_id)
    parser.feed(html)
    if parser.start is None or parser.end is None:
        return ""
    lines = html.splitlines(keepends=True)

    def offset(position):
        line, column = position
        return sum(map(len, lines[: line - 1])) + column

    return html[offset(parser.start) : offset(parser.end)]


def clean(text):
    return " ".join(text.split()).strip(EDGES)


def interface_texts(html):
    """The page's visible text nodes and read attribute texts, each cleaned, none empty."""
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return [text for text in map(clean, parser.texts) if text]


def _pattern(piece):
    literals = [re.escape(re.sub(r"\s+", " ", part)) for part in PLACEHOLDER.split(piece)]
    return ".*?".join(literal.replace(r"\ ", r"\s+") for literal in literals)


def english_patterns(catalog):
    """[(msgid, piece, whole-text regex, in-text regex or None)] for every English piece
    of the catalog's msgids (singular and plural) that the translation does not keep."""
    patterns = []
    for entry in catalog:
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            if msgid in translations:
                continue
            for piece in map(clean, MARKUP.split(msgid)):
                literal_words = WORD.findall(PLACEHOLDER.sub(" ", piece))
                if not literal_words:
                    continue
                pattern = _pattern(piece)
                whole = re.compile(pattern, re.IGNORECASE)
                inside = (
                    re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)
                    if len(literal_words) >= 3
                    else None
                )
                patterns.append((msgid, piece, whole, inside))
    return patterns


def english_strings(html, catalog):
    """[(text, msgid)] for each interface text of `html` that reads as an English msgid."""
    patterns = english_patterns(catalog)
    found = []
    for text in interface_texts(html):
        for msgid, _piece, whole, inside in patterns:
            if whole.fullmatch(text) or (inside and inside.search(text)):
                found.append((text, msgid))
                break
    return found
