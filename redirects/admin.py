from django.contrib import admin

from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses that redirect to their item; delete one to stop the redirect."""

    list_display = ["old_path", "target", "content_type", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["old_path"]
    fields = ["old_path", "target", "created_at"]
    readonly_fields = fields
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        # Recorded when an item's address changes or it is imported; never typed in.
        return False
