from django.contrib import admin

from . import privacy
from .models import Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at", "suppressed_at", "suppression_reason", "created_at"]
    list_filter = ["suppression_reason"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    actions = [privacy.export_subscribers, privacy.erase_subscribers]

    def get_actions(self, request):
        # Erasing, not deleting: Django's delete would keep the addresses in the history.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
