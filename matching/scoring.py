"""Matching candidates and jobs, from either side, with an explanation for every match.

A candidate is a programme's graduate or a job seeker with an account (seekers.matches): anything
with the preference fields of Graduate (preferred_regions, willing_to_travel, willing_to_relocate,
wants_remote, preferred_sectors, preferred_employment_types, available_from; work restrictions
where it has them). Used by the partner area (jobs for a graduate), the employer area (graduates
for a job) and the seeker area; independent of views. Hard filters first, then a score; the weights live in WEIGHTS only.
Candidate retrieval goes through `matching.retrieval`, served by the engine the search app plugs in.

Hard filters (a pair failing any of them is never a match):
- the job is published and open and its employer verified (JobListing.objects.published());
- the graduate is matchable (seeking, current consent, verified provider);
- no work restriction of the graduate clashes with a requirement of the job (RESTRICTION_CLASHES);
- the place fits (`place_reason`): a remote job fits a graduate open to remote work or whose
  preferred regions include the job's; an on-site or hybrid job fits when its region is a
  preferred one, or the graduate is willing to relocate, or willing to travel and the job's
  region lies in the same nation (ISO 3166-2 parent) as a preferred region. A graduate without
  preferred regions fits any region. A preferred nation (GB-ENG) covers its regions.

Skills and certifications count "with synonyms": two rows whose names or synonyms share a term
(case-insensitive) are the same skill, so "FLT operation" on a job matches a graduate's
"Forklift driving" whose synonyms list "FLT operation".

Ranking: higher score first, then more required skills matched, then the newer job (jobs for a
graduate) or the graduate's reference (graduates for a job). Queries per call are constant,
whatever the number of jobs or graduates.
"""

from dataclasses import dataclass, field
from operator import attrgetter
from types import SimpleNamespace

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jobs.models import JobListing
from matching import retrieval
from matching.places import place_reason, place_regions
from partners.models import Graduate, GraduateProgramme, Programme, ProgrammeProvider
from portal.regions import region_name
from taxonomy.classifications import EmploymentType, SectorChoices
from taxonomy.models import Certification, Skill, shown_name_field, split_synonyms

# Every weight of the score, in one place.
WEIGHTS = {
    "required_skill": 3.0,
    "preferred_skill": 1.0,
    "required_certification": 3.0,
    "preferred_certification": 1.0,
    "sector_preference": 2.0,
    "employment_type_preference": 1.5,
    "available_before_start": 1.0,
    "same_region": 1.0,
}


@dataclass
class Match:
    """One job matched to one candidate (named `graduate` since graduates came first), with its
    score and its reasons in plain words."""

    job: object
    graduate: object
    score: float
    matched_skills: list = field(default_factory=list)
    missing_required_skills: list = field(default_factory=list)
    matched_certifications: list = field(default_factory=list)
    missing_required_certifications: list = field(default_factory=list)
    place: str = ""  # why the place fits, e.g. "Same region: Leeds" or "Remote job"
    unmet_preferences: list = field(default_factory=list)
    # Added: the detail the explanation is written from.
    matched_required_skills: list = field(default_factory=list)
    matched_preferred_skills: list = field(default_factory=list)
    required_skill_count: int = 0
    met_preferences: list = field(default_factory=list)
    same_region: bool = False

    def explanation(self):
        """The reasons as sentences, in the order people read them."""
        lines = []
        required, matched = self.required_skill_count, len(self.matched_required_skills)
        if required and matched:
            lines.append(
                ngettext(
                    "Matches %(matched)d of %(total)d required skill: %(skills)s",
                    "Matches %(matched)d of %(total)d required skills: %(skills)s",
                    required,
                )
                % {"matched": matched, "total": required, "skills": _join(self.matched_required_skills)}
            )
        elif required:
            lines.append(
                ngettext(
                    "Does not have the required skill",
                    "Has none of the %(total)d required skills",
                    required,
                )
                % {"total": required}
            )
        if self.matched_preferred_skills:
            lines.append(
                ngettext(
                    "Also has a preferred skill: %(skills)s",
                    "Also has preferred skills: %(skills)s",
                    len(self.matched_preferred_skills),
                )
                % {"skills": _join(self.matched_preferred_skills)}
            )
        if self.missing_required_skills:
            lines.append(
                ngettext(
                    "Missing required skill: %(skills)s",
                    "Missing required skills: %(skills)s",
                    len(self.missing_required_skills),
                )
                % {"skills": _join(self.missing_required_skills)}
            )
        for name in self.matched_certifications:
            lines.append(_("Holds the %(certification)s") % {"certification": name})
        if self.missing_required_certifications:
            lines.append(
                ngettext(
                    "Missing required certification: %(items)s",
                    "Missing required certifications: %(items)s",
                    len(self.missing_required_certifications),
                )
                % {"items": _join(self.missing_required_certifications)}
            )
        if self.place:
            lines.append(self.place)
        lines.extend(self.met_preferences)
        lines.extend(self.unmet_preferences)
        return lines


