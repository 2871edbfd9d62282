"""
{% cachedfragment "name" [vary ...] %}…{% endcachedfragment %}: render once, reuse on
every page until something the fragment shows changes (see newsroom.pagecache).
"""

from django import template

from newsroom.pagecache import cached_fragment

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
