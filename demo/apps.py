from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for trying and measuring the site: `manage.py seed_demo`."""

    name = "demo"
    verbose_name = "Demo content"
