"""The issue email as mail clients lay it out: one column that fits 320 to 600 pixels."""

import io

import pytest
from PIL import Image

from newsletters.messages import render_issue_email
from newsletters.models import Issue, Newsletter, Subscriber

from .test_screenshots import FOLDER, looks_different, small

# Everything that tends to push an email sideways: a photo wider than any phone, a long
# unbroken address, a table, a long heading.
BODY = (
    "<h2>Extraordinarily-long-compound-headline-words-that-will-not-wrap-easily</h2>"
    '<p>The council <a href="/articles/budget/">voted the budget</a> after a long night.</p>'
    '<figure><img src="/media/photos/vote.jpg" alt="The vote" width="1600" height="900">'
    "<figcaption>The vote, late on Monday.</figcaption></figure>"
    "<p>Read it all at https://www.example.com/a/very/long/address/that/has/no/spaces/"
    "in/it/at/all/and/keeps/going/for/ever.html</p>"
    "<table><tr><th>Party</th><th>For</th><th>Against</th><th>Abstained</th></tr>"
    "<tr><td>Independents and others</td><td>24</td><td>12</td><td>3</td></tr></table>"
    "<blockquote><p>“We will build the tram line by 2028.”</p></blockquote>"
)


def rendered_email():
    """The HTML part, from unsaved rows: Playwright's event loop forbids database queries."""
    newsletter = Newsletter(pk=1, name="The Morning Briefing", slug="morning")
    issue = Issue(
        pk=1,
        newsletter=newsletter,
        subject="Tuesday: the budget vote, the trams and the schools",
        slug="tuesday",
        preheader="And two more things you should know",
        body=BODY,
    )
    subscriber = Subscriber(email="reader@example.com", key="a-fixed-key-for-the-picture")
    return render_issue_email(issue, subscriber).html


def photo(size=(1600, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize("width", [320, 375, 600])
def test_the_email_fits_the_width_without_scrolling_sideways(new_page, width):
    page = new_page(viewport={"width": width, "height": 800})
    # The email's addresses are absolute ones on the public host: the photo is answered
    # here, in its full 1,600 pixels.
    image_bytes = photo()
    page.route(
        "**/media/**",
        lambda route: route.fulfill(body=image_bytes, content_type="image/jpeg"),
    )
    page.set_content(rendered_email(), wait_until="load")

    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    column = page.locator(".wrapper").bounding_box()
    assert column["width"] == min(width, 600)
    assert page.locator(".preheader").is_hidden()
    assert page.locator("img").evaluate("img => img.naturalWidth") == 1600
    assert page.locator("img").bounding_box()["width"] <= column["width"]
    if width == 375:
        image = small(page.screenshot(full_page=True, animations="disabled"))
        path = FOLDER / "newsletter-email-phone.png"
        if looks_different(image, path):
            image.save(path, optimize=True)
