"""
{% cachedfragment "name" [vary ...] %}…{% endcachedfragment %}: render once, reuse on
every page until something the fragment shows changes (see newsroom.pagecache).

{% teaser item "template.html" [option=value ...] %}: an item's card or News Feed entry,
kept per item until the item or what it shows with it changes.
"""

from django import template
from django.template.loader import get_template

from newsroom.pagecache import cached_fragment, cached_teaser

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        name = ":".join(str(part.resolve(context)) for part in self.parts)
        return cached_fragment(name, lambda: self.nodelist.render(context))


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
