"""Which active mentors suit a mentor request, best first, each with its reasons in plain words
(in the style of matching's explanations): the same region as the provider, the languages asked
for, the role asked for, and how many graduates the mentor already sees."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.regions import region_ancestors, region_name
from taxonomy.classifications import LANGUAGE_NAMES
from volunteers.models import Role, Volunteer

WEIGHTS = {"region": 3.0, "nearby": 1.5, "language": 2.0, "role": 2.5, "busy": -1.0}


@dataclass
class Candidate:
    volunteer: Volunteer
    score: float = 0.0
    reasons: list = field(default_factory=list)


def _near(region, other):
    """Two regions in the same larger area (a county's districts, a nation's)."""
    return bool(set(region_ancestors(region)) & set(region_ancestors(other)))


def candidates_for(request, limit=10):
    """Active mentors ranked for `request`; one query whatever the number of mentors."""
    mentors = Volunteer.objects.mentors().annotate(
        current_matches=Count("mentorships", filter=Q(mentorships__ended_at__isnull=True))
    )
    ranked = [_candidate(request, mentor) for mentor in mentors]
    ranked.sort(
        key=lambda candidate: (-candidate.score, candidate.volunteer.current_matches, candidate.volunteer.pk)
    )
    return ranked[:limit]


def _candidate(request, mentor):
    candidate = Candidate(mentor)
    region = request.provider.region
    if mentor.region == region:
        candidate.score += WEIGHTS["region"]
        candidate.reasons.append(
            _("Same region as the provider: %(region)s") % {"region": region_name(region)}
        )
    elif _near(mentor.region, region):
        candidate.score += WEIGHTS["nearby"]
        candidate.reasons.append(
            _("Lives nearby: %(region)s, close to %(provider_region)s")
            % {"region": region_name(mentor.region), "provider_region": region_name(region)}
        )
    else:
        candidate.reasons.append(
            _("Another region: %(region)s (the provider is in %(provider_region)s)")
            % {"region": region_name(mentor.region), "provider_region": region_name(region)}
        )
    wanted = list(request.languages or [])
    spoken = [code for code in wanted if code in (mentor.languages or [])]
    if spoken:
        candidate.score += WEIGHTS["language"] * len(spoken) / len(wanted)
        names = ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in spoken)
        candidate.reasons.append(
            ngettext(
                "Speaks the language asked for: %(languages)s",
                "Speaks languages asked for: %(languages)s",
                len(spoken),
            )
            % {"languages": names}
        )
    missing = [code for code in wanted if code not in spoken]
    if missing:
        names = ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in missing)
        candidate.reasons.append(
            ngettext("Does not speak %(languages)s", "Does not speak %(languages)s", len(missing))
            % {"languages": names}
        )
    if mentor.role == request.preferred_role:
        candidate.score += WEIGHTS["role"]
        candidate.reasons.append(_("The role asked for: %(role)s") % {"role": Role(mentor.role).label})
    else:
        candidate.reasons.append(
            _("A different role: %(role)s (asked for: %(wanted)s)")
            % {"role": Role(mentor.role).label, "wanted": Role(request.preferred_role).label}
        )
    if mentor.current_matches:
        candidate.score += WEIGHTS["busy"] * mentor.current_matches
        candidate.reasons.append(
            ngettext(
                "Already mentors %(count)d graduate",
                "Already mentors %(count)d graduates",
                mentor.current_matches,
            )
            % {"count": mentor.current_matches}
        )
    else:
        candidate.reasons.append(_("Mentors nobody at the moment"))
    return candidate
