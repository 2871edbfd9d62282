"""
One story in several languages, as editors handle it in the admin: every kind's form
names the item's language and its translations, links an existing item of another
language or unlinks it, and starts the missing version from this one; the lists show
and filter the languages. The rule of what may be linked is the model's
(`Publishable.link_translation`); this module asks it and turns its refusals into form
errors.

Contributors link and unlink only among items they may change (their own drafts and
items in review), so a story someone else has published never gains or loses a
version by their hand; editors may link and unlink anything.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext, gettext_lazy
from taggit.utils import edit_string_for_tags

# The fields of the translations part of the form (not the model's).
LINK_FIELD = "translation_link"
UNLINK_FIELD = "translation_unlink"


def language_name(code):
    """The language's name in the admin's own language: "Ukrainian" to an editor
    reading English (settings.LANGUAGES names each in itself, for readers)."""
    return get_language_info(code)["name_translated"]


def version_annotation(language):
    return f"has_{language}_version"


def other_versions(model):
    """Whether an item's translation group holds another item, as a subquery."""
    return model.objects.filter(translation_group=OuterRef("translation_group")).exclude(
        pk=OuterRef("pk")
    )


def linking_refusal(item, other):
    """The model's refusal to link `other` to `item`, or None, without linking them:
    `link_translation` runs in a savepoint that is then rolled back."""
    groups = item.translation_group, other.translation_group
    try:
        with transaction.atomic():
            item.link_translation(other)
            transaction.set_rollback(True)
    except ValidationError as refusal:
        return refusal
    finally:
        item.translation_group, other.translation_group = groups
    return None


class TranslationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({language_name(obj.language)}, {obj.get_status_display().lower()})"


class TranslationLinkForm(forms.ModelForm):
    """The translations part of an item's form. PublishableAdmin.get_form sets, per
    request, the items the user may link (`translation_candidates`) and whether they
    may unlink this one (`may_unlink`)."""

    translation_link = TranslationChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Link a version in another language"),
        help_text=gettext_lazy(
            "An item of the same kind in another language, with no version in this one "
            "yet. Linked when you save, the two are one story in two languages."
        ),
    )
    translation_unlink = forms.BooleanField(
        required=False,
        label=gettext_lazy("Unlink from its translations"),
        help_text=gettext_lazy("The other versions stay linked to each other."),
    )

    translation_candidates = None
    may_unlink = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            # The select always sends one; a POST without it keeps the item's edition.
            self.fields["language"].required = False
        if LINK_FIELD in self.fields:
            candidates = self.translation_candidates
            self.fields[LINK_FIELD].queryset = (
                candidates if candidates is not None else self._meta.model.objects.none()
            )
        if not self.may_unlink:
            # Not offered (TranslationsAdminMixin.translation_fieldsets), and a crafted
            # POST's value is ignored.
            self.fields[UNLINK_FIELD].disabled = True

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def _post_clean(self):
        super()._post_clean()
        other = self.cleaned_data.get(LINK_FIELD)
        unlinking = self.cleaned_data.get(UNLINK_FIELD)
        if other is not None and unlinking:
            self.add_error(
                UNLINK_FIELD, gettext("Link a version or unlink this one, not both at once.")
            )
        elif other is not None:
            # The instance already carries the submitted language.
            refusal = linking_refusal(self.instance, other)
            if refusal is not None:
                self.add_error(LINK_FIELD, refusal)
        language = self.cleaned_data.get("language")
        if (
            "language" in self.changed_data
            and not unlinking
            and self.instance.translations.filter(language=language).exists()
        ):
            # Caught here, not by the database: the group is not a field of the form.
            self.add_error(
                "language",
                gettext(
                    "This story already has a version in %(language)s. Unlink this item "
                    "first, or choose another language."
                )
                % {"language": language_name(language)},
            )


