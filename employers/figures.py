"""Figures other parts of the portal show (the home page's live counters), and the wall's set."""

import re

from django.db import connection
from django.db.models import Exists, OuterRef, Q

from employers.models import Employer, HiringPledge
from portal.regions import region_choices
from taxonomy.classifications import SectorChoices, SizeBand


def on_the_wall():
    """Verified employers with at least one active, public hiring pledge: the pledge wall's rows."""
    pledged = HiringPledge.objects.active().public().filter(employer=OuterRef("pk"))
    return Employer.objects.verified().filter(Exists(pledged))


def pledged_employers():
    return on_the_wall().count()


# The pledge wall's filters: shared by the wall page and the open data API, so they cannot drift.

MAX_SEARCH_LENGTH = 100
# A hiring pledge's reference as people type it: "HP-2026-00021", "hp 2026 00021", "HP2026-00021".
PLEDGE_REFERENCE = re.compile(r"^\s*HP[-\s]?(\d{4})[-\s]?(\d{5})\s*$", re.IGNORECASE)


def pledge_reference(text):
    """The canonical pledge reference ("HP-2026-00021") the text is, or "" when it is not one."""
    match = PLEDGE_REFERENCE.match(text or "")
    return f"HP-{match[1]}-{match[2]}" if match else ""


def public_pledge_by_reference(text):
    """The public pledge of a verified employer the text names by reference, or None (no query
    unless the text looks like a reference). Its verification page tells whether it is active."""
    reference = pledge_reference(text)
    if not reference:
        return None
    pledges = HiringPledge.objects.public().filter(
        reference=reference, employer__in=Employer.objects.verified()
    )
    return pledges.select_related("employer").first()


def _region_q(code):
    """Employers with their head office in the region or operating there."""
    if connection.features.supports_json_field_contains:
        operating = Q(regions_of_operation__contains=[code])
    else:  # SQLite: match the quoted code in the stored JSON list
        operating = Q(regions_of_operation__icontains=f'"{code}"')
    return Q(head_office_region=code) | operating


def _search_text(params):
    # A NUL byte is refused by PostgreSQL; nobody types one.
    return params.get("q", "").replace("\x00", "").strip()[:MAX_SEARCH_LENGTH]


def filtered_wall(params):
    """The wall's employers and the filters that applied; unknown values are ignored, never errors."""
    employers = on_the_wall()
    active = {}
    query = _search_text(params)
    if query:
        reference = pledge_reference(query)
        if reference:  # a pledge's reference finds its employer
            pledged = HiringPledge.objects.public().filter(employer=OuterRef("pk"), reference=reference)
            employers = employers.filter(Q(name__icontains=query) | Q(Exists(pledged)))
        else:
            employers = employers.filter(name__icontains=query)
        active["q"] = query
    sector = params.get("sector", "")
    if sector in SectorChoices.values:
        employers = employers.filter(sector=sector)
        active["sector"] = sector
    region = params.get("region", "")
    if region and region in dict(region_choices()):
        employers = employers.filter(_region_q(region))
        active["region"] = region
    size = params.get("size", "")
    if size in SizeBand.values:
        employers = employers.filter(size_band=size)
        active["size"] = size
    return employers, active
