"""The desk as the admin's front page shows it, read back from the HTML."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import reverse

INDEX_URL = reverse("admin:index")


@dataclass
class Row:
    title: str
    url: str
    meta: str = ""


@dataclass
class Panel:
    title: str = ""
    count: int = 0
    rows: list = field(default_factory=list)
    # (label, url) of each "all N kinds →" link.
    links: list = field(default_factory=list)
    text: str = ""

    @property
    def titles(self):
        return [row.title for row in self.rows]


class DeskParser(HTMLParser):
    """{panel name: Panel} from the desk's sections (id="desk-<name>")."""

    def __init__(self):
        super().__init__()
        self.panels = {}
        self.panel = None
        self.depth = 0
        self.open = []
        self.link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "section" and "desk-panel" in classes:
            self.panel = self.panels.setdefault(attrs["id"].removeprefix("desk-"), Panel())
            self.depth = 0
        if self.panel is None:
            return
        if tag == "section":
            self.depth += 1
        self.open.append((tag, classes))
        if tag == "a":
            self.link = [attrs["href"], ""]

    def handle_endtag(self, tag):
        if self.panel is None:
            return
        while self.open:
            opened, classes = self.open.pop()
            if opened == tag:
                break
        if tag == "a" and self.link:
            href, text = self.link
            if self.inside("li"):
                self.panel.rows.append(Row(text.strip(), href))
            elif self.inside("p", "desk-all"):
                self.panel.links.append((text.strip(), href))
            self.link = None
        if tag == "section":
            self.depth -= 1
            if not self.depth:
                self.panel = None

    def handle_data(self, data):
        if self.panel is None:
            return
        self.panel.text += data
        if self.link is not None:
            self.link[1] += data
        elif self.inside("span", "desk-count"):
            self.panel.count = int(data)
        elif self.inside("h2"):
            self.panel.title += data.strip()
        elif self.inside("span", "desk-meta") or self.inside("time"):
            row = self.panel.rows[-1]
            row.meta = " ".join(f"{row.meta} {data}".split())

    def inside(self, tag, class_name=None):
        return any(
            opened == tag and (class_name is None or class_name in classes)
            for opened, classes in self.open
        )


def desk(client):
    """{panel name: Panel} on the admin front page for the client's user."""
    response = client.get(INDEX_URL)
    assert response.status_code == 200
    parser = DeskParser()
    parser.feed(response.content.decode())
    return parser.panels
