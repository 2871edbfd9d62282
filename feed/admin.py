from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.admin import PublishableAdmin, thumbnail

from .models import Brief, Quote, Video


@admin.register(Quote)
class QuoteAdmin(PublishableAdmin):
    list_display = ["words", "speaker", "state", "tag_list"]
    search_fields = ["text", "speaker", "context"]
    prepopulated_fields = {"slug": ["speaker"]}
    autocomplete_fields = ["source_article"]
    translation_starters = ["tags", "source_url"]
    fieldsets = [
        (None, {"classes": ["writing-top"], "fields": ["text", "speaker", "context"]}),
        (None, {"classes": ["publishing"], "fields": ["published_at"]}),
        (_("Tags"), {"classes": ["side"], "fields": ["tags"]}),
        (_("Source"), {"classes": ["side"], "fields": ["source_article", "source_url"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description=_("Quote"), ordering="text")
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
    # The same recording, introduced in the version's own words.
    translation_starters = ["tags", "thumbnail", "video_url", "duration_seconds"]
    fieldsets = [
        (
            None,
            {
                "classes": ["writing-top"],
                "fields": ["title", "teaser", "video_url", "duration_seconds"],
            },
        ),
        (None, {"classes": ["publishing"], "fields": ["published_at"]}),
        (_("Tags"), {"classes": ["side"], "fields": ["tags"]}),
        (_("Picture"), {"classes": ["side"], "fields": ["thumbnail"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description=_("Thumbnail"))
    def preview(self, obj):
        return thumbnail(obj.thumbnail, size=48)

    @admin.display(description=_("Length"), ordering="duration_seconds")
    def length(self, obj):
        return obj.duration_display


@admin.register(Brief)
class BriefAdmin(PublishableAdmin):
    list_display = ["preview", "headline", "state", "tag_list"]
    list_display_links = ["headline"]
    list_select_related = ["photo"]
    search_fields = ["headline", "body"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["photo", "authors", "live_blog"]
    translation_starters = ["tags", "photo", "authors"]
    fieldsets = [
        (None, {"classes": ["writing-top"], "fields": ["headline", "body", "link"]}),
        (None, {"classes": ["publishing"], "fields": ["published_at"]}),
        (
            _("Live blog"),
            {
                "classes": ["side"],
                "fields": ["live_blog", "is_key_event", "is_pinned", "in_news_feed"],
            },
        ),
        (_("Authors"), {"classes": ["side"], "fields": ["authors"]}),
        (_("Tags"), {"classes": ["side"], "fields": ["tags"]}),
        (_("Photo"), {"classes": ["side"], "fields": ["photo"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug"]}),
    ]

    @admin.display(description=_("Photo"))
    def preview(self, obj):
        return thumbnail(obj.photo, size=48)
