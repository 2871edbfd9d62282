"""
Names and descriptions in the other editions, kept with the row that has them (an
author's bio, a section's name) as {"uk": {"name": …}}: one column, no join, for rows
that every page shows.
"""

from django.utils.translation import get_language


def in_language(instance, field, language=None):
    """`instance.<field>` in `language` (the active one by default): the translation in
    `instance.translations` when there is one, else the field's own value."""
    language = language or get_language()
    translated = (instance.translations or {}).get(language, {}).get(field, "")
    return translated or getattr(instance, field)
