from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from js_asset import Media
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin
from taggit.models import Tag

from authors.models import Author
from newsroom.admin_fields import URL_FIELD_OVERRIDES
from newsroom.images import IMAGE_FIELD_OVERRIDES, CleanUploadsAdminMixin

from .models import (
    PREVIEW_LIFETIMES,
    WORKFLOW,
    Article,
    ArticleAuthor,
    Correction,
    Photo,
    PreviewLink,
    PreviewVisit,
    Section,
    Status,
    statuses_leading_to,
    workflow_steps,
)

TAG_SUGGESTION_LIMIT = 20

WORKFLOW_FIELD = "_workflow"


def thumbnail(photo, size=80):
    if not photo or not photo.url:
        return "—"
    return format_html(
        '<img class="admin-thumb" src="{}" alt="{}" width="{}">',
        photo.url,
        photo.alt_text,
        size,
    )


class WorkflowForm(forms.ModelForm):
    """
    Applies the workflow buttons and refuses, server-side, what the user may not do:
    people without the publish permission can only keep items in draft or review, and
    nothing is published without what publication needs.
    """

    # Set on the per-request form class by PublishableAdmin.get_form.
    can_publish = False

    def clean(self):
        cleaned_data = super().clean()
        step = self.data.get(WORKFLOW_FIELD)
        if step:
            if step not in {move.target for move in WORKFLOW}:
                raise ValidationError("That is not a step of the publishing workflow.")
            cleaned_data["status"] = step
        status = cleaned_data.get("status", self.instance.status)
        if not self.can_publish and status not in self.instance.EDITABLE_BY_CONTRIBUTORS:
            raise ValidationError(
                "Only editors can publish, schedule or unpublish. Submit it for review instead.",
                code="publish_permission",
            )
        publishing_now = step == Status.PUBLISHED and not cleaned_data.get("published_at")
        if publishing_now and "published_at" in self.fields:
            cleaned_data["published_at"] = timezone.now()
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        if self.instance.status == Status.PUBLISHED:
            # The byline is checked by the inline formset, which sees the submitted authors.
            for problem in self.instance.publishing_problems(author_count=1):
                self.add_error(None, f"Cannot publish yet: {problem}")


