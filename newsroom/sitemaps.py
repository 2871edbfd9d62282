"""
Sitemaps that name each address's versions in the other editions (hreflang), as search
engines ask: one entry per address, each listing every version, itself included, and
the default edition's as x-default.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class EditionListSitemap(Sitemap):
    """Pages every edition has at the same path (a section, a tag, an author)."""

    i18n = True
    alternates = True
    x_default = True


class ItemSitemap(Sitemap):
    """Items of every edition at their own addresses, each naming its live translations.

    `items()` must load `language` and `translation_group`; one more query per sitemap
    page loads the translations of the page's items."""

    limit = 5000

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        groups = {url["item"].translation_group for url in urls} - {None}
        if not groups:
            return urls
        versions = defaultdict(dict)
        for item in (
            self.items()
            .model.objects.published()
            .filter(translation_group__in=groups)
            .only("slug", "language", "translation_group")
        ):
            versions[item.translation_group][item.language] = item
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            members = versions.get(url["item"].translation_group, {})
            if len(members) < 2:
                continue
            url["alternates"] = [
                {"lang_code": code, "location": origin + member.get_absolute_url()}
                for code, _ in settings.LANGUAGES
                if (member := members.get(code))
            ]
            if default := members.get(settings.LANGUAGE_CODE):
                url["alternates"].append(
                    {
                        "lang_code": "x-default",
                        "location": origin + default.get_absolute_url(),
                    }
                )
        return urls
