"""The place rule of matching, written once: where a graduate would work and whether a job's
place fits (see matching/scoring.py for the whole rule). The search engines apply the same
rule to find candidates, from `place_regions`."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from jobs.models import RemoteOption
from portal.regions import region_name, region_parent, regions_under


@dataclass(frozen=True)
class PlaceRegions:
    """Where a graduate would work: `anywhere` (no preference), else the sets below."""

    anywhere: bool
    preferred: frozenset  # the preferred regions and every region inside them
    nearby: frozenset  # regions reachable by travel (same parent as a preferred one); empty if unwilling


def place_regions(graduate):
    codes = [code for code in (graduate.preferred_regions or []) if code]
    if not codes:
        return PlaceRegions(True, frozenset(), frozenset())
    preferred = set(codes)
    for code in codes:
        preferred |= regions_under(code)
    nearby = set()
    if graduate.willing_to_travel:
        for code in codes:
            parent = region_parent(code)
            if parent:
                nearby |= regions_under(parent)
    return PlaceRegions(False, frozenset(preferred), frozenset(nearby))


def place_reason(graduate, job, regions=None):
    """Why the job's place fits the graduate, in plain words; None when it does not fit."""
    regions = regions or place_regions(graduate)
    name = region_name(job.region)
    if job.remote == RemoteOption.REMOTE:
        if graduate.wants_remote:
            return _("Remote job")
        if regions.anywhere or job.region in regions.preferred:
            return _("Remote job, based in a preferred region: %(region)s") % {"region": name}
        return None
    hybrid = job.remote == RemoteOption.HYBRID
    if job.region in regions.preferred:
        text = _("Same region: %(region)s")
    elif regions.anywhere:
        text = _("Any region suits: %(region)s")
    elif graduate.willing_to_relocate:
        text = _("Willing to relocate to %(region)s")
    elif job.region in regions.nearby:
        text = _("Willing to travel to %(region)s")
    else:
        return None
    text %= {"region": name}
    return _("%(reason)s (hybrid job)") % {"reason": text} if hybrid else text
