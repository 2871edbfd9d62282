"""
The admin's history in words people use: what each save did ("Edited headline and
standfirst.", "Published.", "Scheduled for 3 Dec 2026, 09:00 EET."), times to the
second with their zone, no entry for a save that changed nothing, and a comparison of
two versions that names the fields, tags and byline that differ.

Django's `construct_change_message` writes the admin's LogEntry; reversion's admin copies
that message into the revision's comment, so both say the same thing.
"""

from contextlib import contextmanager

import reversion
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.helpers import html_diff
from taggit.models import Tag, TaggedItem

from .models import ArticleAuthor, Correction, Status

# Times in the history, to the second: saves a minute apart must not read the same.
# The zone is settings.TIME_ZONE; "T" names it (EET, EEST).
HISTORY_TIME_FORMAT = "j M Y, H:i:s T"
# Publication times are set to the minute.
SCHEDULE_TIME_FORMAT = "j M Y, H:i T"

SCHEDULED = "scheduled"

# What the history says when an item moves to each state of the workflow.
STEP_PHRASES = {
    Status.DRAFT: _("Returned to draft"),
    Status.REVIEW: _("Submitted for review"),
    Status.PUBLISHED: _("Published"),
    Status.UNPUBLISHED: _("Unpublished"),
}
# Fields a workflow step names for itself.
WORKFLOW_FIELDS = {"status", "published_at"}


def history_time(moment, time_format=HISTORY_TIME_FORMAT):
    """`moment` in the site's time zone, as the history shows it."""
    return format_date(timezone.localtime(moment), time_format)


def publication_state(status, published_at, now):
    """The workflow status, with "scheduled" for published items whose time is to come."""
    if status == Status.PUBLISHED and published_at is not None and published_at > now:
        return SCHEDULED
    return status


def workflow_phrase(before, after):
    """What moving from `before` to `after`, each (status, published_at), did; "" for nothing."""
    now = timezone.now()
    old_state, new_state = (publication_state(*state, now) for state in (before, after))
    if new_state == SCHEDULED and (old_state != SCHEDULED or before[1] != after[1]):
        return gettext("Scheduled for %(time)s") % {
            "time": history_time(after[1], SCHEDULE_TIME_FORMAT)
        }
    if old_state == new_state:
        return ""
    return STEP_PHRASES[new_state]


def name_in_sentence(name):
    """A field's name inside a sentence: "standfirst", but "SEO title" keeps its capitals."""
    name = str(name)
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def and_list(words):
    """ "a", "a and b", "a, b and c"."""
    words = [str(word) for word in words]
    if len(words) < 2:
        return "".join(words)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(words[:-1]), "last": words[-1]}


def edited_fields(form):
    """The names of the fields whose stored value the save changed, as editors know them.

    The form reports what was submitted differently from what it showed, which is more:
    the rich-text editor writes the body's HTML its own way (attribute order, `rel`), and
    an empty standfirst or SEO description is filled in again from the body. So each such
    field is compared as stored, after the model sanitised and derived it.
    """
    instance = form.instance
    names = []
    for name in form.changed_data:
        if name in WORKFLOW_FIELDS:
            continue
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            names.append(form.fields[name].label or name)
            continue
        stored_as_before = (
            field.concrete
            and not field.many_to_many
            and field.value_from_object(instance) == form.initial.get(name)
        )
        if not stored_as_before:
            names.append(field.verbose_name)
    return [name_in_sentence(name) for name in names]


def formset_phrases(formset):
    """What saving an inline (byline, corrections) did, one phrase per kind of change."""
    phrases = []
    if formset.model is ArticleAuthor:
        if formset.new_objects or formset.changed_objects or formset.deleted_objects:
            phrases.append(gettext("Byline changed"))
        return phrases

    def name(obj):
        if isinstance(obj, Correction):
            return obj.get_kind_display()
        return capfirst(formset.model._meta.verbose_name)

    for obj in formset.new_objects:
        phrases.append(gettext("%(name)s added") % {"name": name(obj)})
    for obj, _fields in formset.changed_objects:
        phrases.append(gettext("%(name)s edited") % {"name": name(obj)})
    for obj in formset.deleted_objects:
        phrases.append(gettext("%(name)s removed") % {"name": name(obj)})
    return phrases


def sentences(phrases):
    """Phrases as the history's sentences: "Edited body. Published."; "" for none."""
    unique = dict.fromkeys(phrase for phrase in phrases if phrase)
    return " ".join(f"{capfirst(phrase)}." for phrase in unique)


def describe_save(form, formsets, add, before=None):
    """What a save through the admin's form did, in words; "" when it changed nothing.

    `before` is the (status, published_at) the item had; a new item starts as a draft.
    """
    instance = form.instance
    phrases = [gettext("Created")] if add else []
    if hasattr(instance, "status"):
        if before is None:
            before = (
                (Status.DRAFT, None)
                if add
                else (
                    # The workflow form keeps the status it was opened on: the status
                    # is the buttons' to set, not one of its fields.
                    getattr(form, "status_before", form.initial.get("status", instance.status)),
                    form.initial.get("published_at", instance.published_at),
                )
            )
        step = workflow_phrase(before, (instance.status, instance.published_at))
    else:
        step = ""
    if not add:
        fields = edited_fields(form)
        if fields:
            phrases.append(gettext("Edited %(fields)s") % {"fields": and_list(fields)})
        for formset in formsets:
            phrases += formset_phrases(formset)
    phrases.append(step)
    return sentences(phrases)


