from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(sender, using, verbosity=1, **kwargs):
    """After `migrate`, the database cache tables the settings name (the page cache's
    versions, by default) exist too: Django's usual steps leave a working site.

    post_migrate comes once for each app with models (this one has none); making a
    table that exists is one look at the schema.
    """
    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))


def name_the_site(sender, using, **kwargs):
    """After `migrate`, the sites framework's site has this site's public host and name,
    which feeds and sitemaps write into their links."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.NEWSROOM_SITE_DOMAIN, "name": settings.NEWSROOM_SITE_NAME},
    )
    Site.objects.clear_cache()


class NewsroomConfig(AppConfig):
    """The ground every app stands on: site-wide template tags, ops commands, the
    registry of item kinds and the page cache the apps register with."""

    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.contrib.flatpages.models import FlatPage
        from django.urls import register_converter

        from . import pagecache
        from .converters import UnicodeSlugConverter
        from .security import forgive_own_failures

        user_logged_in.connect(forgive_own_failures, dispatch_uid="newsroom.forgive-own-failures")
        post_migrate.connect(create_cache_tables, dispatch_uid="newsroom.cache-tables")
        post_migrate.connect(name_the_site, dispatch_uid="newsroom.site")
        # Every page's footer lists the flat pages; an edit redraws the pages showing them.
        pagecache.track(FlatPage)

        # Before any URLconf is read: every app's tag addresses use it.
        register_converter(UnicodeSlugConverter, "uslug")