def _join(names):
    return ", ".join(names)


# Preferences and the score ---------------------------------------------------------------------


def _preference_hits(graduate, job, regions):
    """Which scored preferences the job meets: name → True (met), False (unmet), None (no preference)."""
    sectors = graduate.preferred_sectors or []
    types = graduate.preferred_employment_types or []
    available = graduate.available_from
    return {
        "sector_preference": (job.sector in sectors) if sectors else None,
        "employment_type_preference": (job.employment_type in types) if types else None,
        "available_before_start": (
            True if job.start_date is None or available is None else available <= job.start_date
        ),
        "same_region": job.region in regions.preferred,
    }


def score_of(req_skills, pref_skills, req_certs, pref_certs, hits):
    """The score: the number of each kind of hit times its weight (WEIGHTS)."""
    score = (
        WEIGHTS["required_skill"] * req_skills
        + WEIGHTS["preferred_skill"] * pref_skills
        + WEIGHTS["required_certification"] * req_certs
        + WEIGHTS["preferred_certification"] * pref_certs
    )
    score += sum(WEIGHTS[name] for name, hit in hits.items() if hit)
    return round(score, 4)


def _sector_label(code):
    return str(dict(SectorChoices.choices).get(code, code)).lower()


def _type_label(code):
    return str(dict(EmploymentType.choices).get(code, code)).lower()


def _day(value):
    return date_format(value, "DATE_FORMAT")


def _preference_texts(graduate, job, hits):
    met, unmet = [], []
    if hits["sector_preference"]:
        met.append(_("Wants to work in %(sector)s") % {"sector": _sector_label(job.sector)})
    elif hits["sector_preference"] is False:
        unmet.append(
            _("Prefers %(sectors)s, this job is in %(sector)s")
            % {
                "sectors": _(" or ").join(_sector_label(code) for code in graduate.preferred_sectors),
                "sector": _sector_label(job.sector),
            }
        )
    if hits["employment_type_preference"]:
        met.append(_("Wants %(type)s work") % {"type": _type_label(job.employment_type)})
    elif hits["employment_type_preference"] is False:
        unmet.append(
            _("Prefers %(types)s work, this job is %(type)s")
            % {
                "types": _(" or ").join(_type_label(code) for code in graduate.preferred_employment_types),
                "type": _type_label(job.employment_type),
            }
        )
    if job.start_date and graduate.available_from:
        values = {"available": _day(graduate.available_from), "start": _day(job.start_date)}
        if hits["available_before_start"]:
            met.append(_("Available from %(available)s, before the start on %(start)s") % values)
        else:
            unmet.append(_("Available from %(available)s, after the start on %(start)s") % values)
    return met, unmet


# Skills with synonyms --------------------------------------------------------------------------


def _terms(item):
    return {item.name.strip().lower(), *(term.lower() for term in split_synonyms(item.synonyms))}


def _equivalents(model, items):
    """{item.pk: ids of every `model` row sharing a name or synonym with it}, in one query."""
    items = list(items)
    all_terms = set().union(*(_terms(item) for item in items)) if items else set()
    if not all_terms:
        return {item.pk: {item.pk} for item in items}
    condition = Q()
    for term in all_terms:
        condition |= Q(name__iexact=term) | Q(synonyms__icontains=term)
    rows = [(row, _terms(row)) for row in model.objects.filter(condition).only("pk", "name", "synonyms")]
    result = {}
    for item in items:
        mine = _terms(item)
        result[item.pk] = {item.pk} | {row.pk for row, terms in rows if terms & mine}
    return result


def _held(model, queryset):
    """The graduate's skills or certifications, and every row equivalent to one of them."""
    held = list(queryset.only("pk", "name", "synonyms"))
    equivalents = _equivalents(model, held)
    return held, set().union(*equivalents.values()) if held else set()


def graduate_skills(graduate):
    """Skill rows a graduate has: taught by completed programmes, plus those staff added (1 query)."""
    taught = Programme.skills_taught.through.objects.filter(programme__completions__graduate=graduate).values(
        "skill_id"
    )
    extra = Graduate.extra_skills.through.objects.filter(graduate=graduate).values("skill_id")
    return Skill.objects.filter(Q(pk__in=taught) | Q(pk__in=extra))


# Jobs for a graduate ---------------------------------------------------------------------------


def _job_sort_key(score, req_matched, job):
    published = job.published_at.timestamp() if job.published_at else float("-inf")
    return (-score, -req_matched, -published, -job.pk)


