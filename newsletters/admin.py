from django.contrib import admin

from .admin_sending import IssueSendingMixin
from .models import Issue


@admin.register(Issue)
class IssueAdmin(IssueSendingMixin, admin.ModelAdmin):
    list_display = ["subject", "newsletter", "send_at", "sending_state"]
    readonly_fields = ["sending_state"]
