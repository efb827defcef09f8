"""ISO 3166-2 regions of the country the portal serves (settings.PORTAL_COUNTRY)."""

from functools import cache

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def _regions(country):
    subdivisions = pycountry.subdivisions.get(country_code=country) or []
    # pycountry appends other-language names in brackets: "Cardiff [Caerdydd GB-CRD]".
    named = ((s.code, s.name.split(" [")[0]) for s in subdivisions)
    return tuple(sorted(named, key=lambda pair: pair[1]))


def region_choices():
    return list(_regions(settings.PORTAL_COUNTRY))


@cache
def _names(country):
    return dict(_regions(country))


def region_name(code):
    return _names(settings.PORTAL_COUNTRY).get(code, code)


def validate_region(code):
    if code and code not in _names(settings.PORTAL_COUNTRY):
        raise ValidationError(_("%(code)s is not a region of this country."), params={"code": code})


# Which regions lie inside which: the place rule of matching, and the engines that apply it.


@cache
def _geography(country):
    """(parent of each region, all regions under each region) for the country's subdivisions."""
    subdivisions = pycountry.subdivisions.get(country_code=country) or []
    parent = {s.code: s.parent_code for s in subdivisions}
    below = {}
    for code in parent:
        ancestor = parent[code]
        while ancestor:
            below.setdefault(ancestor, set()).add(code)
            ancestor = parent.get(ancestor)
    return parent, {code: frozenset(codes) for code, codes in below.items()}


def region_parent(code):
    return _geography(settings.PORTAL_COUNTRY)[0].get(code)


def regions_under(code):
    """The regions inside `code` (a nation's districts), not `code` itself."""
    return _geography(settings.PORTAL_COUNTRY)[1].get(code, frozenset())


def region_ancestors(code):
    ancestors, parent = [], region_parent(code)
    while parent:
        ancestors.append(parent)
        parent = region_parent(parent)
    return ancestors