def jobs_for_graduate(graduate, limit=20):
    """Ranked Match list of open jobs for `graduate` (empty when the graduate is not matchable)."""
    if not Graduate.objects.matchable().filter(pk=graduate.pk).exists():
        return []
    return jobs_for_candidate(graduate, graduate_skills(graduate), graduate.certifications.all(), limit)


def jobs_for_candidate(graduate, skills, certifications, limit=20):
    """Ranked Match list of open jobs for a candidate the caller found matchable, given the
    querysets of the Skill and Certification rows they hold."""
    regions = place_regions(graduate)
    _skills, skill_ids = _held(Skill, skills)
    _certs, cert_ids = _held(Certification, certifications)

    # The engine hands back, for every candidate job that could rank in the top `limit`, the
    # counts of matched required/preferred skills and certifications and the fields the
    # preferences read; the score itself is computed here, where the weights are.
    rows = retrieval.job_ranking_rows(graduate, regions, skill_ids, cert_ids, limit)
    ranked = []
    for row in rows:
        hits = _preference_hits(graduate, row, regions)
        score = score_of(row.req_skills, row.pref_skills, row.req_certs, row.pref_certs, hits)
        ranked.append((_job_sort_key(score, row.req_skills, row), row.pk))
    ranked.sort()
    top = [pk for _key, pk in ranked[:limit]]
    jobs = JobListing.objects.filter(pk__in=top).select_related("employer").with_requirements()
    matches = []
    for job in jobs:
        match = _match(graduate, job, regions, skill_ids, cert_ids)
        if match is not None:
            matches.append(match)
    matches.sort(key=lambda m: _job_sort_key(m.score, len(m.matched_required_skills), m.job))
    return matches[:limit]


def _match(graduate, job, regions, skill_ids, cert_ids):
    """The Match of a job (links prefetched) and a graduate (skills and certifications given as ids,
    synonyms already included); None when the place does not fit."""
    place = place_reason(graduate, job, regions)
    if place is None:
        return None
    req, pref, missing = [], [], []
    required_count = 0
    for link in job.skill_links.all():
        required_count += link.required
        if link.skill_id in skill_ids:
            (req if link.required else pref).append(link.skill.shown_name)
        elif link.required:
            missing.append(link.skill.shown_name)
    certs, missing_certs = [], []
    req_certs = pref_certs = 0
    for link in job.certification_links.all():
        if link.certification_id in cert_ids:
            certs.append(link.certification.shown_name)
            req_certs += link.required
            pref_certs += not link.required
        elif link.required:
            missing_certs.append(link.certification.shown_name)
    hits = _preference_hits(graduate, job, regions)
    met, unmet = _preference_texts(graduate, job, hits)
    return Match(
        job=job,
        graduate=graduate,
        score=score_of(len(req), len(pref), req_certs, pref_certs, hits),
        matched_skills=req + pref,
        missing_required_skills=missing,
        matched_certifications=certs,
        missing_required_certifications=missing_certs,
        place=place,
        unmet_preferences=unmet,
        matched_required_skills=req,
        matched_preferred_skills=pref,
        required_skill_count=required_count,
        met_preferences=met,
        same_region=bool(hits["same_region"]),
    )


# Graduates for a job ---------------------------------------------------------------------------


def _job_with_links(job):
    return JobListing.objects.filter(pk=job.pk).select_related("employer").with_requirements().first()


def _graduate_rows(graduates):
    """skill_pairs and certification_pairs (see candidates_for_job) of a Graduate queryset."""

    def skill_pairs(wanted):
        taught = Programme.skills_taught.through.objects.filter(
            programme__completions__graduate__in=graduates, skill_id__in=wanted
        ).values_list("programme__completions__graduate_id", "skill_id")
        extra = Graduate.extra_skills.through.objects.filter(
            graduate__in=graduates, skill_id__in=wanted
        ).values_list("graduate_id", "skill_id")
        return [*taught, *extra]

    def certification_pairs(wanted):
        return Graduate.certifications.through.objects.filter(
            graduate__in=graduates, certification_id__in=wanted
        ).values_list("graduate_id", "certification_id")

    return skill_pairs, certification_pairs


def graduates_for_job(job, limit=20):
    """Ranked Match list of matchable graduates for `job` (empty when the job is not open)."""
    graduates = retrieval.candidate_graduates(job)
    by_reference = attrgetter("reference")
    matches = candidates_for_job(job, list(graduates), *_graduate_rows(graduates), tie=by_reference)[:limit]
    attach_profiles([m.graduate for m in matches])
    return matches


