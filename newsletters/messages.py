"""One issue as the email its readers get."""

from django.template.loader import render_to_string
from django.utils.html import strip_tags

from .links import site_url


def render_issue_email(issue, subscriber=None):
    """(subject, plain text, HTML) of `issue`, as sent to `subscriber` (None for a preview)."""
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "subscriber": subscriber,
        "archive_url": site_url(issue.newsletter.get_absolute_url()),
        "body_text": strip_tags(issue.body.replace("</p>", "</p>\n\n")).strip(),
    }
    return (
        issue.subject,
        render_to_string("newsletters/email/issue.txt", context),
        render_to_string("newsletters/email/issue.html", context),
    )
