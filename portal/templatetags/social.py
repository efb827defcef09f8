"""Canonical link, Open Graph and Twitter card tags for every page, addresses from SITE_URL.

`{% social_meta %}` in base.html gives every page its tags from the Wagtail page in the context
(or the site's name); public templates pass what they know better:
`{% social_meta title=job.title description=... image=a_wagtail_image image_alt=... og_type="article" %}`.
Pages without their own picture share the site's card (portal/static/portal/social-card.png).
"""

from django import template
from django.templatetags.static import static
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.addresses import absolute_url

register = template.Library()

SITE_NAME = "Second Chance Portal"
DEFAULT_IMAGE = "portal/social-card.png"
DESCRIPTION_CHARS = 200


def _default_description():
    return _("The Second Chance Portal helps people who have served their sentence find work and acceptance.")


def _page_title(page):
    if not isinstance(page, Page):
        return ""
    if page.depth <= 2:  # the home page: its title ("Home") says nothing on a card
        return page.seo_title or SITE_NAME
    return page.seo_title or page.title


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context, title="", description="", image=None, image_alt="", og_type="website", url=""):
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    title = str(title or _page_title(page) or SITE_NAME)
    description = str(description or getattr(page, "search_description", "") or _default_description())
    description = Truncator(" ".join(description.split())).chars(DESCRIPTION_CHARS)
    if not url:
        url = page.get_url(request) if page is not None else request.path
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        image_url, width, height = absolute_url(rendition.url), rendition.width, rendition.height
        image_alt = image_alt or image.title
    else:
        image_url, width, height = absolute_url(static(DEFAULT_IMAGE)), 1200, 630
        image_alt = _("Second Chance Portal: work and acceptance after prison")
    return {
        "card_title": title,
        "description": description,
        "url": absolute_url(url),
        "image_url": image_url,
        "image_width": width,
        "image_height": height,
        "image_alt": image_alt,
        "og_type": og_type,
        "site_name": SITE_NAME,
        "meta_description": page is not None and not getattr(page, "search_description", ""),
    }
