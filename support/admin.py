from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.admin_fields import URL_FIELD_OVERRIDES

from .models import Prompt


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin):
    list_display = (
        "heading",
        "language",
        "placement",
        "starts_at",
        "ends_at",
        "is_active",
        "shown_now",
        "progress",
    )
    list_filter = ("language", "placement", "is_active")
    search_fields = ("heading", "text", "button_label")
    date_hierarchy = "starts_at"
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ("language", "placement", "heading", "text", "button_label", "link")}),
        (
            _("When"),
            {
                "fields": ("is_active", "starts_at", "ends_at"),
                "description": _(
                    "Each place shows one prompt: of the active ones whose "
                    "window is open, the one that started last."
                ),
            },
        ),
        (
            _("Campaign"),
            {
                "fields": ("goal", "current_figure", "currency_sign", "goal_label"),
                "description": _(
                    "With a goal, a progress bar shows how far the campaign has "
                    "come. Update the current figure as it grows."
                ),
            },
        ),
    ]

    @admin.display(boolean=True, description=_("shown now"))
    def shown_now(self, prompt):
        return prompt.is_shown

    @admin.display(description=_("progress"))
    def progress(self, prompt):
        return prompt.progress_text or "—"
