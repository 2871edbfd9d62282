"""One issue as the email a subscriber reads, and as the preview shows it."""

import re
from html.parser import HTMLParser

import pytest

from newsletters import links
from newsletters.messages import build_message, html_to_text, render_issue_email
from newsletters.models import Issue

from . import sending_data as data

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    """The elements and attribute names an HTML document really has."""

    def __init__(self):
        super().__init__()
        self.names, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


@pytest.fixture
def morning():
    return data.newsletter()


def test_the_preview_has_the_issue_and_links_that_name_no_one(morning):
    issue = data.issue(morning)

    email = render_issue_email(issue)

    assert email.subject == "Tuesday: the budget vote"
    assert "http://testserver/newsletters/preferences/" not in email.html
    assert re.search(r'href="http://testserver/newsletters/"[^>]*>Unsubscribe</a>', email.html)
    assert "voted the budget" in email.html and "voted the budget" in email.text


def test_a_body_stored_unclean_is_cleaned_in_the_email(morning):
    issue = data.issue(morning)
    # Past save(), which cleans: as a script or an old row might have stored it.
    Issue.objects.filter(pk=issue.pk).update(
        body='<p onclick="steal()">Hi<script>alert(1)</script></p>'
        '<a href="javascript:alert(2)">x</a><img src="x" onerror="alert(3)">',
        preheader='<img src=x onerror="alert(4)">',
        subject="<b>Bold</b> claims",
    )
    issue.refresh_from_db()

    html = render_issue_email(issue).html

    tags = Tags()
    tags.feed(html)
    assert "script" not in tags.names
    assert not [name for name in tags.attributes if name.startswith("on")]
    assert "javascript:" not in html
    assert "&lt;img src=x onerror=" in html  # the preheader is text
    assert "<h1 style" in html and "&lt;b&gt;Bold&lt;/b&gt; claims</h1>" in html


def test_the_footer_has_the_readers_links_the_archive_and_the_address(morning, settings):
    settings.NEWSROOM_POSTAL_ADDRESS = "1 Market Square, Lviv"
    reader = data.subscriber("reader@example.com", morning)
    issue = data.issue(morning)

    email = render_issue_email(issue, reader)

    assert f'href="{links.preferences_url(reader)}"' in email.html
    assert f'href="{links.unsubscribe_url(reader, morning)}"' in email.html
    assert f'href="http://testserver{issue.get_absolute_url()}"' in email.html
    assert "The Newsroom, 1 Market Square, Lviv" in email.html
    assert "The Newsroom, 1 Market Square, Lviv" in email.text


def test_an_issue_kept_out_of_the_archive_has_no_web_link(morning):
    issue = data.issue(morning, in_archive=False)

    email = render_issue_email(issue)

    assert "Read on the web" not in email.html and "Read on the web" not in email.text


def test_the_text_part_reads_as_text():
    text = html_to_text(
        '<h2>Top stories</h2><p>The council <a href="https://x.test/budget/">voted</a>.</p>'
        "<ul><li>Trams</li><li>Schools</li></ul><blockquote><p>We will.</p></blockquote>"
        '<p>Write to <a href="mailto:desk@x.test">desk@x.test</a></p>'
    )

    assert text == (
        "Top stories\n===========\n\nThe council voted (https://x.test/budget/).\n\n"
        "- Trams\n- Schools\n\n> We will.\n\nWrite to desk@x.test"
    )


def test_the_message_has_both_parts_and_the_list_headers(morning):
    reader = data.subscriber("reader@example.com", morning)

    message = build_message(data.issue(morning), reader).message()

    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.get_payload()] == [
        "text/plain",
        "text/html",
    ]
    assert message["List-Unsubscribe"] == f"<{links.unsubscribe_url(reader, morning)}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["To"] == "reader@example.com"
