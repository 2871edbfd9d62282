"""{% desk %}: the admin front page's panels of work to do (see articles.desk)."""

from django import template

from articles.desk import desk_panels

register = template.Library()


@register.inclusion_tag("admin/_desk.html", takes_context=True)
def desk(context):
    return {"panels": desk_panels(context["request"])}
