from django import template

from .. import languages
from ..addresses import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The page shown, in each language: [{code, hreflang, name, url, translated, current, bidi}]."""
    request = context.get("request")
    if request is None:
        return []
    return languages.alternates(request, context.get("page"))


@register.simple_tag
def language_switch_url(alternate):
    url = alternate["url"]
    if not alternate["translated"]:
        url += ("&" if "?" in url else "?") + f"{languages.UNTRANSLATED_PARAMETER}=1"
    return languages.switch_address(alternate["code"], url)


@register.simple_tag(takes_context=True)
def localised(context, path):
    """`path` (an address of the English site, such as "/stories/") in the language shown."""
    return languages.localise_path(path)


@register.filter
def public_address(path):
    """`path` on the portal's public address (SITE_URL), whatever host the request named."""
    return absolute_url(path)