class ReadableHistoryAdmin(CompareVersionAdmin):
    """
    Reversion's admin history, for editors: each revision says what happened, times are
    to the second, and a save that changed nothing leaves no revision and no log entry.

    Revisions are kept by hand (`manage_manually`) rather than on every model save: the
    item is added once the save is described, so its version holds what the byline and
    tags became, and only when something changed.
    """

    object_history_template = "admin/history/object_history.html"
    compare_template = "admin/history/compare.html"
    # Related lists a version carries (reversion follows them), as (name, label); each is
    # shown by a `history_<name>(version)` method.
    history_relations = ()

    @contextmanager
    def create_revision(self, request):
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            yield
            restored = getattr(request, "restored_version", None)
            if restored is not None and getattr(request, "history_message", ""):
                # Reversion names a restore in its own words after the form is saved.
                reversion.set_comment(request.history_message)

    def construct_change_message(self, request, form, formsets, add=False):
        restored = getattr(request, "restored_version", None)
        if restored is None:
            return describe_save(form, formsets, add)
        # The form shows the restored version, so it compares the version with itself;
        # what changed is the item as it was before.
        before = request.state_before_restore
        step = ""
        if before is not None:
            step = workflow_phrase(before, (form.instance.status, form.instance.published_at))
        restored_at = history_time(restored.revision.date_created)
        return sentences(
            [gettext("Restored from the version of %(time)s") % {"time": restored_at}, step]
        )

    def log_addition(self, request, obj, message):
        return self._log_with_revision(request, obj, message, super().log_addition)

    def log_change(self, request, obj, message):
        return self._log_with_revision(request, obj, message, super().log_change)

    def _log_with_revision(self, request, obj, message, log):
        if not message:
            return None
        if reversion.is_active():
            # As stored, freshly loaded: the admin's copy has its byline prefetched from
            # before the inlines were saved, and a version keeps what it follows.
            reversion.add_to_revision(obj._meta.model._base_manager.get(pk=obj.pk))
        request.history_message = message
        return log(request, obj, message)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        current = self.get_object(request, unquote(object_id))
        request.restored_version = version
        request.state_before_restore = (
            (current.status, current.published_at) if hasattr(current, "status") else None
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.restored_version = get_object_or_404(Version, pk=version_id)
        request.state_before_restore = None
        return super().recover_view(request, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        return super().history_view(request, object_id, self.time_context(extra_context))

    def compare_view(self, request, object_id, extra_context=None):
        return super().compare_view(request, object_id, self.time_context(extra_context))

    def time_context(self, extra_context):
        return {
            "history_time_format": HISTORY_TIME_FORMAT,
            "history_time_zone": timezone.get_current_timezone_name(),
            **(extra_context or {}),
        }

    # Comparing two versions --------------------------------------------------------

    def compare(self, obj, version1, version2):
        """The fields that differ between two versions, as [{"label", "diff"}], and False
        for the library's "not under reversion control" note (related objects are shown
        by name, as they are now)."""
        rows = []
        for name, label in self.compared_fields(obj):
            show = getattr(self, f"history_{name}", None)
            old, new = (
                show(version) if show else self.history_value(obj, name, version)
                for version in (version1, version2)
            )
            if old != new:
                rows.append({"label": capfirst(label), "diff": html_diff(old, new)})
        return rows, False

    def compared_fields(self, obj):
        """(name, label) of what editors set: editable fields and lists, then the
        `history_relations`. Left out: the times the model keeps itself (created, updated)
        and links through a model of ours (an article's authors), which a relation shows
        (its byline)."""
        fields = []
        for field in [*obj._meta.concrete_fields, *obj._meta.many_to_many]:
            through = field.remote_field.through if field.many_to_many else None
            shown_elsewhere = (
                through is not None
                and not through._meta.auto_created
                and not hasattr(self, f"history_{field.name}")
            )
            if field.editable and not shown_elsewhere:
                fields.append((field.name, field.verbose_name))
        return fields + list(self.history_relations)

    def history_value(self, obj, name, version):
        """One field of a version as text: choices by label, times to the second, related
        objects by name."""
        field = obj._meta.get_field(name)
        value = version.field_dict.get(field.attname)
        if value is None or value == "":
            return ""
        if field.many_to_many:
            return ", ".join(
                str(item) for item in field.related_model._base_manager.filter(pk__in=value)
            )
        if field.is_relation:
            related = field.related_model._base_manager.filter(pk=value).first()
            return str(related) if related is not None else gettext("(deleted)")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if hasattr(value, "tzinfo"):
            return history_time(value)
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        return str(value)

    def history_tags(self, version):
        """The tags the version had, by name (their links are kept with the version)."""
        content_type = ContentType.objects.get_for_model(version._model)
        links = version.revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(TaggedItem)
        )
        tag_ids = [
            link.field_dict["tag_id"]
            for link in links
            if link.field_dict["content_type_id"] == content_type.pk
            and str(link.field_dict["object_id"]) == version.object_id
        ]
        return ", ".join(
            Tag.objects.filter(pk__in=tag_ids).order_by("name").values_list("name", flat=True)
        )
