"""Matching on hand-built cases: hard filters, place rules, scoring, ties, synonyms, explanations."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.models import JobListing
from matching.places import place_reason
from matching.scoring import WEIGHTS, graduates_for_job, jobs_for_graduate, match_for
from partners.models import RESTRICTION_CLASHES, Graduate
from search import matching as retrieval
from tests.employers.factories import (
    CertificationFactory,
    JobListingFactory,
    PendingEmployerFactory,
    PendingJobFactory,
    SkillFactory,
    SuspendedEmployerFactory,
)
from tests.partners.factories import (
    GraduateFactory,
    PendingProviderFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def job_ids(graduate, **kwargs):
    return [m.job.pk for m in jobs_for_graduate(graduate, **kwargs)]


def refs(job, **kwargs):
    return [m.graduate.reference for m in graduates_for_job(job, **kwargs)]


# Hard filters --------------------------------------------------------------------------------


def test_a_matchable_graduate_and_an_open_job_match_from_both_sides():
    job = JobListingFactory()
    graduate = GraduateFactory()
    assert job_ids(graduate) == [job.pk]
    assert refs(job) == [graduate.reference]


@pytest.mark.parametrize("restriction,requirement", list(RESTRICTION_CLASHES.items()))
def test_a_restriction_clashing_with_a_requirement_excludes(restriction, requirement):
    job = JobListingFactory(**{requirement: True})
    other = JobListingFactory()
    graduate = GraduateFactory(**{restriction: True})
    assert job_ids(graduate) == [other.pk]
    assert refs(job) == []
    assert refs(other) == [graduate.reference]
    assert match_for(job, graduate) is None


def test_withdrawn_consent_excludes_at_once():
    job = JobListingFactory()
    graduate = GraduateFactory()
    graduate.withdraw_consent(by=None)
    assert jobs_for_graduate(graduate) == []
    assert refs(job) == []


def test_no_consent_at_all_excludes():
    job = JobListingFactory()
    graduate = GraduateFactory(consent=False)
    assert jobs_for_graduate(graduate) == []
    assert refs(job) == []


@pytest.mark.parametrize("status", [Graduate.Status.PLACED, Graduate.Status.NOT_SEEKING])
def test_a_graduate_not_seeking_is_excluded(status):
    job = JobListingFactory()
    graduate = GraduateFactory(status=status)
    assert jobs_for_graduate(graduate) == []
    assert refs(job) == []


def test_an_unverified_provider_excludes_its_graduates():
    job = JobListingFactory()
    graduate = GraduateFactory(provider=PendingProviderFactory())
    assert refs(job) == [] and jobs_for_graduate(graduate) == []


@pytest.mark.parametrize("employer_factory", [PendingEmployerFactory, SuspendedEmployerFactory])
def test_an_unverified_employer_excludes_its_jobs(employer_factory):
    job = JobListingFactory(employer=employer_factory())
    graduate = GraduateFactory()
    assert job_ids(graduate) == []
    assert refs(job) == []


def test_unpublished_and_past_closing_jobs_are_excluded():
    pending = PendingJobFactory()
    closed = JobListingFactory(closing_date=TODAY - datetime.timedelta(days=1))
    graduate = GraduateFactory()
    assert job_ids(graduate) == []
    assert refs(pending) == [] and refs(closed) == []


# Place ---------------------------------------------------------------------------------------


def place_case(job_region, remote="on-site", **graduate_fields):
    job = JobListingFactory(region=job_region, remote=remote)
    graduate = GraduateFactory(**{"preferred_regions": ["GB-MAN"], **graduate_fields})
    return job, graduate


@pytest.mark.parametrize(
    "job_region,remote,graduate_fields,fits,reason",
    [
        ("GB-MAN", "on-site", {}, True, "Same region: Manchester"),
        ("GB-LDS", "on-site", {}, False, None),
        ("GB-LDS", "hybrid", {}, False, None),
        ("GB-LDS", "on-site", {"willing_to_travel": True}, True, "Willing to travel to Leeds"),
        ("GB-LDS", "hybrid", {"willing_to_travel": True}, True, "Willing to travel to Leeds (hybrid job)"),
        ("GB-CRF", "on-site", {"willing_to_travel": True}, False, None),  # Wales, not England
        ("GB-CRF", "on-site", {"willing_to_relocate": True}, True, "Willing to relocate to Cardiff"),
        ("GB-CRF", "remote", {}, False, None),
        ("GB-CRF", "remote", {"wants_remote": True}, True, "Remote job"),
        ("GB-MAN", "remote", {}, True, "Remote job, based in a preferred region: Manchester"),
        ("GB-CRF", "on-site", {"preferred_regions": []}, True, "Any region suits: Cardiff"),
        ("GB-LDS", "on-site", {"preferred_regions": ["GB-ENG"]}, True, "Same region: Leeds"),
    ],
)
def test_place_rules(job_region, remote, graduate_fields, fits, reason):
    job, graduate = place_case(job_region, remote, **graduate_fields)
    assert place_reason(graduate, job) == reason
    assert (job_ids(graduate) == [job.pk]) is fits
    assert (refs(job) == [graduate.reference]) is fits
    # The engine's SQL filter agrees with the Python rule (on PostgreSQL for graduates too).
    assert retrieval.candidate_jobs(graduate).filter(pk=job.pk).exists() is fits
    if connection.vendor == "postgresql":
        assert retrieval.candidate_graduates(job).filter(pk=graduate.pk).exists() is fits


# Scoring, ties, synonyms --------------------------------------------------------------------


def test_required_skills_weigh_more_than_preferred():
    brick, plaster = SkillFactory(name="Bricklaying"), SkillFactory(name="Plastering")
    graduate = GraduateFactory(skills=[brick])
    preferred = JobListingFactory(skills={brick: False, plaster: True})
    required = JobListingFactory(skills={brick: True, plaster: False})
    matches = jobs_for_graduate(graduate)
    assert [m.job for m in matches] == [required, preferred]
    assert matches[0].score - matches[1].score == WEIGHTS["required_skill"] - WEIGHTS["preferred_skill"]
    assert matches[1].missing_required_skills == ["Plastering"]


def test_certifications_preferences_and_availability_add_up():
    cscs = CertificationFactory(name="CSCS card")
    graduate = GraduateFactory(
        certifications=[cscs],
        preferred_sectors=["F"],
        preferred_employment_types=["full-time"],
        available_from=TODAY + datetime.timedelta(days=10),
        preferred_regions=["GB-MAN"],
    )
    best = JobListingFactory(
        sector="F", certifications=[cscs], start_date=TODAY + datetime.timedelta(days=30)
    )
    worst = JobListingFactory(
        sector="I",
        employment_type="part-time",
        start_date=TODAY + datetime.timedelta(days=5),
        remote="remote",
    )
    top, bottom = jobs_for_graduate(graduate)
    assert top.job == best and bottom.job == worst
    assert top.score == sum(
        WEIGHTS[k]
        for k in (
            "required_certification",
            "sector_preference",
            "employment_type_preference",
            "available_before_start",
            "same_region",
        )
    )
    assert bottom.score == WEIGHTS["same_region"]
    assert top.matched_certifications == ["CSCS card"]


def test_ties_are_broken_by_required_skills_then_newest_job():
    a, b, c = SkillFactory(name="A skill"), SkillFactory(name="B skill"), SkillFactory(name="C skill")
    graduate = GraduateFactory(skills=[a, b, c])
    now = timezone.now()
    # Same skill points (3.0 each): one required skill versus three preferred skills.
    three_preferred = JobListingFactory(skills={a: False, b: False, c: False}, published_at=now)
    one_required = JobListingFactory(skills={a: True}, published_at=now - datetime.timedelta(days=3))
    older = JobListingFactory(skills={b: True}, published_at=now - datetime.timedelta(days=5))
    matches = jobs_for_graduate(graduate)
    assert len({m.score for m in matches}) == 1  # + same region and availability for each
    assert [m.job for m in matches] == [one_required, older, three_preferred]


def test_graduates_tie_on_reference():
    job = JobListingFactory()
    people = [GraduateFactory() for _ in range(4)]
    assert refs(job) == sorted(g.reference for g in people)


def test_synonyms_count_as_the_same_skill():
    forklift = SkillFactory(name="Forklift driving", synonyms="FLT operation\nCounterbalance truck")
    flt = SkillFactory(name="FLT operation")
    job = JobListingFactory(skills=[flt])
    graduate = GraduateFactory(skills=[forklift])
    (match,) = jobs_for_graduate(graduate)
    assert match.matched_skills == ["FLT operation"] and match.missing_required_skills == []
    (match,) = graduates_for_job(job)
    assert match.matched_skills == ["FLT operation"]
    assert match_for(job, graduate).score == match.score


def test_skills_taught_by_completed_programmes_count():
    brick = SkillFactory(name="Bricklaying")
    graduate = GraduateFactory(programmes=[ProgrammeFactory(skills=[brick])])
    job = JobListingFactory(skills=[brick])
    assert jobs_for_graduate(graduate)[0].matched_required_skills == ["Bricklaying"]
    assert graduates_for_job(job)[0].matched_required_skills == ["Bricklaying"]


# Explanations --------------------------------------------------------------------------------


def test_explanation_in_plain_words():
    skills = [SkillFactory(name=name) for name in ("Bricklaying", "Plastering", "Tiling", "Roofing")]
    cscs = CertificationFactory(name="CSCS card")
    first_aid = CertificationFactory(name="First aid certificate")
    graduate = GraduateFactory(
        skills=skills[:3],
        certifications=[cscs],
        preferred_sectors=["F"],
        preferred_regions=["GB-LDS"],
        preferred_employment_types=["part-time"],
    )
    JobListingFactory(
        sector="I",
        region="GB-LDS",
        employment_type="full-time",
        skills=skills,
        certifications=[cscs, first_aid],
    )
    (match,) = jobs_for_graduate(graduate)
    assert match.explanation() == [
        "Matches 3 of 4 required skills: Bricklaying, Plastering, Tiling",
        "Missing required skill: Roofing",
        "Holds the CSCS card",
        "Missing required certification: First aid certificate",
        "Same region: Leeds",
        "Prefers construction, this job is in accommodation and food service activities",
        "Prefers part time work, this job is full time",
    ]


def test_explanation_of_availability():
    graduate = GraduateFactory(available_from=TODAY + datetime.timedelta(days=60))
    JobListingFactory(start_date=TODAY + datetime.timedelta(days=7))
    (match,) = jobs_for_graduate(graduate)
    assert any(
        line.startswith("Available from") and "after the start on" in line for line in match.unmet_preferences
    )


# Efficiency and agreement --------------------------------------------------------------------


def test_queries_are_constant_in_the_number_of_jobs_and_graduates():
    skill = SkillFactory(name="Cooking", synonyms="Food preparation")
    cert = CertificationFactory(name="Food hygiene")
    graduate = GraduateFactory(skills=[skill], certifications=[cert], preferred_sectors=["I"])
    job = JobListingFactory(skills=[skill], certifications=[cert])

    def counts():
        with CaptureQueriesContext(connection) as jobs_side:
            jobs_for_graduate(graduate)
        with CaptureQueriesContext(connection) as graduates_side:
            graduates_for_job(job)
        return len(jobs_side), len(graduates_side)

    before = counts()
    for _ in range(6):
        JobListingFactory(skills=[skill, SkillFactory()], certifications=[cert])
        GraduateFactory(
            skills=[skill, SkillFactory()], certifications=[cert], programmes=[ProgrammeFactory()]
        )
    assert counts() == before


def test_the_engine_ranking_equals_scoring_every_candidate():
    """The engine narrows the jobs it hands back; the top `limit` must not change."""
    skills = [SkillFactory(name=f"Trade {n}") for n in range(5)]
    graduate = GraduateFactory(
        skills=skills[:2], preferred_sectors=["F"], preferred_employment_types=["part-time"]
    )
    now = timezone.now()
    for n in range(30):
        JobListingFactory(
            sector="FI"[n % 2],
            employment_type=("part-time", "full-time", "temporary")[n % 3],
            skills={skills[n % 5]: bool(n % 2)} if n % 4 else {},
            published_at=now - datetime.timedelta(hours=n),
        )
    everything = jobs_for_graduate(graduate, limit=1000)
    assert len(everything) == JobListing.objects.published().count()
    for limit in (1, 3, 7, 12):
        assert [m.job.pk for m in jobs_for_graduate(graduate, limit=limit)] == [
            m.job.pk for m in everything[:limit]
        ]
