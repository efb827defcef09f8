"""Matching both ways for job seekers, through matching.scoring: the same hard filters, weights
and plain-words explanations as for graduates.

- `jobs_for_seeker`: the seeker's ranked open jobs (a seeker who is not seeking has none).
- `seekers_for_job`: the findable seekers (seeking, opted in) that fit an open job, each with an
  anonymised `profile` (reference, skills, certifications, availability, hours, regions,
  languages): never the statement, the work history, the CV or anything naming the person.
Queries per call are constant, whatever the number of jobs, seekers or skills.
"""

from operator import attrgetter
from types import SimpleNamespace

from django.utils import timezone

from jobs.models import JobListing
from matching import scoring
from seekers.models import JobSeeker
from taxonomy.models import shown_name_field


def jobs_for_seeker(seeker, limit=20):
    if seeker.is_erased or seeker.status != JobSeeker.Status.SEEKING:
        return []
    return scoring.jobs_for_candidate(seeker, seeker.skills.all(), seeker.certifications.all(), limit)


def _seeker_rows(seekers):
    def skill_pairs(wanted):
        return JobSeeker.skills.through.objects.filter(
            jobseeker__in=seekers, skill_id__in=wanted
        ).values_list("jobseeker_id", "skill_id")

    def certification_pairs(wanted):
        return JobSeeker.certifications.through.objects.filter(
            jobseeker__in=seekers, certification_id__in=wanted
        ).values_list("jobseeker_id", "certification_id")

    return skill_pairs, certification_pairs


def _findable_for(job):
    if not JobListing.objects.published().filter(pk=job.pk).exists():
        return JobSeeker.objects.none()
    return JobSeeker.objects.findable().order_by("reference")


def seekers_for_job(job, limit=20):
    """Ranked Match list of findable seekers for `job` (empty when the job is not open); each
    match's `graduate` is the seeker, with `.profile` set."""
    seekers = _findable_for(job)
    matches = scoring.candidates_for_job(
        job, list(seekers), *_seeker_rows(seekers), tie=attrgetter("reference")
    )[:limit]
    attach_profiles([match.graduate for match in matches])
    return matches


def match_for_seeker(job, seeker):
    """The Match of this open job and findable seeker, or None when a hard filter keeps them apart."""
    seekers = _findable_for(job).filter(pk=seeker.pk)
    matches = scoring.candidates_for_job(
        job, list(seekers), *_seeker_rows(seekers), tie=attrgetter("reference")
    )
    return matches[0] if matches else None


def attach_profiles(seekers):
    """Set `seeker.profile` on each: what an employer may see before an introduction, in two
    queries whatever their number."""
    seekers = list(seekers)
    if not seekers:
        return seekers
    ids = [seeker.pk for seeker in seekers]
    shown = shown_name_field()
    skills, certs = {}, {}
    for seeker_id, name, shown_name in JobSeeker.skills.through.objects.filter(
        jobseeker_id__in=ids
    ).values_list("jobseeker_id", "skill__name", f"skill__{shown}"):
        skills.setdefault(seeker_id, set()).add(shown_name or name)
    for seeker_id, name, shown_name in JobSeeker.certifications.through.objects.filter(
        jobseeker_id__in=ids
    ).values_list("jobseeker_id", "certification__name", f"certification__{shown}"):
        certs.setdefault(seeker_id, set()).add(shown_name or name)
    today = timezone.localdate()
    for seeker in seekers:
        available = seeker.available_from
        seeker.profile = SimpleNamespace(
            reference=seeker.reference,
            skills=sorted(skills.get(seeker.pk, ()), key=str.lower),
            certifications=sorted(certs.get(seeker.pk, ()), key=str.lower),
            available_from=available if available and available > today else None,
            hours_per_week=seeker.hours_per_week,
            regions=seeker.preferred_region_names,
            languages=seeker.language_names,
            willing_to_travel=seeker.willing_to_travel,
            willing_to_relocate=seeker.willing_to_relocate,
            wants_remote=seeker.wants_remote,
        )
    return seekers
