from django.contrib import admin
from js_asset import Media

from .admin_sending import IssueSendingMixin
from .models import Issue


@admin.register(Issue)
class IssueAdmin(IssueSendingMixin, admin.ModelAdmin):
    list_display = ["subject", "newsletter", "send_at", "sending_state"]
    readonly_fields = ["sending_state"]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The rich-text editor's import map is an inline script: give it this response's
        # CSP nonce so the strict policy lets it run.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, add, change, form_url, obj)
