"""
What the site holds about a subscriber, for their right of access (export) and their
right to erasure (erase): from the admin's subscriber list and from
`manage.py subscriber export|erase ADDRESS`.

Erasing deletes the subscriber row with its subscriptions and the log of every copy
sent to it, and the admin's history of the row (which names the address). The links in
emails already sent were signed with the row's key, so they die with it.
"""

import json

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Subscriber, normalize_email


def find(address):
    """The subscriber with `address`, however it was typed, or None."""
    return Subscriber.objects.filter(email=normalize_email(address)).first()


def export(subscriber):
    """Everything held about `subscriber`, as plain data. The key is left out: it is no
    fact about the reader but the secret their links are signed with."""
    return {
        "email": subscriber.email,
        "created_at": subscriber.created_at,
        "confirmation_sent_at": subscriber.confirmation_sent_at,
        "confirmed_at": subscriber.confirmed_at,
        "suppressed_at": subscriber.suppressed_at,
        "suppression_reason": subscriber.suppression_reason,
        "subscriptions": [
            {"newsletter": subscription.newsletter.name, "since": subscription.created_at}
            for subscription in subscriber.subscription_set.select_related("newsletter")
        ],
        "deliveries": [
            {
                "newsletter": delivery.issue.newsletter.name,
                "issue": delivery.issue.subject,
                "status": delivery.status,
                "attempts": delivery.attempts,
                "sent_at": delivery.sent_at,
                "message_id": delivery.message_id,
                "error": delivery.error,
            }
            for delivery in subscriber.deliveries.select_related("issue__newsletter").order_by("pk")
        ],
    }


def as_json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


@transaction.atomic
def erase(subscribers):
    """Delete `subscribers` (a queryset) and all that hangs on them; how many were erased."""
    pks = list(subscribers.values_list("pk", flat=True))
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber),
        object_id__in=[str(pk) for pk in pks],
    ).delete()
    Subscriber.objects.filter(pk__in=pks).delete()
    return len(pks)


@admin.action(
    description=_("Export everything held about the selected subscribers"), permissions=["view"]
)
def export_subscribers(modeladmin, request, queryset):
    response = HttpResponse(
        as_json([export(subscriber) for subscriber in queryset]),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="subscribers.json"'
    return response


@admin.action(
    description=_("Erase the selected subscribers and all held about them"), permissions=["delete"]
)
def erase_subscribers(modeladmin, request, queryset):
    """Asks first, like Django's own delete action; erases on the confirming POST."""
    if request.POST.get("erase") == "yes":
        count = erase(queryset)
        modeladmin.message_user(
            request,
            ngettext("Erased %(count)d subscriber.", "Erased %(count)d subscribers.", count)
            % {"count": count},
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/newsletters/erase_confirmation.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": gettext("Erase subscribers?"),
            "subscribers": queryset,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )
