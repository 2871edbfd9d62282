"""Admin form settings shared by every app."""

from django.db import models

# Editors paste bare domains; the web is https now (and Django 6 will assume it too).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}