class TranslationFilter(admin.SimpleListFilter):
    """Items with a version in another language, or without one."""

    title = gettext_lazy("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("Has one")), ("no", gettext_lazy("Lacks one"))]

    def queryset(self, request, queryset):
        others = Exists(other_versions(queryset.model))
        if self.value() == "yes":
            return queryset.filter(others)
        if self.value() == "no":
            return queryset.filter(~others)
        return queryset


class TranslationsAdminMixin:
    """What PublishableAdmin does with languages and translations; see the module's
    docstring. `translation_starters` names the fields a new version copies from the
    item it translates (what an editor starts from, never the text)."""

    translation_starters = ["tags"]

    # The list ------------------------------------------------------------------------

    def get_queryset(self, request):
        # One EXISTS per language: the languages column costs no query per row.
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    version_annotation(code): Exists(
                        other_versions(self.model).filter(language=code)
                    )
                    for code, _ in settings.LANGUAGES
                }
            )
        )

    def get_list_display(self, request):
        return [*super().get_list_display(request), "languages"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), "language", TranslationFilter]

    @admin.display(description=gettext_lazy("Language"), ordering="language")
    def languages(self, obj):
        """The item's language, then those of its translations: "EN", "+ UK"."""
        others = [
            code.upper()
            for code, _ in settings.LANGUAGES
            if code != obj.language and getattr(obj, version_annotation(code), False)
        ]
        return format_html(
            '<span class="list-language" title="{}">{}</span>{}',
            language_name(obj.language),
            obj.language.upper(),
            "+ " + " + ".join(others) if others else "",
        )

    # The form ------------------------------------------------------------------------

    def translation_fieldsets(self, request, obj):
        """The language, near the top of the side column, and the way to link or
        unlink a version (not for someone who may only read the item)."""
        fieldsets = [
            (gettext("Language"), {"classes": ["side", "edition"], "fields": ["language"]})
        ]
        if obj is None or self.has_change_permission(request, obj):
            fields = [LINK_FIELD]
            if obj is not None and obj.translation_group and self.may_unlink(request, obj):
                fields.append(UNLINK_FIELD)
            fieldsets.append((None, {"classes": ["side", "translations"], "fields": fields}))
        return fieldsets

    def translation_candidates(self, request, obj):
        """The items the user may link to `obj` (or, for a new item, to one in the
        language asked for): of the other languages, without a version in any
        language `obj`'s group already has, and for contributors only their own."""
        if obj is None:
            taken = {request.GET.get("language") or settings.LANGUAGE_CODE}
        else:
            taken = {obj.language, *obj.translations.values_list("language", flat=True)}
        model = self.model
        clashing = model.objects.filter(language__in=taken, translation_group__isnull=False).values(
            "translation_group"
        )
        candidates = (
            model.objects.exclude(language__in=taken)
            .exclude(translation_group__in=clashing)
            .order_by("-created_at", "-pk")
        )
        if not self.has_publish_permission(request):
            # Joining their item's group would change an item they may not change.
            candidates = self.changeable(request, candidates).filter(translation_group=None)
        return candidates

    def may_unlink(self, request, obj):
        """Editors unlink any item; contributors only one whose whole group they may
        change."""
        if obj is None or self.has_publish_permission(request):
            return True
        group = obj.translations
        return self.changeable(request, group).count() == group.count()

    def translation_source(self, request):
        """The item a new version is started from (?translation_link=pk), if any."""
        try:
            pk = int(request.GET.get(LINK_FIELD, ""))
        except ValueError:
            return None
        return self.model._default_manager.filter(pk=pk).first()

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        source = self.translation_source(request)
        if source is None:
            return initial
        starters = {}
        for name in self.translation_starters:
            field = self.model._meta.get_field(name)
            if name == "tags":
                starters[name] = edit_string_for_tags(list(source.tags.all()))
            elif field.many_to_many:
                starters[name] = list(getattr(source, name).values_list("pk", flat=True))
            else:
                starters[name] = field.value_from_object(source)
        return {**starters, **initial}

    def translations_context(self, request, obj):
        """What admin/articles/_translations.html shows: the linked versions, and a
        button to start each missing one."""
        versions = []
        taken = {settings.LANGUAGE_CODE} if obj is None else {obj.language}
        if obj is not None and obj.pk:
            for version in obj.translations.order_by("language"):
                taken.add(version.language)
                versions.append(
                    {
                        "item": version,
                        "language": language_name(version.language),
                        "url": reverse(
                            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                            args=[version.pk],
                        ),
                    }
                )
        starts = []
        if (
            obj is not None
            and obj.pk
            and self.has_add_permission(request)
            and self.has_change_permission(request, obj)
        ):
            add_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_add")
            starts = [
                {
                    "label": gettext("Add the %(language)s version")
                    % {"language": language_name(code)},
                    "url": f"{add_url}?{urlencode({'language': code, LINK_FIELD: obj.pk})}",
                }
                for code, _ in settings.LANGUAGES
                if code not in taken
            ]
        return {"translations_panel": {"versions": versions, "starts": starts}}

    def save_translation_link(self, request, obj, form):
        """Link or unlink as the form asked, after the item is saved."""
        other = form.cleaned_data.get(LINK_FIELD)
        try:
            if other is not None:
                obj.link_translation(other)
                self.message_user(
                    request,
                    gettext("Linked “%(other)s” as the %(language)s version.")
                    % {"other": other, "language": language_name(other.language)},
                )
            elif form.cleaned_data.get(UNLINK_FIELD):
                obj.unlink_translation()
                self.message_user(request, gettext("Unlinked from its translations."))
        except ValidationError as refusal:
            # Someone linked another version in the meantime; the save stands.
            self.message_user(request, " ".join(refusal.messages), level=messages.ERROR)
