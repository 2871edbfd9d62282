"""
The desk: what the admin's front page puts before staff. Pieces waiting for review,
what is scheduled, the user's own drafts, what went live lately, and photos that would
stop an article from being published.

It lives here, beside the workflow it reports on (Status, PublishableAdmin's rules, Photo),
and reads the kinds from the registry (newsroom.kinds), so a kind whose admin is a
PublishableAdmin appears without being named. Each person sees only the rows the admin
would let them change (PublishableAdmin.changeable, PhotoQuerySet.editable_by).

The number of queries is fixed whatever the number of items: per kind, one aggregate
counts every panel and one LIMITed query per panel fetches its first rows (plus their
bylines); photos are a count and a query.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from newsroom import kinds

from .admin import PublishableAdmin
from .models import Photo, Status, staff_name

ROWS_PER_PANEL = 8
RECENT = timedelta(days=7)


@dataclass
class Row:
    title: str
    url: str
    kind: str
    people: list
    # The time that matters in this panel, and its words: "goes live".
    when_label: str
    when: datetime
    # What is wrong with it, when that is why it is listed.
    note: str = ""


@dataclass
class Link:
    """One kind's full list in the admin, filtered as the panel is."""

    label: str
    url: str


@dataclass
class Panel:
    name: str
    title: str
    empty: str
    count: int = 0
    rows: list = field(default_factory=list)
    links: list = field(default_factory=list)
    # A line under the title saying what the panel covers, when the title does not.
    scope: str = ""


def address_time(moment):
    """A moment for a changelist's address: to the second, with its offset."""
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class Queue:
    """A panel of publishable items: which ones, in what order, and what time each shows."""

    name: str
    title: str
    empty: str
    # Its items are in this status, which decides who may see the panel at all
    # (PublishableAdmin.may_change_status).
    status: str
    ordering: tuple
    time_field: str
    when_label: str
    scope: str
    # (model, user, now) -> Q: which items of the status belong in the panel.
    narrow: Callable = lambda model, user, now: Q()
    # now -> the admin changelist's query parameters, beyond the status, for the same items.
    changelist_filter: Callable = lambda now: {}

    def items(self, model, user, now):
        return Q(status=self.status) & self.narrow(model, user, now)

    def changelist_url(self, model, now):
        parameters = {"status__exact": self.status, **self.changelist_filter(now)}
        return f"{admin_url(model._meta, 'changelist')}?{urlencode(parameters)}"


QUEUES = (
    Queue(
        name="review",
        title=_("Ready for review"),
        empty=_("Nothing is waiting for review."),
        status=Status.REVIEW,
        ordering=("updated_at", "pk"),
        time_field="updated_at",
        when_label=_("last changed"),
        scope=_("Oldest first"),
    ),
    Queue(
        name="scheduled",
        title=_("Scheduled"),
        empty=_("Nothing is scheduled."),
        status=Status.PUBLISHED,
        ordering=("published_at", "pk"),
        time_field="published_at",
        when_label=_("goes live"),
        scope=_("Next first"),
        narrow=lambda model, user, now: Q(published_at__gt=now),
        changelist_filter=lambda now: {"published_at__gt": address_time(now)},
    ),
    Queue(
        name="drafts",
        title=_("My drafts"),
        empty=_("You have no drafts."),
        status=Status.DRAFT,
        ordering=("-updated_at", "-pk"),
        time_field="updated_at",
        when_label=_("last changed"),
        scope=_("Started by you or with you in the byline"),
        narrow=lambda model, user, now: Q(pk__in=model.objects.owned_by(user).values("pk")),
        changelist_filter=lambda now: {"mine": "yes"},
    ),
    Queue(
        name="recent",
        title=_("Recently published"),
        empty=_("Nothing was published in the last 7 days."),
        status=Status.PUBLISHED,
        ordering=("-published_at", "-pk"),
        time_field="published_at",
        when_label=_("went live"),
        scope=_("The last 7 days, newest first"),
        narrow=lambda model, user, now: Q(published_at__lte=now, published_at__gt=now - RECENT),
        changelist_filter=lambda now: {
            "published_at__gt": address_time(now - RECENT),
            "published_at__lte": address_time(now),
        },
    ),
)


