"""
Sending from the admin: "Send now" and "Schedule", each behind a page that names the
list and how many readers will receive the issue, and a progress page while it goes out.
Saving an issue with a future "send at" schedules it too; a later change of the time
schedules the new one, and the start queued for the old time does nothing.

IssueAdmin takes these from `IssueSendingMixin`. Only users with `newsletters.send_issue`
(editors) reach them; the check is in each view, so a crafted POST from anyone else is
refused with 403 whatever the forms show.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import sending
from .models import Issue, Subscriber

SEND_PERMISSION = "newsletters.send_issue"
# Seconds between reloads of the progress page while the issue goes out.
PROGRESS_REFRESH = 5


def receivers(newsletter):
    """The readers a send to `newsletter` would reach now: confirmed, not suppressed."""
    return Subscriber.objects.filter(
        newsletters=newsletter, confirmed_at__isnull=False, suppressed_at__isnull=True
    )


def sending_url(issue, view):
    return reverse(f"admin:newsletters_issue_{view}", args=[issue.pk])


class IssueSendingMixin:
    """Send now, Schedule and the sending progress of an issue, for IssueAdmin."""

    def get_urls(self):
        views = [
            ("send", self.send_view),
            ("schedule", self.schedule_view),
            ("sending", self.progress_view),
            ("resume", self.resume_view),
        ]
        return [
            *(
                path(
                    f"<int:pk>/{name}/",
                    self.admin_site.admin_view(view),
                    name=f"newsletters_issue_{name}",
                )
                for name, view in views
            ),
            *super().get_urls(),
        ]

    def has_send_permission(self, request):
        return request.user.has_perm(SEND_PERMISSION)

    def sendable_issue(self, request, pk):
        if not self.has_send_permission(request):
            raise PermissionDenied
        return get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Setting the time schedules the send, so only those who may send may set it.
        if not self.has_send_permission(request) and "send_at" not in fields:
            fields.append("send_at")
        return fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if (
            "send_at" in form.changed_data
            and obj.send_at is not None
            and obj.send_at > timezone.now()
            and self.has_send_permission(request)
        ):
            try:
                sending.schedule_sending(obj)
            except sending.SendRefused as refusal:
                self.message_user(
                    request,
                    gettext("Not scheduled: %(reason)s") % {"reason": refusal},
                    messages.WARNING,
                )
                return
            when = date_format(timezone.localtime(obj.send_at), "DATETIME_FORMAT")
            count = receivers(obj.newsletter).count()
            self.message_user(
                request,
                ngettext(
                    "Scheduled: “%(issue)s” will be sent to %(newsletter)s at %(time)s "
                    "(%(count)d confirmed subscriber now).",
                    "Scheduled: “%(issue)s” will be sent to %(newsletter)s at %(time)s "
                    "(%(count)d confirmed subscribers now).",
                    count,
                )
                % {"issue": obj, "newsletter": obj.newsletter, "time": when, "count": count},
            )

    @admin.display(description=_("Sending"))
    def sending_state(self, issue):
        """Where the issue stands, linking to what can be done next."""
        if issue.pk is None:
            return gettext("Save the issue first.")
        if issue.sending_started_at is not None:
            label = (
                gettext("Sent %(time)s")
                % {"time": date_format(timezone.localtime(issue.sent_at), "DATETIME_FORMAT")}
                if issue.is_sent
                else gettext("Sending…")
            )
            return format_html('<a href="{}">{}</a>', sending_url(issue, "sending"), label)
        if issue.send_at is not None and issue.send_at > timezone.now():
            when = date_format(timezone.localtime(issue.send_at), "DATETIME_FORMAT")
            return format_html(
                gettext('Scheduled for {time} · <a href="{url}">Send now instead…</a>'),
                time=when,
                url=sending_url(issue, "send"),
            )
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            sending_url(issue, "send"),
            gettext("Send now…"),
            sending_url(issue, "schedule"),
            gettext("Schedule…"),
        )

    def confirmation(self, request, issue, template, **context):
        try:
            sending.check_sendable(issue)
            refusal = ""
        except sending.SendRefused as error:
            refusal = str(error)
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": context.pop("title"),
                "issue": issue,
                "receivers": receivers(issue.newsletter).count(),
                "refusal": refusal,
                "change_url": reverse("admin:newsletters_issue_change", args=[issue.pk]),
                **context,
            },
        )

    def send_view(self, request, pk):
        issue = self.sendable_issue(request, pk)
        if request.method == "POST":
            try:
                sending.start_sending(issue)
            except sending.SendRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return HttpResponseRedirect(sending_url(issue, "send"))
            self.message_user(
                request,
                gettext("Sending “%(issue)s” to %(newsletter)s.")
                % {"issue": issue, "newsletter": issue.newsletter},
            )
            return HttpResponseRedirect(sending_url(issue, "sending"))
        return self.confirmation(
            request,
            issue,
            "admin/newsletters/issue/send.html",
            title=gettext("Send this issue now?"),
        )

    def schedule_view(self, request, pk):
        issue = self.sendable_issue(request, pk)
        if issue.send_at is None:
            problem = gettext("Set “send at” on the issue and save it, then schedule it here.")
        elif issue.send_at <= timezone.now():
            problem = gettext("The time in “send at” has passed: change it, or send the issue now.")
        else:
            problem = ""
        if request.method == "POST" and not problem:
            try:
                sending.schedule_sending(issue)
            except sending.SendRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return HttpResponseRedirect(sending_url(issue, "schedule"))
            when = date_format(timezone.localtime(issue.send_at), "DATETIME_FORMAT")
            self.message_user(
                request,
                gettext("“%(issue)s” will be sent to %(newsletter)s at %(time)s.")
                % {"issue": issue, "newsletter": issue.newsletter, "time": when},
            )
            return HttpResponseRedirect(reverse("admin:newsletters_issue_change", args=[issue.pk]))
        return self.confirmation(
            request,
            issue,
            "admin/newsletters/issue/schedule.html",
            title=gettext("Schedule this issue?"),
            problem=problem,
        )

    def progress_view(self, request, pk):
        issue = self.sendable_issue(request, pk)
        counts = sending.progress(issue)
        done = counts["sent"] + counts["failed"]
        stalled = sending.stalled_issues().filter(pk=issue.pk).exists()
        return TemplateResponse(
            request,
            "admin/newsletters/issue/sending.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": gettext("Sending “%(issue)s”") % {"issue": issue},
                "issue": issue,
                "counts": counts,
                "percent": done * 100 // counts["total"] if counts["total"] else 0,
                "stalled": stalled,
                "refresh": PROGRESS_REFRESH
                if issue.sending_started_at and not issue.is_sent
                else 0,
                "change_url": reverse("admin:newsletters_issue_change", args=[issue.pk]),
            },
        )

    def resume_view(self, request, pk):
        issue = self.sendable_issue(request, pk)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if sending.stalled_issues().filter(pk=issue.pk).exists():
            batches = sending.resume_sending(issue)
            self.message_user(
                request,
                ngettext(
                    "Resumed: %(count)d batch queued.",
                    "Resumed: %(count)d batches queued.",
                    len(batches),
                )
                % {"count": len(batches)},
            )
        else:
            self.message_user(request, gettext("This issue is not stalled."), messages.WARNING)
        return HttpResponseRedirect(sending_url(issue, "sending"))
