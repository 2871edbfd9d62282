"""The reader's forms: joining lists, and choosing them again on the preferences page."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Newsletter, normalize_email


class ListChoiceField(forms.ModelMultipleChoiceField):
    """Lists as checkboxes, each labelled with its name; the templates add the rest."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, newsletter):
        return newsletter.name


class SubscribeForm(forms.Form):
    """An address and the public lists it joins.

    Addresses are checked harder than Django's EmailField alone: the address goes into a
    header of the confirmation email, and one that only looks like another (a Cyrillic
    "а" for a Latin "a", an invisible joiner) would send the link somewhere its reader
    cannot see.
    """

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
            "max_length": _("That address is too long for email (254 characters at most)."),
        },
    )
    newsletters = ListChoiceField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(is_public=True),
        error_messages={"required": _("Choose at least one newsletter.")},
    )

    def clean_email(self):
        address = self.cleaned_data["email"]
        if any(unicodedata.category(character).startswith("C") for character in address):
            # Line breaks would start a new mail header ("…\nBcc: …").
            raise ValidationError(
                gettext("An email address cannot contain line breaks or control characters.")
            )
        if not address.isascii():
            raise ValidationError(
                gettext(
                    "Type the address in plain Latin letters, digits and punctuation; for an "
                    "international domain, use its xn-- form."
                )
            )
        return normalize_email(address)


class PreferencesForm(forms.Form):
    """The lists a subscriber is on: the public ones, and any other they were put on."""

    newsletters = ListChoiceField(
        label=_("Your newsletters"), queryset=Newsletter.objects.none(), required=False
    )

    def __init__(self, *args, subscriber, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = (
            Newsletter.objects.filter(is_public=True) | subscriber.newsletters.all()
        ).distinct()