class GuardedHistoryAdmin(VersionAdmin):
    """History that is no way round the admin's rules: restoring a version needs the
    right to change the item as it is now (reversion checks the old copy), and recovering
    deleted items needs `may_recover`."""

    def may_recover(self, request):
        raise NotImplementedError

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.may_recover(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.may_recover(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


class PublishableAdmin(GuardedHistoryAdmin):
    """
    Shared admin for everything with a publication state: columns, filters, tags, and the
    publishing workflow with its rules (who may change what, and to which status).
    """

    form = WorkflowForm
    change_form_template = "admin/publishable_change_form.html"
    list_filter = ["status", "published_at"]
    date_hierarchy = "published_at"
    actions = ["submit_for_review", "publish_now", "return_to_draft", "unpublish"]
    list_per_page = 50
    formfield_overrides = URL_FIELD_OVERRIDES

    class Media:
        js = ["admin/tag_suggestions.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    # Permissions -----------------------------------------------------------------

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def has_change_permission(self, request, obj=None):
        """Editors change anything; contributors only their own drafts and items in review."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.has_publish_permission(request):
            return True
        return obj.status in obj.EDITABLE_BY_CONTRIBUTORS and obj.is_owned_by(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("published_at")
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # get_form builds a new class on every call, so this stays per request.
        form.can_publish = self.has_publish_permission(request)
        return form

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                (value, label)
                for value, label in Status.choices
                if value in self.model.EDITABLE_BY_CONTRIBUTORS
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if obj.is_scheduled:
            when = localize(timezone.localtime(obj.published_at))
            self.message_user(request, f"Scheduled: “{obj}” goes live on {when}.")

    def workflow_steps(self, request, obj):
        """The status buttons this user may press for `obj`, as (status, label) pairs."""
        if obj is None or not self.has_change_permission(request, obj):
            return []
        steps = workflow_steps(obj.status, self.has_publish_permission(request))
        return [(step.target, step.label) for step in steps]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The rich-text editor's import map is an inline script: give it this response's
        # CSP nonce so the strict policy lets it run.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        context["workflow_steps"] = self.workflow_steps(request, obj)
        context["workflow_field"] = WORKFLOW_FIELD
        return super().render_change_form(request, context, add, change, form_url, obj)

    def may_recover(self, request):
        return self.has_publish_permission(request)

    # Columns ---------------------------------------------------------------------

    @admin.display(boolean=True, description="Live")
    def live(self, obj):
        return obj.is_live

    @admin.display(description="Status", ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return f"Scheduled for {localize(timezone.localtime(obj.published_at))}"
        return obj.get_status_display()

    @admin.display(description="Tags")
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    # Actions: each moves items one step and says what it skipped and why ------------

    def _changeable(self, request, queryset):
        return [obj for obj in queryset if self.has_change_permission(request, obj)]

    @admin.action(description="Submit selected items for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        waiting = queryset.filter(status__in=statuses_leading_to(Status.REVIEW))
        items = self._changeable(request, waiting)
        count = queryset.filter(pk__in=[obj.pk for obj in items]).update(status=Status.REVIEW)
        self.message_user(request, f"Submitted {count} item(s) for review.")

    @admin.action(description="Publish selected items now", permissions=["publish"])
    def publish_now(self, request, queryset):
        ready, refused = [], []
        # Scheduled items too: publishing now brings them forward.
        not_live = queryset.exclude(status=Status.PUBLISHED, published_at__lte=timezone.now())
        for obj in not_live.filter(
            status__in=[*statuses_leading_to(Status.PUBLISHED), Status.PUBLISHED]
        ):
            problems = obj.publishing_problems()
            if problems:
                refused.append(f"“{obj}”: {' '.join(problems)}")
            else:
                ready.append(obj.pk)
        count = queryset.filter(pk__in=ready).update(
            status=Status.PUBLISHED, published_at=timezone.now()
        )
        self.message_user(request, f"Published {count} item(s).")
        for reason in refused:
            self.message_user(request, f"Not published: {reason}", level=messages.WARNING)

    @admin.action(description="Return selected items to draft", permissions=["publish"])
    def return_to_draft(self, request, queryset):
        count = queryset.filter(status__in=statuses_leading_to(Status.DRAFT)).update(
            status=Status.DRAFT
        )
        self.message_user(request, f"Returned {count} item(s) to draft.")

    @admin.action(description="Unpublish selected items", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status__in=statuses_leading_to(Status.UNPUBLISHED)).update(
            status=Status.UNPUBLISHED
        )
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
class PhotoAdmin(CleanUploadsAdminMixin, GuardedHistoryAdmin):
    """Photos, with who may change which (Photo.is_editable_by) enforced on every view:
    the form, deleting, the history's restore and the recovery of deleted photos."""

    formfield_overrides = {**URL_FIELD_OVERRIDES, **IMAGE_FIELD_OVERRIDES}
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

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.is_editable_by(request.user)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or obj.is_editable_by(request.user)

    def save_model(self, request, obj, form, change):
        if not change and obj.uploaded_by_id is None:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def may_recover(self, request):
        return request.user.has_perm("articles.change_any_photo")

    @admin.display(description="Photo")
    def preview(self, obj):
        return thumbnail(obj)

    @admin.display(description="Preview")
    def large_preview(self, obj):
        return thumbnail(obj, size=400)

    @admin.display(description="Size")
    def dimensions(self, obj):
        return f"{obj.width}×{obj.height}" if obj.width else "—"


class BylineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if self.instance.status != Status.PUBLISHED:
            return
        authors = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        problems = self.instance.byline_problems(author_count=len(authors))
        if problems:
            raise ValidationError([f"Cannot publish yet: {problem}" for problem in problems])


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    formset = BylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author"
    verbose_name_plural = "Byline (authors in order, lowest position first)"


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["kind", "noted_at", "note"]


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = [
        "headline", "preview", "section", "authors_list", "state", "published_at", "live",
        "is_featured",
    ]  # fmt: skip
    list_filter = ["status", "section", "is_featured", "published_at"]
    list_select_related = ["section", "hero_photo"]
    search_fields = ["headline", "standfirst", "slug"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "hero_photo", "related_articles"]
    inlines = [ArticleAuthorInline, CorrectionInline]
    readonly_fields = ["reading_time", "created_at", "updated_at"]
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

    def view_on_site(self, obj):
        """Live articles open on the site; anything else opens in the staff preview."""
        if obj.is_live:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ArticleAuthorInline) and obj.pk is None and request.method == "GET":
            author = Author.objects.filter(user=request.user).first()
            if author is not None:
                kwargs["initial"] = [{"author": author.pk, "position": 0}]
        return kwargs

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if getattr(obj, "redirected_from", None):
            self.message_user(request, f"The old address {obj.redirected_from} now redirects here.")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not article.credits.exists():
            # A contributor's piece always carries their byline, even from a crafted form.
            author = Author.objects.filter(user=request.user).first()
            if author is not None:
                ArticleAuthor.objects.create(article=article, author=author, position=0)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["preview_url"] = reverse("articles:preview", kwargs={"pk": obj.pk})
            if request.user.has_perm("articles.add_previewlink"):
                context["share_preview_url"] = (
                    reverse("admin:articles_previewlink_add") + f"?article={obj.pk}"
                )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="Authors")
    def authors_list(self, obj):
        return ", ".join(author.name for author in obj.byline)

    @admin.display(description="Photo")
    def preview(self, obj):
        return thumbnail(obj.hero_photo, size=60)


class PreviewLinkForm(forms.ModelForm):
    lifetime = forms.TypedChoiceField(
        choices=PREVIEW_LIFETIMES,
        coerce=int,
        initial=72,
        help_text="The link stops working after this long; you can also revoke it at any time.",
    )

    class Meta:
        model = PreviewLink
        fields = ["article", "note", "lifetime"]


class PreviewVisitInline(admin.TabularInline):
    model = PreviewVisit
    fields = ["visited_at", "user_agent"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    """Links that show an unpublished article to people without an account, for a while."""

    list_display = ["article", "note", "shareable_url", "expires_at", "link_state", "visit_count"]
    list_select_related = ["article"]
    search_fields = ["article__headline", "note"]
    autocomplete_fields = ["article"]
    actions = ["revoke"]
    inlines = [PreviewVisitInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(visit_total=Count("visits"))

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = PreviewLinkForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["article", "note", "lifetime"]
        return ["article", "note", "shareable_url", "created_by", "created_at", "expires_at",
                "revoked_at"]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["article", "shareable_url", "created_by", "created_at", "expires_at", "revoked_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.expires_at = timezone.now() + timedelta(hours=form.cleaned_data["lifetime"])
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            format_html(
                "Preview link made; share this address: <code>{}</code>",
                request.build_absolute_uri(obj.get_absolute_url()),
            ),
        )
        return super().response_add(request, obj, post_url_continue)

    @admin.display(description="Address to share")
    def shareable_url(self, obj):
        if not obj.pk:
            return "—"
        url = obj.get_absolute_url()
        return format_html('<a href="{}" rel="noreferrer">{}</a>', url, url)

    @admin.display(description="State")
    def link_state(self, obj):
        if obj.is_revoked:
            return "Revoked"
        return "Expired" if obj.is_expired else "Active"

    @admin.display(description="Visits", ordering="visit_total")
    def visit_count(self, obj):
        return obj.visit_total

    @admin.action(description="Revoke selected links now", permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} link(s); they no longer open the article.")
