"""
One issue as the email one subscriber receives: a plain-text part and an HTML part, with
the headers mail clients use to show who sent it, which list it came from and how to
leave it.

The HTML is written with a <style> block and inlined by css-inline, since many mail
clients drop <style>; the block stays for its @media rule, which phones honour. Every
link and image is absolute (links.site_url), since a message has no page address to
resolve a relative one against.
"""

import functools
import re
import secrets
from dataclasses import dataclass
from email.utils import formataddr, make_msgid
from html.parser import HTMLParser
from urllib.parse import urljoin

import css_inline
import nh3
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from newsroom.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, sanitize_html

from . import links

# Keep the @media rule in the <style> block; everything else goes into style attributes.
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)

URL_ATTRIBUTES = {"href", "src", "cite"}


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    text: str
    html: str


def one_line(value):
    """`value` with every run of whitespace, CR and LF included, made one space: what a
    header may carry without starting another header."""
    return " ".join(str(value).split())


def absolute_body(html):
    """The issue's body, sanitised again, with every link and image address absolute."""
    return _absolute_body(html, links.site_url("/"))


# One issue's body is the same in every copy: worked out once per batch, not per reader.
@functools.lru_cache(maxsize=8)
def _absolute_body(html, base):
    def absolute(element, attribute, value):
        return urljoin(base, value) if attribute in URL_ATTRIBUTES else value

    # The stored body is already clean; cleaning it again here means the email can never
    # carry more than the allow-list, whatever wrote the row.
    return nh3.clean(
        sanitize_html(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        attribute_filter=absolute,
    )


class _TextWriter(HTMLParser):
    """HTML to readable plain text: headings stand out, links read "text (address)",
    list items start with a dash, paragraphs are separated by a blank line."""

    BLOCKS = {"p", "div", "figure", "figcaption", "table", "tr", "ul", "ol", "dl", "pre"}
    HEADINGS = {"h1", "h2", "h3", "h4"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.links = []
        self.heading = None
        self.quotes = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.BLOCKS or tag in self.HEADINGS or tag == "blockquote":
            self.parts.append("\n\n")
        if tag in self.HEADINGS:
            self.heading = len(self.parts)
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "blockquote":
            self.quotes.append(len(self.parts))
        elif tag in {"td", "th"}:
            self.parts.append(" ")
        elif tag == "a":
            self.links.append((len(self.parts), attributes.get("href") or ""))
        elif tag == "img" and attributes.get("alt"):
            self.parts.append(f"[{attributes['alt']}]")

    def handle_endtag(self, tag):
        if tag in self.HEADINGS and self.heading is not None:
            title = one_line("".join(self.parts[self.heading :]))
            del self.parts[self.heading :]
            underline = "=" if tag in {"h1", "h2"} else "-"
            self.parts.append(f"{title}\n{underline * len(title)}\n\n")
            self.heading = None
        elif tag == "a" and self.links:
            start, href = self.links.pop()
            text = one_line("".join(self.parts[start:]))
            shown = href.removeprefix("mailto:")
            if shown and shown != text and not href.startswith("#"):
                self.parts.append(f" ({shown})" if text else shown)
        elif tag == "blockquote" and self.quotes:
            start = self.quotes.pop()
            quoted = "".join(self.parts[start:]).strip().splitlines()
            del self.parts[start:]
            self.parts.append("\n".join(f"> {line.strip()}".rstrip() for line in quoted))
            self.parts.append("\n\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))

    def text(self):
        lines = [line.strip() for line in "".join(self.parts).splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@functools.lru_cache(maxsize=8)
def html_to_text(html):
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    return writer.text()


def web_url(issue):
    """The issue's page in the archive, for "Read on the web"; None when it has none."""
    if issue.in_archive and issue.newsletter.is_public:
        return links.site_url(issue.get_absolute_url())
    return None


def render_issue_email(issue, subscriber=None):
    """The subject, text and HTML of `issue` as `subscriber` receives it.

    Without a subscriber (a preview), the links to manage and leave the list point to the
    newsletters page instead of someone's signed links.
    """
    if subscriber is None:
        placeholder = links.site_url(reverse("newsletters:index"))
        return _render(issue, placeholder, placeholder)
    return IssueEmail(issue).render(subscriber)


def _render(issue, preferences_url, unsubscribe_url):
    body = absolute_body(issue.body)
    context = {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "home_url": links.site_url(reverse("home")),
        "postal_address": settings.NEWSROOM_POSTAL_ADDRESS,
        "newsletter": issue.newsletter,
        "subject": one_line(issue.subject),
        "preheader": one_line(issue.preheader),
        # Sanitised above: the only issue HTML the templates print unescaped.
        "body": mark_safe(body),  # noqa: S308
        "body_text": html_to_text(body),
        "preferences_url": preferences_url,
        "unsubscribe_url": unsubscribe_url,
        "web_url": web_url(issue),
    }
    html = render_to_string("newsletters/email/issue.html", context)
    text = render_to_string("newsletters/email/issue.txt", context)
    return RenderedIssue(subject=context["subject"], text=text, html=INLINER.inline(html))


class IssueEmail:
    """One issue's email, rendered and inlined once, then addressed to each reader.

    Only a reader's own links differ between copies, so the templates are rendered with
    random markers where those links go, and each copy swaps in the reader's links (signed
    tokens: letters, digits and -_:/. only, safe in HTML and text as they are)."""

    def __init__(self, issue):
        self.issue = issue
        marker = secrets.token_hex(12)
        self.preferences_marker = f"preferences-{marker}"
        self.unsubscribe_marker = f"unsubscribe-{marker}"
        self.rendered = _render(issue, self.preferences_marker, self.unsubscribe_marker)

    def render(self, subscriber):
        preferences_url = links.preferences_url(subscriber)
        unsubscribe_url = links.unsubscribe_url(subscriber, self.issue.newsletter)

        def addressed(content):
            return content.replace(self.preferences_marker, preferences_url).replace(
                self.unsubscribe_marker, unsubscribe_url
            )

        return RenderedIssue(
            subject=self.rendered.subject,
            text=addressed(self.rendered.text),
            html=addressed(self.rendered.html),
        )

    def message(self, subscriber, connection=None):
        """The email for `subscriber`, ready to send; its Message-ID is in
        `message.extra_headers["Message-ID"]`."""
        rendered = self.render(subscriber)
        unsubscribe_url = links.unsubscribe_url(subscriber, self.issue.newsletter)
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=rendered.text,
            from_email=sender(),
            to=[subscriber.email],
            connection=connection,
            headers={
                "Message-ID": make_msgid(domain=mail_domain()),
                "List-Id": list_id(self.issue.newsletter),
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                # RFC 8058: the mail client may POST to the address above to unsubscribe.
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(rendered.html, "text/html")
        return message


def sender():
    """The From address: the site's name over DEFAULT_FROM_EMAIL. formataddr quotes the
    name, and one_line keeps a CR or LF in it from starting a header of its own."""
    name, address = settings.NEWSROOM_SITE_NAME, settings.DEFAULT_FROM_EMAIL
    return formataddr((one_line(name), one_line(address)))


def list_id(newsletter):
    """RFC 2919: the list's name and a unique, stable identifier under the site's domain."""
    return formataddr((one_line(newsletter.name), f"{newsletter.slug}.{mail_domain()}"))


def mail_domain():
    return settings.NEWSROOM_SITE_DOMAIN.split(":")[0]


def build_message(issue, subscriber, connection=None):
    """The email of `issue` for `subscriber`, ready to send (see IssueEmail.message)."""
    return IssueEmail(issue).message(subscriber, connection=connection)
