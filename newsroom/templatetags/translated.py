"""Names and descriptions in the edition being drawn, a builtin of every template:
`{{ author|translated:"bio" }}`."""

from django import template

register = template.Library()


@register.filter
def translated(instance, field):
    """`instance.<field>` (an author's name, role or bio, a section's name or
    description) in the active language, or the field itself when it has no
    translation there."""
    if instance is None:
        return ""
    return instance.translated(field)
