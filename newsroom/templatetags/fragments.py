"""
{% cachedfragment "name" [vary ...] %}…{% endcachedfragment %}: render once, reuse on
every page until something the fragment shows changes (see newsroom.pagecache). A model
instance among the vary parts names the fragment by its row and is one of its
dependencies, with the related rows loaded alongside it.

{% teaser item "template.html" [option=value ...] %}: an item's card or News Feed entry,
kept per item until the item or what it shows with it changes.
"""

from django import template
from django.db.models import Model
from django.template.loader import get_template

from newsroom.pagecache import cached_fragment, cached_teaser, shown_tags

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        names, depends = [], []
        for part in self.parts:
            value = part.resolve(context)
            if isinstance(value, Model):
                # A row named in the key is one the fragment shows, loaded before it.
                tags = shown_tags(value)
                names.append(tags[0])
                depends += tags
            else:
                names.append(str(value))
        return cached_fragment(
            ":".join(names), lambda: self.nodelist.render(context), depends=depends
        )


@register.tag("cachedfragment")
def do_cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedfragment needs a name.")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


@register.simple_tag
def teaser(item, template_name, **options):
    """`template_name` rendered with the item under its model's name (`article`, `quote`,
    `video`) and the options; it sees nothing else of the page."""
    context = {item._meta.model_name: item, **options}
    variant = f"{template_name}|{sorted(options.items())}"
    # The rendered template is a SafeString, and stays one through the cache (pickled).
    return cached_teaser(item, variant, lambda: get_template(template_name).render(context))
