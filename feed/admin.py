from django.contrib import admin
from django.utils.text import Truncator

from articles.admin import PublishableAdmin, thumbnail

from .models import Quote, Video


@admin.register(Quote)
class QuoteAdmin(PublishableAdmin):
    list_display = ["words", "speaker", "state", "tag_list"]
    search_fields = ["text", "speaker", "context"]
    prepopulated_fields = {"slug": ["speaker"]}
    autocomplete_fields = ["source_article"]
    fieldsets = [
        (None, {"classes": ["writing-top"], "fields": ["text", "speaker", "context"]}),
        (None, {"classes": ["publishing"], "fields": ["published_at"]}),
        ("Tags", {"classes": ["side"], "fields": ["tags"]}),
        ("Source", {"classes": ["side"], "fields": ["source_article", "source_url"]}),
        ("Advanced", {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description="Quote", ordering="text")
    def words(self, obj):
        return Truncator(obj.text).words(30, truncate="…")


@admin.register(Video)
class VideoAdmin(PublishableAdmin):
    list_display = ["preview", "title", "length", "state"]
    list_display_links = ["title"]
    list_select_related = ["thumbnail"]
    search_fields = ["title", "teaser"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["thumbnail"]
    fieldsets = [
        (
            None,
            {
                "classes": ["writing-top"],
                "fields": ["title", "teaser", "video_url", "duration_seconds"],
            },
        ),
        (None, {"classes": ["publishing"], "fields": ["published_at"]}),
        ("Tags", {"classes": ["side"], "fields": ["tags"]}),
        ("Picture", {"classes": ["side"], "fields": ["thumbnail"]}),
        ("Advanced", {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description="Thumbnail")
    def preview(self, obj):
        return thumbnail(obj.thumbnail, size=48)

    @admin.display(description="Length", ordering="duration_seconds")
    def length(self, obj):
        return obj.duration_display
