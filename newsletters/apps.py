from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from newsroom.sanitize import keep_text_xml_safe

        from . import caching, signup_box, webhooks  # noqa: F401 - webhooks connects a signal

        keep_text_xml_safe(*self.get_models())
        caching.register()
        signup_box.register()
