"""The navigation and footer every page has: kept drawn, with the page's own link marked."""

import re

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import translation

from tests.factories import NewsletterFactory, SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)

NAV = re.compile(r'<nav class="site-nav".*?</nav>', re.S)
FOOTER = re.compile(r'<footer class="site-footer">.*?</footer>', re.S)


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.FRAGMENT_CACHE_ENABLED = True


def marked(html):
    """The addresses of the navigation's links marked as the page's own."""
    return re.findall(r'<a href="([^"]+)" aria-current="page">', NAV.search(html).group(0))


def test_only_the_page_s_own_link_is_marked_in_the_kept_navigation(client):
    world = SectionFactory(name="World", slug="world")
    SectionFactory(name="Sport", slug="sport")
    home = client.get(reverse("home")).text
    assert marked(home) == []
    assert marked(client.get(world.get_absolute_url()).text) == [world.get_absolute_url()]
    assert marked(client.get(reverse("feed:list")).text) == [reverse("feed:list")]
    # The kept navigation itself carries no mark: the home page after them has none.
    assert marked(client.get(reverse("home")).text) == []
    assert NAV.search(client.get(reverse("home")).text).group(0) == NAV.search(home).group(0)


def test_each_edition_keeps_its_own_navigation_and_footer(client):
    section = SectionFactory(name="World", slug="world", translations={"uk": {"name": "Світ"}})
    english = client.get(reverse("home")).text
    with translation.override("uk"):
        ukrainian = client.get(reverse("home")).text
        marked_uk = marked(client.get(section.get_absolute_url()).text)
    assert ">World<" in NAV.search(english).group(0) and ">Світ<" in NAV.search(ukrainian).group(0)
    assert ">Світ<" in FOOTER.search(ukrainian).group(0)
    assert marked_uk == ["/uk/sections/world/"]


def test_a_renamed_section_and_a_new_flat_page_reach_the_kept_parts_at_once(client):
    section = SectionFactory(name="World", slug="world")
    client.get(reverse("home"))
    section.name = "Worldwide"
    section.save()
    page = FlatPage.objects.create(url="/corrections/", title="Corrections policy")
    page.sites.add(Site.objects.get_current())

    html = client.get(reverse("home")).text
    assert ">Worldwide<" in NAV.search(html).group(0)
    footer = FOOTER.search(html).group(0)
    assert ">Worldwide<" in footer and ">Corrections policy<" in footer


def test_the_footer_s_slot_is_filled_on_every_page(client):
    NewsletterFactory(name="The Morning Briefing", is_public=True, is_default=True)
    for address in (reverse("home"), reverse("feed:list")):
        footer = FOOTER.search(client.get(address).text).group(0)
        assert "footer slot" not in footer
        assert "The Morning Briefing" in footer, "the sign-up box, drawn by its own filler"
