"""
A reader with JavaScript off signs up from an article, confirms from the email that
reaches a real SMTP server, changes lists on the preferences page and leaves in one
click; axe judges the newsletters page and the preferences page.

The served site sends through a local aiosmtpd server: a second gunicorn on the demo's
data has EMAIL_HOST pointing at it, and the task worker (`db_worker --batch`) runs
against the same database whenever the test expects an email, as `make run` runs one
beside gunicorn.
"""

import json
import re
import urllib.request

import pytest
from aiosmtpd.controller import Controller

from tests.newsletters.conftest import Mailbox, free_port

from .conftest import node_tool
from .test_accessibility import describe, run_axe

ADDRESS = "reader@example.com"
AXE_ADDRESS = "axe@example.com"
LINK = re.compile(r"https?://\S+/newsletters/confirm/\S+/")

# Two public lists, the first the default, unless the demo already has them; made in the
# demo's database and removed afterwards, so the other browser tests see the demo as seeded.
SETUP = """
import json
from newsletters.models import Newsletter
made = []
default = Newsletter.objects.filter(is_public=True, is_default=True).first()
if default is None:
    default = Newsletter.objects.create(name="Test Briefing", slug="test-briefing",
        cadence="Every weekday morning", description="The day's news.", is_default=True)
    made.append(default.pk)
other = Newsletter.objects.filter(is_public=True).exclude(pk=default.pk).first()
if other is None:
    other = Newsletter.objects.create(name="Test Weekend", slug="test-weekend",
        cadence="Saturdays", description="Long reads.", position=99)
    made.append(other.pk)
print(json.dumps({"default": default.name, "cadence": default.cadence,
                  "other": other.name, "made": made}))
"""

TEARDOWN = """
from newsletters.models import Newsletter, Subscriber
Subscriber.objects.filter(email__in={addresses}).delete()
Newsletter.objects.filter(pk__in={made}).delete()
"""

STATE = """
import json
from newsletters import links
from newsletters.models import Subscriber
subscriber = Subscriber.objects.get(email="{address}")
lists = list(subscriber.newsletters.all())
print(json.dumps({{
    "confirmed": subscriber.is_confirmed,
    "lists": [n.name for n in lists],
    "unsubscribe": {{n.name: links.unsubscribe_url(subscriber, n) for n in lists}},
}}))
"""


@pytest.fixture(scope="module")
def mail_site(site):
    """The demo served by a gunicorn that mails through a local SMTP server: `origin`,
    `mailbox`, `lists` (the two lists used), `work()` (run the task worker) and
    `state()` (the reader's row as the site sees it)."""
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    port = free_port()
    mail_env = {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "EMAIL_USE_TLS": "false",
        # Links in emails lead to this server.
        "SITE_DOMAIN": f"127.0.0.1:{port}",
        "DEFAULT_FROM_EMAIL": "briefing@news.example",
    }
    mail_site = MailSite(f"http://127.0.0.1:{port}", mailbox, site.demo, mail_env)
    mail_site.lists = json.loads(mail_site.shell(SETUP))
    try:
        with site.demo.serve(port=port, env=mail_env):
            yield mail_site
    finally:
        made = mail_site.lists["made"]
        mail_site.shell(TEARDOWN.format(addresses=[ADDRESS, AXE_ADDRESS], made=made))
        smtp.stop()


class MailSite:
    def __init__(self, origin, mailbox, demo, env):
        self.origin = origin
        self.mailbox = mailbox
        self.demo = demo
        self.env = env
        self.lists = None

    def shell(self, code):
        """Run `code` in the site's Django shell; what it printed."""
        return self.demo.manage("shell", "-v", "0", "-c", code, env=self.env)

    def work(self):
        self.demo.manage(
            "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", env=self.env
        )

    def state(self):
        return json.loads(self.shell(STATE.format(address=ADDRESS)))