def candidates_for_job(job, people, skill_pairs, certification_pairs, tie):
    """Every Match of `job` among `people` (candidates past the hard filters), ranked: score, then
    required skills matched, then `tie(person)`. `skill_pairs(ids)` and `certification_pairs(ids)`
    give (person pk, row id) for the rows among `ids` the people hold: two queries in all."""
    if not people:
        return []
    job = _job_with_links(job)
    skill_equivalents = _equivalents(Skill, [link.skill for link in job.skill_links.all()])
    cert_equivalents = _equivalents(
        Certification, [link.certification for link in job.certification_links.all()]
    )
    wanted_skills = set().union(*skill_equivalents.values()) if skill_equivalents else set()
    wanted_certs = set().union(*cert_equivalents.values()) if cert_equivalents else set()

    # Each person's skills and certifications, limited to the ones this job could use.
    held_skills, held_certs = {}, {}
    for person_id, skill_id in skill_pairs(wanted_skills) if wanted_skills else []:
        held_skills.setdefault(person_id, set()).add(skill_id)
    for person_id, cert_id in certification_pairs(wanted_certs) if wanted_certs else []:
        held_certs.setdefault(person_id, set()).add(cert_id)

    matches = []
    for graduate in people:
        # The job's own skill ids a graduate "has" (through an equivalent skill of theirs).
        has_skills = {
            skill_id
            for skill_id, same in skill_equivalents.items()
            if same & held_skills.get(graduate.pk, set())
        }
        has_certs = {
            cert_id for cert_id, same in cert_equivalents.items() if same & held_certs.get(graduate.pk, set())
        }
        match = _match(graduate, job, place_regions(graduate), has_skills, has_certs)
        if match is not None:
            matches.append(match)
    matches.sort(key=lambda m: (-m.score, -len(m.matched_required_skills), tie(m.graduate)))
    return matches


def match_for(job, graduate):
    """The Match of this job and graduate, or None when a hard filter keeps them apart."""
    graduates = retrieval.candidate_graduates(job).filter(pk=graduate.pk)
    matches = candidates_for_job(job, list(graduates), *_graduate_rows(graduates), tie=str)
    return matches[0] if matches else None


# The anonymised profile an employer may see --------------------------------------------------


def attach_profiles(graduates):
    """Set `graduate.profile` on each: what an employer may see, in four queries whatever their number.

    Programmes completed (name, kind, the kind of provider: never its name or contact), skills,
    certifications, availability and preferred regions. Nothing personal.
    """
    graduates = list(graduates)
    if not graduates:
        return graduates
    ids = [g.pk for g in graduates]
    programmes, skills, certs = {}, {}, {}
    completions = GraduateProgramme.objects.filter(graduate_id__in=ids).values_list(
        "graduate_id", "programme__name", "programme__kind", "programme__provider__kind", "completed_on"
    )
    programme_kinds = dict(Programme.Kind.choices)
    provider_kinds = dict(ProgrammeProvider.Kind.choices)
    for graduate_id, name, kind, provider_kind, completed_on in completions:
        programmes.setdefault(graduate_id, []).append(
            SimpleNamespace(
                name=name,
                kind=programme_kinds.get(kind, kind),
                provider_kind=provider_kinds.get(provider_kind, provider_kind),
                completed_on=completed_on,
            )
        )
    # Names in the employer's language (English where staff gave none), in the same queries.
    shown = shown_name_field()
    taught = Programme.skills_taught.through.objects.filter(
        programme__completions__graduate_id__in=ids
    ).values_list("programme__completions__graduate_id", "skill__name", f"skill__{shown}")
    extra = Graduate.extra_skills.through.objects.filter(graduate_id__in=ids).values_list(
        "graduate_id", "skill__name", f"skill__{shown}"
    )
    for graduate_id, name, shown_name in [*taught, *extra]:
        skills.setdefault(graduate_id, set()).add(shown_name or name)
    for graduate_id, name, shown_name in Graduate.certifications.through.objects.filter(
        graduate_id__in=ids
    ).values_list("graduate_id", "certification__name", f"certification__{shown}"):
        certs.setdefault(graduate_id, set()).add(shown_name or name)
    today = timezone.localdate()
    for graduate in graduates:
        available = graduate.available_from
        graduate.profile = SimpleNamespace(
            reference=graduate.reference,
            programmes=programmes.get(graduate.pk, []),
            skills=sorted(skills.get(graduate.pk, ()), key=str.lower),
            certifications=sorted(certs.get(graduate.pk, ()), key=str.lower),
            available_from=available if available and available > today else None,
            regions=[region_name(code) for code in graduate.preferred_regions or []],
            willing_to_travel=graduate.willing_to_travel,
            willing_to_relocate=graduate.willing_to_relocate,
            wants_remote=graduate.wants_remote,
        )
    return graduates


__all__ = [
    "WEIGHTS",
    "Match",
    "attach_profiles",
    "candidates_for_job",
    "graduates_for_job",
    "jobs_for_candidate",
    "jobs_for_graduate",
    "match_for",
    "place_reason",
    "place_regions",
    "score_of",
]
