from django.contrib import admin
from django.db.models import Count
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from taggit.models import Tag

from newsroom.admin_fields import URL_FIELD_OVERRIDES

from .models import Article, ArticleAuthor, Photo, Section, Status

TAG_SUGGESTION_LIMIT = 20


def thumbnail(photo, size=80):
    if not photo or not photo.url:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="{}" style="height:auto;border-radius:3px">',
        photo.url,
        photo.alt_text,
        size,
    )


class PublishableAdmin(admin.ModelAdmin):
    """Shared admin for everything with a publication state: columns, filters, actions, tags."""

    list_filter = ["status", "published_at"]
    date_hierarchy = "published_at"
    actions = ["publish_now", "unpublish"]
    list_per_page = 50
    formfield_overrides = URL_FIELD_OVERRIDES

    class Media:
        js = ["admin/tag_suggestions.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(boolean=True, description="Live")
    def live(self, obj):
        return obj.is_live

    @admin.display(description="Tags")
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    @admin.action(description="Publish selected items now")
    def publish_now(self, request, queryset):
        count = queryset.exclude(status=Status.PUBLISHED).update(
            status=Status.PUBLISHED, published_at=timezone.now()
        )
        self.message_user(request, f"Published {count} item(s).")

    @admin.action(description="Unpublish selected items")
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Status.PUBLISHED).update(status=Status.UNPUBLISHED)
        self.message_user(request, f"Unpublished {count} item(s).")

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions),
                name="{}_{}_tag_suggestions".format(*info),
            ),
            *super().get_urls(),
        ]

    def tag_suggestions(self, request):
        """Existing tags starting with ?q=, most used first, for the tag field's suggestions."""
        query = request.GET.get("q", "").strip()[:100]
        tags = (
            Tag.objects.filter(name__istartswith=query)
            .annotate(uses=Count("taggit_taggeditem_items"))
            .order_by("-uses", "name")
            .values_list("name", flat=True)[:TAG_SUGGESTION_LIMIT]
            if query
            else []
        )
        return JsonResponse({"tags": list(tags)})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags":
            info = self.opts.app_label, self.opts.model_name
            field.widget.attrs["data-suggestions-url"] = reverse(
                "admin:{}_{}_tag_suggestions".format(*info)
            )
        return field


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "article_count"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="Articles", ordering="article_total")
    def article_count(self, obj):
        return obj.article_total


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["preview", "alt_text", "credit", "dimensions", "created_at"]
    list_display_links = ["preview", "alt_text"]
    search_fields = ["alt_text", "caption", "photographer", "agency"]
    list_filter = ["agency"]
    date_hierarchy = "created_at"
    readonly_fields = ["large_preview", "dimensions"]
    fieldsets = [
        (None, {"fields": ["image", "large_preview", "alt_text", "caption"]}),
        ("Credit", {"fields": ["photographer", "agency"]}),
        ("Cropping", {"classes": ["collapse"], "fields": ["focal_x", "focal_y", "dimensions"]}),
        ("Advanced", {"classes": ["collapse"], "fields": ["source_url"]}),
    ]

    @admin.display(description="Photo")
    def preview(self, obj):
        return thumbnail(obj)

    @admin.display(description="Preview")
    def large_preview(self, obj):
        return thumbnail(obj, size=400)

    @admin.display(description="Size")
    def dimensions(self, obj):
        return f"{obj.width}×{obj.height}" if obj.width else "—"


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author"
    verbose_name_plural = "Byline (authors in order, lowest position first)"


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = [
        "headline", "preview", "section", "authors_list", "status", "published_at", "live",
        "is_featured",
    ]  # fmt: skip
    list_filter = ["status", "section", "is_featured", "published_at"]
    list_select_related = ["section", "hero_photo"]
    search_fields = ["headline", "standfirst", "slug"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "hero_photo", "related_articles"]
    inlines = [ArticleAuthorInline]
    readonly_fields = ["reading_time", "created_at", "updated_at"]
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["headline", "standfirst", "body"]}),
        ("Publishing", {"fields": ["status", "published_at", "section", "tags", "is_featured"]}),
        ("Media", {"fields": ["hero_photo"]}),
        ("Related", {"fields": ["related_articles"]}),
        (
            "Advanced",
            {
                "classes": ["collapse"],
                "fields": [
                    "slug", "seo_title", "seo_description", "reading_time", "created_at",
                    "updated_at",
                ],
            },
        ),
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("credits__author")

    @admin.display(description="Authors")
    def authors_list(self, obj):
        return ", ".join(author.name for author in obj.byline)

    @admin.display(description="Photo")
    def preview(self, obj):
        return thumbnail(obj.hero_photo, size=60)
