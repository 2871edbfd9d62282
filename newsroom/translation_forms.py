"""
The admin's fields for what a row shows in the other editions (an author's name, role
and bio, a section's name and description): one field per language and per translated
field, "Name (Українська)", read from and written to the row's `translations`
(newsroom/translations.py). Empty fields are left out of it, so the page falls back to
the default edition's text.
"""

from django import forms
from django.conf import settings


def other_languages():
    """(code, name) of every language but the default edition's."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def form_field_name(field, language):
    return f"{field}_{language}"


class TranslationsForm(forms.ModelForm):
    """Shows `translations` as the fields translations_form declared and stores them
    back, without the empty ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for language, _ in other_languages():
            for field in self._meta.model.TRANSLATED_FIELDS:
                value = stored.get(language, {}).get(field, "")
                self.initial.setdefault(form_field_name(field, language), value)

    def clean(self):
        cleaned_data = super().clean()
        # Languages no longer in LANGUAGES keep what they had.
        translations = {
            language: values
            for language, values in (self.instance.translations or {}).items()
            if language not in dict(other_languages())
        }
        for language, _ in other_languages():
            values = {}
            for field in self._meta.model.TRANSLATED_FIELDS:
                value = (cleaned_data.get(form_field_name(field, language)) or "").strip()
                if value:
                    values[field] = value
            if values:
                translations[language] = values
        self.instance.translations = translations
        return cleaned_data


def translations_form(model):
    """A form for `model` with a field for each of `model.TRANSLATED_FIELDS` in each
    other language, labelled like the field with the language's name."""
    declared = {}
    for language, language_name in other_languages():
        for field in model.TRANSLATED_FIELDS:
            formfield = model._meta.get_field(field).formfield(required=False)
            formfield.label = f"{formfield.label} ({language_name})"
            # Spelling and screen readers follow the text's language.
            formfield.widget.attrs["lang"] = language
            formfield.widget.attrs["class"] = (
                "vLargeTextField" if isinstance(formfield.widget, forms.Textarea) else "vTextField"
            )
            declared[form_field_name(field, language)] = formfield
    return type(f"{model.__name__}TranslationsForm", (TranslationsForm,), declared)


def translation_fieldsets(model):
    """One admin fieldset per other language, headed by its name."""
    return [
        (
            language_name,
            {"fields": [form_field_name(field, language) for field in model.TRANSLATED_FIELDS]},
        )
        for language, language_name in other_languages()
    ]