def test_a_reader_without_javascript_signs_up_confirms_chooses_and_leaves(
    site, mail_site, new_page, report
):
    page = new_page(java_script_enabled=False)
    lists = mail_site.lists

    page.goto(mail_site.origin + site.paths["article"])
    box = page.locator(".newsletter-box--article")
    assert box.get_by_role("heading").inner_text() == f"Get the {lists['default']}"
    assert lists["cadence"] in box.inner_text()
    box.get_by_label("Email address").fill(ADDRESS)
    box.get_by_role("button", name="Sign up").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your inbox"
    assert not mail_site.state()["confirmed"]

    mail_site.work()
    [message] = mail_site.mailbox.to(ADDRESS)
    assert message["From"] == "briefing@news.example"
    assert message["Subject"] == f"Confirm your subscription to {lists['default']}"
    [link] = LINK.findall(message.get_body(("plain",)).get_content())
    assert link.startswith(mail_site.origin)
    assert link in message.get_body(("html",)).get_content()

    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "You are subscribed"
    assert mail_site.state() | {"unsubscribe": None} == {
        "confirmed": True,
        "lists": [lists["default"]],
        "unsubscribe": None,
    }

    page.get_by_role("link", name="Choose your newsletters").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your newsletters"
    assert page.get_by_label(lists["default"]).is_checked()
    page.get_by_label(lists["other"]).check()
    page.get_by_role("button", name="Save my choices").click()
    assert page.get_by_role("status").inner_text() == "Your choices are saved."
    assert page.get_by_label(lists["other"]).is_checked()
    assert sorted(mail_site.state()["lists"]) == sorted([lists["default"], lists["other"]])

    # The link every issue carries in its List-Unsubscribe header and its footer.
    unsubscribe = mail_site.state()["unsubscribe"]
    page.goto(unsubscribe[lists["default"]])
    assert lists["default"] in mail_site.state()["lists"], "opening the link must not unsubscribe"
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You are unsubscribed"
    assert mail_site.state()["lists"] == [lists["other"]]

    # A mail client's one-click POST (RFC 8058): no cookie, no token, no browser.
    assert unsubscribe[lists["other"]].startswith(mail_site.origin)
    request = urllib.request.Request(  # noqa: S310 - our own server, checked above
        unsubscribe[lists["other"]], data=b"List-Unsubscribe=One-Click", method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        assert response.read() == b"Unsubscribed.\n"
    assert mail_site.state()["lists"] == []
    # Nothing but the confirmation was ever sent.
    assert len(mail_site.mailbox.to(ADDRESS)) == 1
    report(f"newsletter sign-up without JavaScript: {len(mail_site.mailbox.messages)} email sent")


PREFERENCES_URL = """
from newsletters import links
from newsletters.models import Subscriber
subscriber, _ = Subscriber.objects.get_or_create(email="{address}")
print(links.preferences_url(subscriber))
"""


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
def test_the_newsletter_pages_have_no_accessibility_violations(
    mail_site, new_page, report, colour_scheme
):
    axe = node_tool("axe-core/axe.min.js")
    page = new_page(color_scheme=colour_scheme, bypass_csp=True)

    def judge(name):
        violations = run_axe(page, axe)["violations"]
        report(f"axe {name} ({colour_scheme}): {len(violations)} violations")
        assert not violations, f"{name} ({colour_scheme}):\n{describe(violations)}"

    page.goto(mail_site.origin + "/newsletters/")
    judge("newsletters")
    # As a reader who mistyped sees it: the error beside the field, which has the focus.
    form = page.locator(".newsletter-form")
    form.get_by_label("Email address").fill("not an address")
    form.get_by_role("button", name="Sign up").click()
    assert page.locator("#newsletter-email").evaluate("field => field === document.activeElement")
    judge("newsletters, with an error")

    page.goto(mail_site.shell(PREFERENCES_URL.format(address=AXE_ADDRESS)).strip())
    assert page.get_by_role("heading", level=1).inner_text() == "Your newsletters"
    judge("newsletter preferences")
