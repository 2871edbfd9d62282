from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from newsroom.sanitize import keep_text_xml_safe

        from . import caching, signup_box, webhooks  # noqa: F401 - webhooks connects a signal

        keep_text_xml_safe(*self.get_models())
        caching.register()
        signup_box.register()
