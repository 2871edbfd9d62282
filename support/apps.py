from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Reader support")

    def ready(self):
        from newsroom import pagecache, slots
        from newsroom.sanitize import keep_text_xml_safe

        from . import prompts

        prompt = self.get_model("Prompt")
        keep_text_xml_safe(prompt)
        # Every save or deletion bumps the prompts' list tag, which every page showing a
        # place for prompts records; a start or end time bounds page lifetimes.
        pagecache.track(prompt, next_publication=prompt.objects.next_change_at)
        for placement, filler in prompts.FILLERS.items():
            slots.register(placement, filler)
