"""
Two editors on one story: the edit form carries the version it was opened on, a save
against a newer version is refused with what the other person changed, and the form says
who else has the item open.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import localize
from django.utils.html import strip_tags
from reversion.models import Version

from authors.models import Author

from .models import EditSession

# The form's heartbeat comes every HEARTBEAT; a session not heard from for PRESENCE_TIMEOUT
# is someone who closed the tab (or lost the connection).
HEARTBEAT = timedelta(seconds=30)
PRESENCE_TIMEOUT = timedelta(seconds=90)
# How often the writing screen keeps a draft's unsaved text (see PublishableAdmin.autosave).
AUTOSAVE = timedelta(seconds=60)


def person_name(user):
    """What colleagues call `user`: their byline name when they have one."""
    author = Author.objects.filter(user=user).only("name").first()
    if author is not None:
        return author.name
    return user.get_full_name() or user.get_username()


def version_of(item):
    """The version an edit form is opened on: the time of the item's last save, which
    every save and every bulk change (PublishableQuerySet.update) moves on."""
    return item.updated_at.isoformat() if item.updated_at else ""


@dataclass
class Difference:
    label: str
    theirs: str
    yours: str


@dataclass
class EditConflict:
    """What happened to an item since an edit form was opened on it."""

    changed_by: str
    changed_at: object
    differences: list = field(default_factory=list)
    # False when no revision shows the item as the form was opened: the differences are
    # then all that differs from what is stored, the editor's own changes among them.
    knows_what_they_changed: bool = True


def as_text(value):
    """A stored or submitted value as an editor reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return localize(timezone.localtime(value))
    if isinstance(value, list | tuple | set | QuerySet):
        return ", ".join(sorted(str(part) for part in value)) or "—"
    return " ".join(strip_tags(str(value)).split()) or "—"


def stored_value(item, name):
    """The value of field `name` as stored, in a form comparable with a revision's."""
    model_field = item._meta.get_field(name)
    if name == "tags":
        return sorted(tag.name for tag in item.tags.all())
    if model_field.many_to_many:
        return sorted(str(pk) for pk in getattr(item, name).values_list("pk", flat=True))
    return getattr(item, model_field.attname)


def revision_value(fields, item, name):
    model_field = item._meta.get_field(name)
    value = fields.get(model_field.attname)
    if model_field.many_to_many and value is not None:
        return sorted(str(pk) for pk in value)
    return value


def find_conflict(form, opened_version):
    """An EditConflict when the item behind the bound admin `form` was saved after
    `opened_version`, else None. Call from the form's clean(), while form.instance still
    holds what is stored and cleaned_data what the editor submitted."""
    item = form.instance
    if not item.pk or opened_version == version_of(item):
        return None
    versions = Version.objects.get_for_object(item).select_related("revision__user")
    latest = versions.first()
    user = latest.revision.user if latest is not None else None
    conflict = EditConflict(
        changed_by=person_name(user) if user else "Someone",
        changed_at=item.updated_at,
    )
    opened_at = parse_datetime(opened_version) if opened_version else None
    # The item as the form showed it: its revision saved at or before that moment.
    opened = versions.filter(revision__date_created__lte=opened_at).first() if opened_at else None
    opened_fields = opened.field_dict if opened is not None else {}
    conflict.knows_what_they_changed = opened is not None
    model_fields = {model_field.name for model_field in item._meta.get_fields()}
    for name, form_field in form.fields.items():
        if name not in model_fields:
            continue
        stored = stored_value(item, name)
        # Knowing the version the form was opened on, show only what the other person
        # changed; without one (an item never saved in the admin), whatever differs.
        if (
            name != "tags"
            and opened is not None
            and revision_value(opened_fields, item, name) == stored
        ):
            continue
        theirs = getattr(item, name) if name != "tags" else stored
        if item._meta.get_field(name).many_to_many and name != "tags":
            theirs = list(theirs.all())
        yours = form.cleaned_data.get(name)
        if as_text(theirs) == as_text(yours):
            continue
        label = str(form_field.label or name)
        conflict.differences.append(
            Difference(label[:1].upper() + label[1:], as_text(theirs), as_text(yours))
        )
    return conflict


def record_presence(item, user):
    """Note that `user` has `item` open now; returns the others who have it open."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(item)
    session, created = EditSession.objects.get_or_create(
        content_type=content_type,
        object_id=item.pk,
        user=user,
        defaults={"opened_at": now, "seen_at": now},
    )
    if not created:
        if session.seen_at < now - PRESENCE_TIMEOUT:
            session.opened_at = now
        session.seen_at = now
        session.save(update_fields=["opened_at", "seen_at"])
    return others_present(item, user, content_type)


def others_present(item, user, content_type=None):
    """The other people with `item` open, earliest first, as (name, since) pairs."""
    content_type = content_type or ContentType.objects.get_for_model(item)
    sessions = (
        EditSession.objects.filter(
            content_type=content_type,
            object_id=item.pk,
            seen_at__gte=timezone.now() - PRESENCE_TIMEOUT,
        )
        .exclude(user=user)
        .select_related("user")
    )
    return [(person_name(session.user), session.opened_at) for session in sessions]
