from datetime import timedelta

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from taggit.models import Tag

from authors.models import Author
from newsroom.admin_fields import URL_FIELD_OVERRIDES
from newsroom.images import IMAGE_FIELD_OVERRIDES, CleanUploadsAdminMixin
from newsroom.sanitize import sanitize_html
from newsroom.translation_forms import translation_fieldsets, translations_form

from .concurrent_edits import AUTOSAVE, HEARTBEAT, find_conflict, record_presence, version_of
from .history import ReadableHistoryAdmin, and_list, edited_fields
from .models import (
    PREVIEW_LIFETIMES,
    WORDS_PER_MINUTE,
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
from .translation_admin import (
    LINK_FIELD,
    UNLINK_FIELD,
    TranslationLinkForm,
    TranslationsAdminMixin,
)

TAG_SUGGESTION_LIMIT = 20
# Publication times in lists: short enough to stay on one line.
LIST_TIME = "j M Y, H:i"

WORKFLOW_FIELD = "_workflow"
# How long the list action keeps an item in the breaking-news bar.
BREAKING_HOURS = 2


def thumbnail(photo, size=80):
    if not photo or not photo.url:
        return "—"
    return format_html(
        '<img class="admin-thumb" src="{}" alt="{}" width="{}">',
        photo.url,
        photo.alt_text,
        size,
    )


def newsroom_time(moment):
    """A time as the newsroom says it, in its own zone: "3 Dec 2026, 18:41"."""
    return date_format(timezone.localtime(moment), "j M Y, H:i")


def time_zone_name():
    """The newsroom's time zone as editors read it: "Europe/Kyiv time (EET, UTC+02:00)"."""
    now = timezone.localtime()
    offset = now.strftime("%z")
    return gettext("%(zone)s time (%(abbreviation)s, UTC%(offset)s)") % {
        "zone": settings.TIME_ZONE.replace("_", " "),
        "abbreviation": now.tzname(),
        "offset": f"{offset[:3]}:{offset[3:]}",
    }


def times_are_in_zone():
    """The sentence that tells editors which zone the time boxes are in."""
    return gettext("Times are %(zone)s.") % {"zone": time_zone_name()}


def breaking_hours_action():
    return ngettext(
        "Mark as breaking news for %(hours)d hour",
        "Mark as breaking news for %(hours)d hours",
        BREAKING_HOURS,
    ) % {"hours": BREAKING_HOURS}


# The admin reads an action's description when it draws the list, in the editor's language.
mark_breaking_description = lazy(breaking_hours_action, str)()


def publication_state(item):
    """Where `item` stands, in a sentence for the publishing panel."""
    if item is None or not item.pk:
        return gettext("New: nothing is saved yet.")
    if item.is_scheduled:
        return gettext("Scheduled: goes live on %(time)s.") % {
            "time": newsroom_time(item.published_at)
        }
    if item.is_live:
        return gettext("Live since %(time)s.") % {"time": newsroom_time(item.published_at)}
    return {
        Status.DRAFT: gettext("Draft: only staff can see it."),
        Status.REVIEW: gettext("Ready for review: waiting for an editor."),
        Status.UNPUBLISHED: gettext("Unpublished: readers no longer see it."),
    }.get(item.status, item.get_status_display())


def keep_editing_after_a_step(request):
    """A workflow button keeps the editor on the item, where its new status shows."""
    if WORKFLOW_FIELD in request.POST and "_continue" not in request.POST:
        request.POST = request.POST.copy()
        request.POST["_continue"] = "1"


class WorkflowForm(TranslationLinkForm):
    """
    Applies the workflow buttons and refuses, server-side, what the user may not do:
    people without the publish permission can only keep items in draft or review, and
    nothing is published without what publication needs. It also refuses a save over
    someone else's: the form carries the version it was opened on.
    """

    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set on the per-request form class by PublishableAdmin.get_form.
    can_publish = False
    checks_version = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status_before = self.instance.status
        self.was_live = self.instance.is_live
        self.fields["opened_version"].initial = version_of(self.instance)
        self.edit_conflict = None

    def clean(self):
        cleaned_data = super().clean()
        if self.checks_version:
            self.edit_conflict = find_conflict(self, cleaned_data.get("opened_version", ""))
        if self.edit_conflict is not None:
            # Shown again with the editor's own text and the version just seen, so
            # saving once more, after merging, keeps what is then on screen.
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_version")] = version_of(self.instance)
            raise ValidationError(
                gettext(
                    "%(who)s saved this item at %(when)s, after you opened it. Nothing of yours "
                    "is lost: your version is still in the form below. Compare it with theirs, "
                    "keep what should stay, and save again."
                ),
                code="edit_conflict",
                params={
                    "who": self.edit_conflict.changed_by,
                    "when": newsroom_time(self.edit_conflict.changed_at),
                },
            )
        step = self.data.get(WORKFLOW_FIELD)
        if step:
            if step not in {move.target for move in WORKFLOW}:
                raise ValidationError(gettext("That is not a step of the publishing workflow."))
            cleaned_data["status"] = step
        status = cleaned_data.get("status", self.instance.status)
        if not self.can_publish and status not in self.instance.EDITABLE_BY_CONTRIBUTORS:
            raise ValidationError(
                gettext(
                    "Only editors can publish, schedule or unpublish. Submit it for review instead."
                ),
                code="publish_permission",
            )
        publishing_now = step == Status.PUBLISHED and not cleaned_data.get("published_at")
        if publishing_now and "published_at" in self.fields:
            cleaned_data["published_at"] = timezone.now()
        if step:
            # The status is the buttons' to set, not a field of the form; set it now so
            # the checks that follow (the byline's among them) see the step asked for.
            self.instance.status = step
        return cleaned_data

    def clean_breaking_until(self):
        until = self.cleaned_data.get("breaking_until")
        # A mark that has run out may stay in the field; a new one must lie ahead.
        if until and "breaking_until" in self.changed_data and until <= timezone.now():
            raise ValidationError(
                gettext(
                    "That time has passed. Choose a later one, or empty the field to take the bar down."
                )
            )
        return until

    def _post_clean(self):
        super()._post_clean()
        if self.instance.status == Status.PUBLISHED:
            # The byline is checked by the inline formset, which sees the submitted authors.
            for problem in self.instance.publishing_problems(author_count=1):
                self.add_error(
                    None, gettext("Cannot publish yet: %(problem)s") % {"problem": problem}
                )


class GuardedHistoryAdmin(ReadableHistoryAdmin):
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


class MineFilter(admin.SimpleListFilter):
    """Items the signed-in user started or, for articles, is on the byline of."""

    title = _("whose")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", gettext("Yours"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.owned_by(request.user)
        return queryset


class PublishableAdmin(TranslationsAdminMixin, GuardedHistoryAdmin):
    """
    Shared admin for everything with a publication state: columns, filters, tags, the
    publishing workflow with its rules (who may change what, and to which status), and
    the item's language and translations (TranslationsAdminMixin).
    """

    form = WorkflowForm
    change_form_template = "admin/publishable_change_form.html"
    list_filter = ["status", MineFilter, "published_at"]
    date_hierarchy = "published_at"
    actions = [
        "submit_for_review", "publish_now", "return_to_draft", "unpublish", "mark_breaking",
        "clear_breaking",
    ]  # fmt: skip
    list_per_page = 50
    formfield_overrides = URL_FIELD_OVERRIDES

    class Media:
        css = {"all": ["admin/lists.css"]}
        js = ["admin/tag_suggestions.js", "admin/writing.js"]

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

    def may_change_status(self, request, status):
        """Whether the user may change some items in `status`: editors any, contributors
        only drafts and items in review (and of those only their own)."""
        if not self.has_change_permission(request):
            return False
        return self.has_publish_permission(request) or status in self.model.EDITABLE_BY_CONTRIBUTORS

    def changeable(self, request, queryset):
        """The items of `queryset` has_change_permission lets the user change, as one query."""
        if not self.has_change_permission(request):
            return queryset.none()
        if self.has_publish_permission(request):
            return queryset
        editable = queryset.filter(status__in=self.model.EDITABLE_BY_CONTRIBUTORS)
        return editable.owned_by(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("published_at")
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # get_form builds a new class on every call, so this stays per request.
        form.can_publish = self.has_publish_permission(request)
        # A restore shows the old version as the form's item, so the version the form
        # was opened on is that old one's, not what is stored now: restoring is its own
        # decision to replace what is there.
        form.checks_version = getattr(request, "restored_version", None) is None
        form.translation_candidates = self.translation_candidates(request, obj)
        form.may_unlink = self.may_unlink(request, obj)
        if "published_at" in form.base_fields:
            published_at = form.base_fields["published_at"]
            published_at.help_text = " ".join([str(published_at.help_text), times_are_in_zone()])
            # The admin's split widget labels its two boxes with plain text, not <label>.
            date, time = published_at.widget.widgets
            date.attrs["aria-label"] = gettext("Publication date")
            time.attrs["aria-label"] = gettext("Publication time of day")
        return form

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        self.save_translation_link(request, obj, form)
        request.workflow_outcome = self.outcome(request, obj, form, change)

    def outcome(self, request, obj, form, change):
        """What the save did to the item, in the words of the newsroom."""
        if obj.is_scheduled:
            return gettext("Scheduled “%(item)s”: it goes live on %(time)s (%(zone)s).") % {
                "item": obj,
                "time": newsroom_time(obj.published_at),
                "zone": time_zone_name(),
            }
        if obj.is_live and not form.was_live:
            address = request.build_absolute_uri(obj.get_absolute_url())
            return format_html(
                gettext('Published “{item}”. It is live at <a href="{address}">{address}</a>.'),
                item=obj,
                address=address,
            )
        if obj.is_live:
            return gettext("Saved “%(item)s”; readers see the changes now.") % {"item": obj}
        moved = obj.status != form.status_before
        if obj.status == Status.REVIEW and moved:
            return gettext("Submitted “%(item)s” for review; editors find it on their desk.") % {
                "item": obj
            }
        if obj.status == Status.UNPUBLISHED and moved:
            return gettext("Unpublished “%(item)s”: readers no longer see it.") % {"item": obj}
        if obj.status == Status.DRAFT and moved:
            return gettext("Returned “%(item)s” to draft.") % {"item": obj}
        if not change:
            return gettext("Saved “%(item)s” as a draft. Only staff can see it.") % {"item": obj}
        return gettext("Saved “%(item)s” (%(status)s).") % {
            "item": obj,
            "status": obj.get_status_display().lower(),
        }

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # Django's success message ("was changed successfully") is the same for saving,
        # publishing and scheduling: say what the save did instead.
        outcome = getattr(request, "workflow_outcome", None)
        # A restore keeps its own words ("was reverted successfully").
        restoring = getattr(request, "restored_version", None) is not None
        if outcome and level == messages.SUCCESS and not restoring:
            request.workflow_outcome = None
            message = outcome
        super().message_user(request, message, level, *args, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        keep_editing_after_a_step(request)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        keep_editing_after_a_step(request)
        return super().response_change(request, obj)

    def workflow_steps(self, request, obj):
        """The status buttons this user may press for `obj` (a new item is a draft), as
        (status, label) pairs."""
        if obj is not None and not self.has_change_permission(request, obj):
            return []
        status = obj.status if obj is not None else Status.DRAFT
        steps = workflow_steps(status, self.has_publish_permission(request))
        return [(step.target, self.step_label(step, obj)) for step in steps]

    def step_label(self, step, obj):
        if step.target != Status.PUBLISHED:
            return step.label
        if obj is not None and obj.published_at and obj.published_at > timezone.now():
            return gettext("Schedule for %(time)s") % {"time": newsroom_time(obj.published_at)}
        return gettext("Publish now")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The rich-text editor's import map is an inline script: give it this response's
        # CSP nonce so the strict policy lets it run.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        # After a refused save the object carries the refused values: the panel describes
        # the item as stored.
        stored = obj
        if obj is not None and obj.pk and request.method == "POST":
            stored = self.model._default_manager.get(pk=obj.pk)
        context.update(
            workflow_steps=self.workflow_steps(request, stored),
            workflow_field=WORKFLOW_FIELD,
            publication_state=publication_state(stored),
            time_zone_name=time_zone_name(),
            words_per_minute=WORDS_PER_MINUTE,
            now_local=timezone.localtime().strftime("%Y-%m-%dT%H:%M:%S"),
            edit_conflict=context["adminform"].form.edit_conflict,
            **self.translations_context(request, stored),
        )
        if stored is not None and stored.pk:
            if stored.is_live:
                context["live_url"] = request.build_absolute_uri(stored.get_absolute_url())
            if self.has_change_permission(request, stored):
                context["others_editing"] = record_presence(stored, request.user)
                info = self.opts.app_label, self.opts.model_name
                context["presence_url"] = reverse(
                    "admin:{}_{}_presence".format(*info), args=[stored.pk]
                )
                if stored.status in stored.EDITABLE_BY_CONTRIBUTORS:
                    context["autosave_url"] = reverse(
                        "admin:{}_{}_autosave".format(*info), args=[stored.pk]
                    )
                    context["autosave_seconds"] = int(AUTOSAVE.total_seconds())
        return super().render_change_form(request, context, add, change, form_url, obj)

    def may_recover(self, request):
        return self.has_publish_permission(request)

    # Breaking news: only those who may publish mark an item, as publishing puts it
    # before every reader --------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        side = next(
            (i for i, (_, opts) in enumerate(fieldsets) if "side" in opts.get("classes", ())),
            len(fieldsets),
        )
        first = self.translation_fieldsets(request, obj)
        if self.has_publish_permission(request):
            # Otherwise not in the form at all, so a crafted POST cannot set it either.
            first.append(
                (gettext("Breaking news"), {"classes": ["side"], "fields": ["breaking_until"]})
            )
        return [*fieldsets[:side], *first, *fieldsets[side:]]

    @admin.action(description=mark_breaking_description, permissions=["publish"])
    def mark_breaking(self, request, queryset):
        items = list(queryset[:2])
        if len(items) != 1:
            self.message_user(
                request,
                gettext("Choose one item: only one is breaking news at a time."),
                level=messages.WARNING,
            )
            return
        item = items[0]
        if item.status != Status.PUBLISHED:
            self.message_user(
                request,
                gettext("Not marked: “%(item)s” is not published or scheduled.") % {"item": item},
                level=messages.WARNING,
            )
            return
        # A scheduled item becomes news when it goes live: its hours start then.
        start = max(timezone.now(), item.published_at)
        item.breaking_until = start + timedelta(hours=BREAKING_HOURS)
        # A change like any other: an edit form opened before it must not undo it unseen.
        item.save(update_fields=["breaking_until", "updated_at"])
        self.message_user(
            request,
            gettext("“%(item)s” is breaking news until %(time)s.")
            % {"item": item, "time": newsroom_time(item.breaking_until)},
        )

    @admin.action(description=_("Clear breaking news"), permissions=["publish"])
    def clear_breaking(self, request, queryset):
        count = queryset.filter(breaking_until__isnull=False).update(
            breaking_until=None, breaking_marked_at=None
        )
        self.message_user(
            request,
            ngettext(
                "Cleared breaking news from %(count)d item.",
                "Cleared breaking news from %(count)d items.",
                count,
            )
            % {"count": count},
        )

    # Columns ---------------------------------------------------------------------

    @admin.display(description=_("Status"), ordering="published_at")
    def state(self, obj):
        """Status, whether readers see it and the publication time, in one narrow column:
        "Live" or "Scheduled" over the time, else the status (over its time, if any)."""
        if obj.is_live:
            label = pgettext("publication state", "Live")
        elif obj.is_scheduled:
            label = gettext("Scheduled")
        else:
            label = obj.get_status_display()
        when = ""
        if obj.published_at:
            local = timezone.localtime(obj.published_at)
            when = format_html(
                '<time datetime="{}">{}</time>', local.isoformat(), date_format(local, LIST_TIME)
            )
        return format_html(
            '<span class="list-state list-state--{}">{}</span>{}',
            "live" if obj.is_live else "scheduled" if obj.is_scheduled else obj.status,
            label,
            when,
        )

    @admin.display(description=_("Tags"))
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    # Actions: each moves items one step and says what it skipped and why ------------

    def _changeable(self, request, queryset):
        return [obj for obj in queryset if self.has_change_permission(request, obj)]

    @admin.action(description=_("Submit selected items for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        waiting = queryset.filter(status__in=statuses_leading_to(Status.REVIEW))
        items = self._changeable(request, waiting)
        count = queryset.filter(pk__in=[obj.pk for obj in items]).update(status=Status.REVIEW)
        self.message_user(
            request,
            ngettext(
                "Submitted %(count)d item for review.",
                "Submitted %(count)d items for review.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Publish selected items now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        ready, refused = [], []
        # Scheduled items too: publishing now brings them forward.
        not_live = queryset.exclude(status=Status.PUBLISHED, published_at__lte=timezone.now())
        for obj in not_live.filter(
            status__in=[*statuses_leading_to(Status.PUBLISHED), Status.PUBLISHED]
        ):
            problems = obj.publishing_problems()
            if problems:
                refused.append(
                    gettext("“%(item)s”: %(problems)s")
                    % {"item": obj, "problems": " ".join(problems)}
                )
            else:
                ready.append(obj.pk)
        count = queryset.filter(pk__in=ready).update(
            status=Status.PUBLISHED, published_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("Published %(count)d item.", "Published %(count)d items.", count)
            % {"count": count},
        )
        for reason in refused:
            self.message_user(
                request,
                gettext("Not published: %(reason)s") % {"reason": reason},
                level=messages.WARNING,
            )

    @admin.action(description=_("Return selected items to draft"), permissions=["publish"])
    def return_to_draft(self, request, queryset):
        count = queryset.filter(status__in=statuses_leading_to(Status.DRAFT)).update(
            status=Status.DRAFT
        )
        self.message_user(
            request,
            ngettext(
                "Returned %(count)d item to draft.", "Returned %(count)d items to draft.", count
            )
            % {"count": count},
        )

    @admin.action(description=_("Unpublish selected items"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status__in=statuses_leading_to(Status.UNPUBLISHED)).update(
            status=Status.UNPUBLISHED
        )
        self.message_user(
            request,
            ngettext("Unpublished %(count)d item.", "Unpublished %(count)d items.", count)
            % {"count": count},
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions),
                name="{}_{}_tag_suggestions".format(*info),
            ),
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(self.presence),
                name="{}_{}_presence".format(*info),
            ),
            path(
                "<path:object_id>/autosave/",
                self.admin_site.admin_view(self.autosave),
                name="{}_{}_autosave".format(*info),
            ),
            *super().get_urls(),
        ]

    def autosave(self, request, object_id):
        """The writing screen's autosave (POST, the form's fields): keeps a draft's or a
        review item's text as a revision, as a save would, but never moves its status,
        and not at all when someone saved a newer version or nothing changed."""
        if request.method != "POST":
            return JsonResponse({"error": gettext("POST only.")}, status=405)
        item = self.get_object(request, unquote(object_id))
        if item is None or not self.has_change_permission(request, item):
            raise PermissionDenied
        if item.status not in item.EDITABLE_BY_CONTRIBUTORS:
            return JsonResponse(
                {"error": gettext("Only drafts and items in review are saved automatically.")},
                status=409,
            )
        data = request.POST.copy()
        # Neither a step nor a link is taken without the editor saving.
        for name in (WORKFLOW_FIELD, LINK_FIELD, UNLINK_FIELD):
            data.pop(name, None)
        form = self.get_form(request, item, change=True)(data, request.FILES, instance=item)
        if not form.is_valid():
            conflict = form.edit_conflict is not None
            return JsonResponse(
                {
                    "error": (
                        gettext(
                            "Not saved automatically: %(who)s saved a newer version. "
                            "Save to see what they changed."
                        )
                        % {"who": form.edit_conflict.changed_by}
                    )
                    if conflict
                    else gettext(
                        "Not saved automatically: the form has something to correct. "
                        "Save to see it."
                    ),
                },
                status=409 if conflict else 400,
            )
        with transaction.atomic(), reversion.create_revision(manage_manually=True):
            item = form.save()
            edited = edited_fields(form)
            if not edited:
                transaction.set_rollback(True)
                # Nothing to keep: the stored version is still the one the form holds.
                return JsonResponse(
                    {"saved": False, "version": form.cleaned_data["opened_version"]}
                )
            reversion.set_user(request.user)
            reversion.set_comment(
                gettext("Saved automatically: edited %(fields)s.") % {"fields": and_list(edited)}
            )
            reversion.add_to_revision(item)
        return JsonResponse(
            {
                "saved": True,
                "version": version_of(item),
                "at": date_format(timezone.localtime(item.updated_at), "H:i"),
            }
        )

    def presence(self, request, object_id):
        """The edit form's heartbeat (POST): notes that the user still has the item open
        and answers with the others who have it open, and the item's current version."""
        if request.method != "POST":
            return JsonResponse({"error": gettext("POST only.")}, status=405)
        item = self.get_object(request, unquote(object_id))
        if item is None or not self.has_change_permission(request, item):
            raise PermissionDenied
        others = record_presence(item, request.user)
        return JsonResponse(
            {
                "others": [
                    {"name": name, "since": date_format(timezone.localtime(since), "H:i")}
                    for name, since in others
                ],
                "version": version_of(item),
                "heartbeat_seconds": HEARTBEAT.total_seconds(),
            }
        )

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
        elif db_field.name == "breaking_until":
            field.help_text = " ".join([str(field.help_text), times_are_in_zone()])
            date, time = field.widget.widgets
            date.attrs["aria-label"] = gettext("Breaking news until, date")
            time.attrs["aria-label"] = gettext("Breaking news until, time of day")
        return field


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "article_count"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    # Explicit: the article count's GROUP BY drops the model's ordering, and the
    # autocomplete's pages would be unordered (UnorderedObjectListWarning).
    ordering = ["position", "name"]
    form = translations_form(Section)
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "position"]}),
        *translation_fieldsets(Section),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("Articles"), ordering="article_total")
    def article_count(self, obj):
        return obj.article_total


