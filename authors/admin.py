from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from newsroom.admin_fields import URL_FIELD_OVERRIDES
from newsroom.images import IMAGE_FIELD_OVERRIDES, CleanUploadsAdminMixin
from newsroom.translation_forms import translation_fieldsets, translations_form

from .models import Author


@admin.register(Author)
class AuthorAdmin(CleanUploadsAdminMixin, VersionAdmin):
    form = translations_form(Author)
    formfield_overrides = {**URL_FIELD_OVERRIDES, **IMAGE_FIELD_OVERRIDES}
    list_display = ["avatar_preview", "name", "role", "user", "article_count"]
    list_display_links = ["avatar_preview", "name"]
    search_fields = ["name", "role", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    list_select_related = ["user"]
    # Explicit: the article count's GROUP BY drops the model's ordering, and the
    # autocomplete's pages would be unordered (UnorderedObjectListWarning).
    ordering = ["name", "pk"]
    fieldsets = [
        (None, {"fields": ["name", "role", "bio", "avatar"]}),
        *translation_fieldsets(Author),
        (_("Links"), {"fields": ["website", "x_handle", "bluesky_handle", "email"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug", "user"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("credits"))

    @admin.display(description=_("Articles"), ordering="article_total")
    def article_count(self, obj):
        return obj.article_total

    @admin.display(description=_("Avatar"))
    def avatar_preview(self, obj):
        if not obj.avatar:
            return "—"
        return format_html(
            '<img class="admin-avatar" src="{}" alt="" width="40" height="40">', obj.avatar.url
        )