def admin_url(opts, view, *args):
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def desk_kinds(request):
    """(kind, its admin) for each registered kind whose admin keeps the publishing rules
    and lets the user change some of its items."""
    found = []
    for kind in kinds.registered():
        if not admin.site.is_registered(kind.model):
            continue
        model_admin = admin.site.get_model_admin(kind.model)
        if isinstance(model_admin, PublishableAdmin) and model_admin.has_change_permission(request):
            found.append((kind, model_admin))
    return found


def publishable_panels(request, now):
    """The panels of publishable items, in QUEUES order, each with the rows the user may
    change; a panel whose status no kind lets the user change is left out."""
    user = request.user
    panels = {}
    for kind, model_admin in desk_kinds(request):
        model = kind.model
        queues = [queue for queue in QUEUES if model_admin.may_change_status(request, queue.status)]
        if not queues:
            continue
        changeable = model_admin.changeable(request, model.objects.all())
        counts = changeable.aggregate(
            **{queue.name: Count("pk", filter=queue.items(model, user, now)) for queue in queues}
        )
        for queue in queues:
            panel = panels.setdefault(
                queue.name, Panel(queue.name, queue.title, queue.empty, scope=queue.scope)
            )
            count = counts[queue.name]
            panel.count += count
            if not count:
                continue
            items = (
                changeable.filter(queue.items(model, user, now))
                .with_people()
                .order_by(*queue.ordering)[:ROWS_PER_PANEL]
            )
            panel.rows += [publishable_row(item, model, queue) for item in items]
            panel.links.append(
                Link(
                    kind.counted(count),
                    queue.changelist_url(model, now),
                )
            )
    shown = [queue for queue in QUEUES if queue.name in panels]
    for queue in shown:
        panels[queue.name].rows = merged(panels[queue.name].rows, queue)
    return [panels[queue.name] for queue in shown]


def merged(rows, queue):
    """The panel's first rows across kinds, in the queue's order."""
    newest_first = queue.ordering[0].startswith("-")
    return sorted(rows, key=lambda row: row.when, reverse=newest_first)[:ROWS_PER_PANEL]


def publishable_row(item, model, queue):
    return Row(
        title=str(item),
        url=admin_url(model._meta, "change", quote(item.pk)),
        kind=model._meta.verbose_name.capitalize(),
        people=item.people,
        when_label=queue.when_label,
        when=getattr(item, queue.time_field),
    )


def photo_panel(request):
    """Photos without alt text or credit that the user may change; None without the
    right to change photos."""
    if not admin.site.get_model_admin(Photo).has_change_permission(request):
        return None
    photos = Photo.objects.missing_credits().editable_by(request.user)
    panel = Panel(
        "photos",
        gettext("Photos missing alt text or credit"),
        gettext("Every photo has its alt text and credit."),
        count=photos.count(),
        scope=gettext("An article cannot be published with one as its hero photo"),
    )
    if panel.count:
        for photo in photos.select_related("uploaded_by")[:ROWS_PER_PANEL]:
            if not photo.alt_text and not photo.credit:
                note = gettext("needs alt text and a credit")
            elif not photo.alt_text:
                note = gettext("needs alt text")
            else:
                note = gettext("needs a credit")
            panel.rows.append(
                Row(
                    title=photo.alt_text
                    or gettext("Photo %(number)s, without alt text") % {"number": photo.pk},
                    url=admin_url(Photo._meta, "change", quote(photo.pk)),
                    kind=gettext("Photo"),
                    people=[staff_name(photo.uploaded_by)] if photo.uploaded_by else [],
                    when_label=gettext("uploaded"),
                    when=photo.created_at,
                    note=note,
                )
            )
        changelist = admin_url(Photo._meta, "changelist")
        panel.links.append(
            Link(
                ngettext("%(count)d photo", "%(count)d photos", panel.count)
                % {"count": panel.count},
                f"{changelist}?{urlencode({'credit': 'missing'})}",
            )
        )
    return panel


def desk_panels(request):
    """The desk's panels for the signed-in user, in the order they are shown."""
    now = timezone.now()
    panels = publishable_panels(request, now)
    photos = photo_panel(request)
    return [*panels, photos] if photos else panels
