from django.contrib import admin

from articles.admin import PublishableAdmin, thumbnail

from .models import Quote, Video


@admin.register(Quote)
class QuoteAdmin(PublishableAdmin):
    list_display = ["__str__", "speaker", "state", "published_at", "live", "tag_list"]
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


@admin.register(Video)
class VideoAdmin(PublishableAdmin):
    list_display = ["title", "preview", "duration_display", "state", "published_at", "live"]
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
        return thumbnail(obj.thumbnail, size=60)