class MissingCreditFilter(admin.SimpleListFilter):
    """Photos that stop an article from being published: no alt text, or no credit."""

    title = _("alt text and credit")
    parameter_name = "credit"

    def lookups(self, request, model_admin):
        return [("missing", gettext("Missing"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.missing_credits()
        return queryset


@admin.register(Photo)
class PhotoAdmin(CleanUploadsAdminMixin, GuardedHistoryAdmin):
    """Photos, with who may change which (Photo.is_editable_by) enforced on every view:
    the form, deleting, the history's restore and the recovery of deleted photos."""

    formfield_overrides = {**URL_FIELD_OVERRIDES, **IMAGE_FIELD_OVERRIDES}
    list_display = ["preview", "alt_text", "credit", "dimensions", "created_at"]
    list_display_links = ["preview", "alt_text"]
    search_fields = ["alt_text", "caption", "photographer", "agency"]
    list_filter = [MissingCreditFilter, "agency"]
    date_hierarchy = "created_at"
    readonly_fields = ["focal_point", "dimensions"]
    fieldsets = [
        (None, {"fields": ["image", "focal_point", ("focal_x", "focal_y"), "alt_text", "caption"]}),
        (_("Credit"), {"fields": ["photographer", "agency"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["dimensions", "source_url"]}),
    ]

    class Media:
        css = {"all": ["admin/photos.css"]}
        js = ["admin/focal_point.js"]

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

    @admin.display(description=_("Photo"))
    def preview(self, obj):
        return thumbnail(obj)

    @admin.display(description=_("Focal point"))
    def focal_point(self, obj):
        """The picture, on which focal_point.js lets the editor click (or use the arrow
        keys) to set the focal point; without the script it is a preview of the picture."""
        if not obj.url:
            return "—"
        return format_html(
            '<div class="focal-picker" data-focal-picker data-x-input="id_focal_x" '
            'data-y-input="id_focal_y" data-status="focal-point-status">'
            '<img src="{}" alt="{}"{} aria-describedby="focal-point-help focal-point-status">'
            '<span class="focal-picker__marker" hidden></span></div>'
            '<p id="focal-point-help" class="focal-picker__help" data-focal-picker-only hidden>'
            "{}</p>"
            '<p id="focal-point-status" class="focal-picker__status" role="status" '
            "data-focal-picker-only hidden></p>",
            obj.url,
            obj.alt_text,
            format_html(' width="{}" height="{}"', obj.width, obj.height) if obj.width else "",
            gettext(
                "Click the picture on the part every crop must keep, or select the picture and "
                "move the point with the arrow keys (Shift moves it further)."
            ),
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("focal_x", "focal_y"):
            field.widget.attrs |= {"min": 0, "max": 1}
        return field

    @admin.display(description=_("Size"))
    def dimensions(self, obj):
        return f"{obj.width}×{obj.height}" if obj.width else "—"


class BylineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A table row's boxes are named by its column heading, which is no <label>.
        names = {
            "author": gettext("Author"),
            "position": gettext("Order in the byline"),
            "DELETE": gettext("Remove from the byline"),
        }
        for name, label in names.items():
            if name in form.fields:
                form.fields[name].widget.attrs["aria-label"] = label

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
            raise ValidationError(
                [
                    gettext("Cannot publish yet: %(problem)s") % {"problem": problem}
                    for problem in problems
                ]
            )


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    formset = BylineFormSet
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = _("author")
    verbose_name_plural = _("Byline")
    # Drawn under the headline and standfirst (templates/admin/publishable_change_form.html),
    # where the byline stands on the page.
    writing_position = "top"
    classes = ["byline"]

    def get_extra(self, request, obj=None, **kwargs):
        # One empty row to start a byline, or the byline of the version it translates;
        # none beside an existing one ("Add another").
        if obj is not None and obj.credits.exists():
            return 0
        return max(1, len(starting_byline(request)))


def starting_byline(request):
    """The byline a new article starts with when it is a version of another
    (?translation_link=pk): that article's, as inline initial data."""
    if request.method != "GET":
        return []
    try:
        source = int(request.GET.get(LINK_FIELD, ""))
    except ValueError:
        return []
    return list(
        ArticleAuthor.objects.filter(article=source)
        .order_by("position", "pk")
        .values("author", "position")
    )


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    fields = ["kind", "noted_at", "note"]


# What the article page shows in place of a field for someone who may only read it.
READ_ONLY_FIELDS = {"body": "body_as_read"}


def article_change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


# The newest entries listed under a live blog's form.
LIVE_BLOG_ENTRIES_LISTED = 10


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ["preview", "headline", "section", "authors_list", "article_state"]
    list_display_links = ["headline"]
    list_filter = ["status", MineFilter, "section", "is_featured", "published_at"]
    list_select_related = ["section", "hero_photo"]
    search_fields = ["headline", "standfirst", "slug"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "hero_photo", "related_articles"]
    inlines = [ArticleAuthorInline, CorrectionInline]
    translation_starters = ["section", "tags", "hero_photo"]
    readonly_fields = ["reading_time", "created_at", "updated_at"]
    fieldsets = [
        (None, {"classes": ["writing-top"], "fields": ["headline", "standfirst"]}),
        (None, {"classes": ["writing-body"], "fields": ["body"]}),
        (None, {"classes": ["publishing"], "fields": ["published_at"]}),
        (_("Section and tags"), {"classes": ["side"], "fields": ["section", "tags", "is_featured"]}),
        (_("Picture"), {"classes": ["side"], "fields": ["hero_photo", "hero_caption"]}),
        (_("Related"), {"classes": ["side"], "fields": ["related_articles"]}),
        (_("Live blog"), {"classes": ["side"], "fields": ["live_starts_at", "live_ends_at"]}),
        (
            _("Advanced"),
            {
                "classes": ["collapse"],
                "fields": [
                    "slug", "seo_title", "seo_description", "reading_time", "created_at",
                    "updated_at",
                ],
            },
        ),
    ]  # fmt: skip

    class Media:
        css = {"all": ["admin/preview_links.css"]}
        js = ["admin/preview_links.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("credits__author")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only, the admin shows a field's value as text: the body's markup, tags and all.
        return [
            (name, options | {"fields": [READ_ONLY_FIELDS.get(f, f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description=_("Body"))
    def body_as_read(self, obj):
        return mark_safe(sanitize_html(obj.body))  # noqa: S308 - sanitised just here

    def view_on_site(self, obj):
        """Live articles open on the site; anything else opens in the staff preview."""
        if obj.is_live:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ArticleAuthorInline) and obj.pk is None and request.method == "GET":
            byline = starting_byline(request)
            author = Author.objects.filter(user=request.user).first()
            if byline:
                kwargs["initial"] = byline
            elif author is not None:
                kwargs["initial"] = [{"author": author.pk, "position": 0}]
        return kwargs

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if getattr(obj, "redirected_from", None):
            self.message_user(
                request,
                gettext("The old address %(address)s now redirects here.")
                % {"address": obj.redirected_from},
            )

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
                # The form that makes one is under the article (_preview_links.html).
                context["share_preview_url"] = "#preview-links"
        context.update(self.preview_links_context(request, obj))
        context.update(self.live_blog_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        for name, date_label, time_label in [
            (
                "live_starts_at",
                gettext("Live coverage start date"),
                gettext("Live coverage start time of day"),
            ),
            (
                "live_ends_at",
                gettext("Live coverage end date"),
                gettext("Live coverage end time of day"),
            ),
        ]:
            if name in form.base_fields:
                # The admin's split widget labels its two boxes with plain text, not <label>.
                date, time = form.base_fields[name].widget.widgets
                date.attrs["aria-label"] = date_label
                time.attrs["aria-label"] = time_label
        return form

    def live_blog_context(self, request, obj):
        """What admin/articles/_live_blog_entries.html shows under a live blog's form: its
        latest entries and the way to add one. Nothing for other articles."""
        if obj is None or obj.pk is None or not obj.is_live_blog:
            return {}
        add_url = ""
        if request.user.has_perm("feed.add_brief"):
            add_url = reverse("admin:feed_brief_add") + f"?live_blog={obj.pk}"
        entries = obj.live_entries.order_by("-published_at", "-pk")[:LIVE_BLOG_ENTRIES_LISTED]
        return {
            "live_blog_panel": {
                "entries": [
                    (entry, reverse("admin:feed_brief_change", args=[entry.pk]))
                    for entry in entries
                ],
                "add_url": add_url,
            }
        }

    def preview_links_context(self, request, obj):
        """What admin/articles/_preview_links.html shows under the article's form: its
        preview links with their addresses, and who may make and revoke them. Nothing
        for a new article or for people who may not see preview links."""
        if obj is None or obj.pk is None or not request.user.has_perm("articles.view_previewlink"):
            return {}
        links = obj.preview_links.annotate(visit_total=Count("visits"))
        can_revoke = request.user.has_perm("articles.change_previewlink")
        rows = [
            {
                "link": link,
                "address": request.build_absolute_uri(link.get_absolute_url()),
                "visits": link.visit_total,
                "revoke_url": (
                    reverse("admin:articles_previewlink_revoke", args=[link.pk])
                    if can_revoke and not link.is_revoked
                    else ""
                ),
            }
            for link in links
        ]
        share_url = ""
        if request.user.has_perm("articles.add_previewlink"):
            share_url = reverse("admin:articles_previewlink_add") + f"?article={obj.pk}"
        return {
            "preview_links_panel": {
                "links": rows,
                "can_revoke": can_revoke,
                "share_url": share_url,
                "article_pk": obj.pk,
                "lifetimes": PREVIEW_LIFETIMES,
                "default_lifetime": PreviewLinkForm.base_fields["lifetime"].initial,
            }
        }

    history_relations = [("credits", "byline")]

    def history_credits(self, version):
        """The version's byline: its authors' names in byline order."""
        credits = version.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(ArticleAuthor)
        )
        credits = [
            credit.field_dict for credit in credits
            if str(credit.field_dict["article_id"]) == version.object_id
        ]  # fmt: skip
        names = Author.objects.in_bulk([credit["author_id"] for credit in credits])
        credits.sort(key=lambda credit: (credit["position"], credit["id"]))
        return ", ".join(
            str(names[credit["author_id"]]) for credit in credits if credit["author_id"] in names
        )

    @admin.display(description=_("Authors"))
    def authors_list(self, obj):
        return ", ".join(author.name for author in obj.byline)

    @admin.display(description=_("Photo"))
    def preview(self, obj):
        return thumbnail(obj.hero_photo, size=48)

    @admin.display(description=_("Status"), ordering="published_at")
    def article_state(self, obj):
        state = self.state(obj)
        if obj.is_featured:
            return format_html('{}<span class="list-badge">{}</span>', state, gettext("Featured"))
        return state


class PreviewLinkForm(forms.ModelForm):
    lifetime = forms.TypedChoiceField(
        choices=PREVIEW_LIFETIMES,
        coerce=int,
        initial=72,
        help_text=_("The link stops working after this long; you can also revoke it at any time."),
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
        if "article" in request.GET and "_popup" not in request.POST:
            # Made from the article's page ("Share a preview link"): back to the article,
            # whose list of links has the new address and its Copy button.
            self.message_user(
                request,
                gettext("Preview link made for “%(article)s”; copy it below.")
                % {"article": obj.article},
            )
            return HttpResponseRedirect(article_change_url(obj.article) + "#preview-links")
        self.message_user(
            request,
            format_html(
                gettext("Preview link made; share this address: <code>{}</code>"),
                request.build_absolute_uri(obj.get_absolute_url()),
            ),
        )
        return super().response_add(request, obj, post_url_continue)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/revoke/",
                self.admin_site.admin_view(self.revoke_view),
                name="articles_previewlink_revoke",
            ),
            *super().get_urls(),
        ]

    def revoke_view(self, request, object_id):
        """Revoke one link (the Revoke button on its article's page), for people who may
        change preview links. Answers a script asking for JSON with the link's new state;
        anyone else goes back to the article."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        link = self.get_object(request, unquote(object_id))
        if link is None:
            raise Http404(gettext("No such preview link."))
        if not self.has_change_permission(request, link):
            raise PermissionDenied
        if link.revoked_at is None:
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"state": link.state})
        self.message_user(
            request, gettext("Revoked the preview link; it no longer opens the article.")
        )
        return HttpResponseRedirect(article_change_url(link.article) + "#preview-links")

    @admin.display(description=_("Address to share"))
    def shareable_url(self, obj):
        if not obj.pk:
            return "—"
        url = obj.get_absolute_url()
        return format_html('<a href="{}" rel="noreferrer">{}</a>', url, url)

    @admin.display(description=_("State"))
    def link_state(self, obj):
        return obj.state

    @admin.display(description=_("Visits"), ordering="visit_total")
    def visit_count(self, obj):
        return obj.visit_total

    @admin.action(description=_("Revoke selected links now"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "Revoked %(count)d link; it no longer opens the article.",
                "Revoked %(count)d links; they no longer open the article.",
                count,
            )
            % {"count": count},
        )
