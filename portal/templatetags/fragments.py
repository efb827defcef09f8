"""`{% shared_fragment "name" value... %}…{% endshared_fragment %}`: see portal/fragments.py."""

from django import template
from django.utils.safestring import mark_safe

from .. import fragments

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = fragments.shared(context.get("request"), name, parts, lambda: self.nodelist.render(context))
        return mark_safe(html)  # nosec B308 B703 # the template's own rendered (escaped) output


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
