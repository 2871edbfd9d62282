from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from newsroom import pagecache

        from . import signup_box, webhooks  # noqa: F401 - webhooks connects a signal

        # Pages show the lists (the sign-up boxes, the newsletters page): any change
        # to one redraws them.
        pagecache.track(self.get_model("Newsletter"))
        signup_box.register()
