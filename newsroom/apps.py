from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The ground every app stands on: site-wide template tags, ops commands, the
    registry of item kinds and the page cache the apps register with."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.urls import register_converter

        from .converters import UnicodeSlugConverter
        from .security import forgive_own_failures

        user_logged_in.connect(forgive_own_failures, dispatch_uid="newsroom.forgive-own-failures")

        # Before any URLconf is read: every app's tag addresses use it.
        register_converter(UnicodeSlugConverter, "uslug")
