"""
The newsletters in the admin: lists, issues (written in the articles' editor, drafted
from the latest news, previewed as the email and as the archive page) and subscribers.

Editors and admins hold every newsletters permission (migrations/0002_roles.py);
contributors none, so the whole app is closed to them.

Extension points for the other parts of the app: `IssueAdmin.actions` and
`SubscriberAdmin.actions` are plain lists to add actions to; `IssueAdmin.get_urls()` and
`IssueAdmin.object_tools()` are where the sending screens add their addresses and the
buttons over the issue's form.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from js_asset import Media

from articles.admin import times_are_in_zone

from . import privacy
from .admin_sending import IssueSendingMixin
from .drafting import draft_issue
from .messages import render_issue_email
from .models import Issue, Newsletter, Subscriber
from .views import issue_page

# Issue times in lists: short enough to stay on one line.
LIST_TIME = "j M Y, H:i"

# The email preview runs nothing and fetches nothing but pictures: it is the editor's
# own text, but what an email carries is not the site's to run.
EMAIL_PREVIEW_POLICY = (
    "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; "
    "frame-ancestors 'self'; sandbox"
)


def private(response):
    """Previews show unsent text: no index, no shared cache, no referrer."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "cadence",
        "is_public",
        "is_default",
        "position",
        "confirmed_count",
        "pending_count",
    ]
    list_filter = ["is_public"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "cadence", "is_public", "is_default", "position"]
    change_form_template = "admin/newsletters/newsletter/change_form.html"
    # Explicit: the counts' GROUP BY drops the model's ordering.
    ordering = ["position", "name"]

    def get_queryset(self, request):
        # One query for the whole list, counts included.
        receiving = Q(
            subscribers__confirmed_at__isnull=False, subscribers__suppressed_at__isnull=True
        )
        pending = Q(subscribers__confirmed_at__isnull=True, subscribers__suppressed_at__isnull=True)
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_total=Count("subscribers", filter=receiving, distinct=True),
                pending_total=Count("subscribers", filter=pending, distinct=True),
            )
        )

    @admin.display(description=_("Confirmed"), ordering="confirmed_total")
    def confirmed_count(self, obj):
        return obj.confirmed_total

    @admin.display(description=_("Waiting to confirm"), ordering="pending_total")
    def pending_count(self, obj):
        return obj.pending_total

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/draft/",
                self.admin_site.admin_view(self.draft_view),
                name="{}_{}_draft".format(*info),
            ),
            *super().get_urls(),
        ]

    def draft_view(self, request, object_id):
        """POST: a new issue drafted from the latest news, opened in its form."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("newsletters.add_issue"):
            raise PermissionDenied
        newsletter = get_object_or_404(Newsletter, pk=unquote(object_id))
        issue = draft_issue(newsletter)
        self.message_user(
            request,
            gettext(
                "Drafted from what was published since the last issue: reorder and trim it, "
                "then save."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:newsletters_issue_change", args=[issue.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and request.user.has_perm("newsletters.add_issue"):
            context["draft_url"] = reverse("admin:newsletters_newsletter_draft", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)


def issue_state(issue):
    """Where the issue is, in the words of the newsroom."""
    if issue.sent_at:
        return gettext("Sent %(time)s") % {
            "time": date_format(timezone.localtime(issue.sent_at), LIST_TIME)
        }
    if issue.sending_started_at:
        return gettext("Sending")
    if issue.send_at:
        return gettext("Scheduled for %(time)s") % {
            "time": date_format(timezone.localtime(issue.send_at), LIST_TIME)
        }
    return gettext("Draft")


class IssueStateFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", gettext("Draft")),
            ("scheduled", gettext("Scheduled")),
            ("sending", gettext("Sending")),
            ("sent", gettext("Sent")),
        ]

    def queryset(self, request, queryset):
        unsent = queryset.filter(sent_at=None)
        match self.value():
            case "draft":
                return unsent.filter(sending_started_at=None, send_at=None)
            case "scheduled":
                return unsent.filter(sending_started_at=None, send_at__isnull=False)
            case "sending":
                return unsent.filter(sending_started_at__isnull=False)
            case "sent":
                return queryset.filter(sent_at__isnull=False)
        return queryset


@admin.register(Issue)
class IssueAdmin(IssueSendingMixin, admin.ModelAdmin):
    list_display = ["subject", "newsletter", "state"]
    list_filter = ["newsletter", IssueStateFilter]
    list_select_related = ["newsletter"]
    search_fields = ["subject", "preheader", "slug"]
    prepopulated_fields = {"slug": ["subject"]}
    change_form_template = "admin/newsletters/issue/change_form.html"
    actions = []
    readonly_fields = ["sending_state", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["newsletter", "subject", "preheader"]}),
        (None, {"fields": ["body"]}),
        (_("Sending"), {"fields": ["sending_state", "send_at", "in_archive"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["slug", "created_at", "updated_at"]}),
    ]

    class Media:
        # The writing screen's script: it names the editor for screen readers and warns
        # before leaving with unsaved changes.
        js = ["admin/writing.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "send_at":
            field.help_text = " ".join([str(field.help_text), times_are_in_zone()])
            # The admin's split widget labels its two boxes with plain text, not <label>.
            date, time = field.widget.widgets
            date.attrs["aria-label"] = gettext("Send at, date")
            time.attrs["aria-label"] = gettext("Send at, time of day")
        return field

    @admin.display(description=_("Status"))
    def state(self, obj):
        return issue_state(obj) if obj.pk else "Draft"

    @staticmethod
    def is_locked(obj):
        """Sent or being sent: what readers received must stay what the admin shows."""
        return obj is not None and (obj.sent_at is not None or obj.sending_started_at is not None)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.is_locked(obj):
            # Only whether it stays in the archive can change; the fields left out of the
            # form cannot be set by a crafted POST either.
            return [
                *readonly,
                "newsletter",
                "subject",
                "preheader",
                "body_as_sent",
                "send_at",
                "slug",
            ]
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.is_locked(obj):
            return fieldsets
        # Read only, the admin shows a field's value as text: the body's markup, tags and all.
        return [
            (
                name,
                options
                | {"fields": ["body_as_sent" if f == "body" else f for f in options["fields"]]},
            )
            for name, options in fieldsets
        ]

    @admin.display(description=_("Body"))
    def body_as_sent(self, obj):
        return mark_safe(obj.body)  # noqa: S308 - sanitised when saved (Issue.save)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.is_locked(obj) else super().get_prepopulated_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        # The delivery log of a sent issue is the record of what went to whom.
        return not self.is_locked(obj) and super().has_delete_permission(request, obj)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/preview/email/",
                self.admin_site.admin_view(self.email_preview_view),
                name="{}_{}_preview_email".format(*info),
            ),
            path(
                "<path:object_id>/preview/email/html/",
                self.admin_site.admin_view(self.email_html_view),
                name="{}_{}_preview_email_html".format(*info),
            ),
            path(
                "<path:object_id>/preview/page/",
                self.admin_site.admin_view(self.page_preview_view),
                name="{}_{}_preview_page".format(*info),
            ),
            *super().get_urls(),
        ]

    def object_tools(self, request, obj):
        """The (label, address) buttons over the issue's form."""
        return [
            (
                gettext("Preview as email"),
                reverse("admin:newsletters_issue_preview_email", args=[obj.pk]),
            ),
            (
                gettext("Preview as web page"),
                reverse("admin:newsletters_issue_preview_page", args=[obj.pk]),
            ),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The rich-text editor's import map is an inline script: give it this response's
        # CSP nonce so the strict policy lets it run.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        if obj is not None and obj.pk:
            context["issue_tools"] = self.object_tools(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def previewed_issue(self, request, object_id):
        issue = self.get_object(request, unquote(object_id))
        if issue is None:
            raise Http404(gettext("No such issue."))
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        return issue

    def email_preview_view(self, request, object_id):
        """The email's subject, preheader, HTML (framed, from email_html_view) and text."""
        issue = self.previewed_issue(request, object_id)
        email = render_issue_email(issue)
        subject, text = email.subject, email.text
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": issue,
            "title": gettext("Preview: %(subject)s") % {"subject": subject},
            "subject": subject,
            "text": text,
            "html_url": reverse("admin:newsletters_issue_preview_email_html", args=[issue.pk]),
        }
        response = TemplateResponse(request, "admin/newsletters/issue/email_preview.html", context)
        # The page frames the email from this site, which the site-wide policy forbids.
        response._csp_replace = {"frame-src": ["'self'"]}
        return private(response)

    def email_html_view(self, request, object_id):
        """The email's HTML alone, under a policy that runs nothing it carries, for the
        preview page's frame."""
        issue = self.previewed_issue(request, object_id)
        response = HttpResponse(render_issue_email(issue).html)
        response["Content-Security-Policy"] = EMAIL_PREVIEW_POLICY
        response["X-Frame-Options"] = "SAMEORIGIN"
        return private(response)

    def page_preview_view(self, request, object_id):
        """The issue as its archive page will show it, whatever its state."""
        issue = self.previewed_issue(request, object_id)
        return private(issue_page(request, issue, is_preview=True))


class SubscribedFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("confirmed", gettext("Confirmed")),
            ("pending", gettext("Waiting to confirm")),
            ("suppressed", gettext("Suppressed")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "confirmed":
                return queryset.filter(confirmed_at__isnull=False, suppressed_at=None)
            case "pending":
                return queryset.filter(confirmed_at=None, suppressed_at=None)
            case "suppressed":
                return queryset.filter(suppressed_at__isnull=False)
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed", "suppressed", "lists", "created_at"]
    list_filter = [SubscribedFilter, "newsletters", "suppression_reason"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    actions = [privacy.export_subscribers, privacy.erase_subscribers]
    fields = [
        "email",
        "lists",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "suppressed_at",
        "suppression_reason",
        "key",
    ]
    # The address and its confirmation are the reader's own: changing either would send
    # to someone who never asked.
    readonly_fields = [
        "email",
        "lists",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "key",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("newsletters")

    def get_actions(self, request):
        # Erasing, not deleting: Django's delete would keep the addresses in the history.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_add_permission(self, request):
        # Readers join through the sign-up form, which asks them to confirm: an address
        # typed in here would skip their consent.
        return False

    @admin.display(description=_("Confirmed"), boolean=True, ordering="confirmed_at")
    def confirmed(self, obj):
        return obj.is_confirmed

    @admin.display(description=_("Suppressed"), boolean=True, ordering="suppressed_at")
    def suppressed(self, obj):
        return obj.suppressed_at is not None

    @admin.display(description=_("Lists"))
    def lists(self, obj):
        return format_html_join(
            ", ", "{}", ((newsletter.name,) for newsletter in obj.newsletters.all())
        )
