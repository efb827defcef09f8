from django.utils.functional import SimpleLazyObject

from .areas import cached_areas_of


def account_areas(request):
    """`account_areas` in every template: the areas the person belongs to, for the site header.

    Lazy, so a page that does not show them (or an anonymous visitor) costs no query; from the
    shared cache while nothing that decides them has changed (areas.cached_areas_of)."""
    user = getattr(request, "user", None)
    return {"account_areas": SimpleLazyObject(lambda: cached_areas_of(user))}
