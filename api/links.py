"""Absolute links to the portal's own pages and to the API's addresses."""

from django.urls import reverse

from portal.addresses import absolute_url
from portal.regions import region_name


def absolute(request, path):
    return absolute_url(path)


def api_url(request, name, **kwargs):
    return absolute_url(reverse(f"api:{name}", kwargs=kwargs))


def page_url(request, page):
    """A Wagtail page's public address (the site's root paths are cached per request)."""
    return absolute(request, page.get_url(request))


def coded(code, label):
    return {"code": str(code), "label": str(label)}


def region(code):
    return coded(code, region_name(code)) if code else None
