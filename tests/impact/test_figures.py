"""The impact figures on hand-built data: periods, regions, splits, suppression of small counts."""

import datetime

import pytest
from django.utils import timezone

from impact.figures import (
    Period,
    employer_figures,
    hires_split,
    introductions_by_outcome,
    job_figures,
    pledges_by_commitment,
    public_figures,
    retention_rates,
    supporters_by_campaign,
    supporters_by_month,
)
from impact.models import MatchesShown
from matching.models import Introduction
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory, PendingPledgeFactory
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    PendingEmployerFactory,
)
from tests.impact.factories import HireFactory, IntroductionFactory, answer
from tests.partners.factories import GraduateFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LAST_YEAR = Period.last_twelve_months()


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_the_default_period_is_the_last_twelve_months_up_to_today():
    assert LAST_YEAR.end == TODAY
    assert (LAST_YEAR.end - LAST_YEAR.start).days in (364, 365)


def test_confirmed_supporters_are_counted_per_campaign_within_the_period_and_region(campaign_index):
    walk, talk = (
        LiveCampaignPageFactory(parent=campaign_index),
        LiveCampaignPageFactory(parent=campaign_index),
    )
    ConfirmedPledgeFactory.create_batch(3, campaign=walk, region="GB-LDS")
    ConfirmedPledgeFactory(campaign=walk, region="GB-MAN")
    ConfirmedPledgeFactory(campaign=talk, region="GB-LDS")
    PendingPledgeFactory(campaign=talk, region="GB-LDS")  # never confirmed: not a supporter
    ConfirmedPledgeFactory(campaign=talk, region="GB-LDS", confirmed_at=days_ago(400))  # before the period

    assert supporters_by_campaign(LAST_YEAR) == [(walk.title, 4), (talk.title, 1)]
    assert supporters_by_campaign(LAST_YEAR, region="GB-MAN") == [(walk.title, 1)]
    months, series = supporters_by_month(LAST_YEAR)
    assert months[-1] == TODAY.replace(day=1)
    assert series[walk.title][-1] == 4 and sum(series[talk.title]) == 1


def test_employers_registered_verified_and_pledged_in_the_period():
    EmployerFactory(head_office_region="GB-LDS", status_changed_at=timezone.now())
    pledged = EmployerFactory(head_office_region="GB-MAN", status_changed_at=timezone.now())
    HiringPledgeFactory(employer=pledged)
    PendingEmployerFactory(head_office_region="GB-MAN")
    old = EmployerFactory(head_office_region="GB-MAN")
    type(old).objects.filter(pk=old.pk).update(created_at=days_ago(500))

    assert employer_figures(LAST_YEAR) == {"registered": 3, "verified": 2, "pledged": 1}
    assert employer_figures(LAST_YEAR, region="GB-MAN") == {"registered": 2, "verified": 1, "pledged": 1}
    commitments = pledges_by_commitment(LAST_YEAR)
    assert len(commitments) == 3 and all(count == 1 for _title, count in commitments)


def test_jobs_posted_published_filled_and_matches_shown():
    filled = JobListingFactory(region="GB-LDS")
    JobListingFactory(region="GB-MAN")
    JobListingFactory(region="GB-MAN", submitted_at=days_ago(500), published_at=days_ago(499))
    HireFactory(job=filled)
    MatchesShown.record(TODAY, "I", "GB-LDS", 7)
    MatchesShown.record(TODAY, "I", "GB-LDS", 3)
    MatchesShown.record(TODAY, "F", "GB-MAN", 2)

    assert job_figures(LAST_YEAR) == {
        "posted": 2,
        "published": 2,
        "filled": 1,
        "match_pages": 3,
        "matches_shown": 12,
    }
    leeds = job_figures(LAST_YEAR, region="GB-LDS")
    assert (leeds["posted"], leeds["filled"], leeds["matches_shown"]) == (1, 1, 10)


def test_introductions_are_counted_by_what_became_of_them():
    Status = Introduction.Status
    for status in (Status.REQUESTED, Status.ACCEPTED, Status.ACCEPTED, Status.DECLINED, Status.EXPIRED):
        IntroductionFactory(status=status)
    IntroductionFactory(status=Status.ACCEPTED, requested_at=days_ago(400))

    assert introductions_by_outcome(LAST_YEAR) == {
        "requested": 1,
        "accepted": 2,
        "declined": 1,
        "expired": 1,
        "withdrawn": 0,
    }


def test_hires_split_by_sector_region_and_gender_responsive_programme():
    womens = ProgrammeFactory(gender_responsive=True)
    HireFactory(
        job=JobListingFactory(sector="F", region="GB-LDS"), graduate=GraduateFactory(programmes=[womens])
    )
    HireFactory(job=JobListingFactory(sector="F", region="GB-MAN"))
    HireFactory(job=JobListingFactory(sector="I", region="GB-MAN"))
    HireFactory(start_date=TODAY - datetime.timedelta(days=500))

    assert hires_split(LAST_YEAR, by="sector") == [
        ("F", "Construction", 2),
        ("I", "Accommodation and food service activities", 1),
    ]
    assert [(key, n) for key, _label, n in hires_split(LAST_YEAR, by="region")] == [
        ("GB-MAN", 2),
        ("GB-LDS", 1),
    ]
    assert hires_split(LAST_YEAR, by="gender_responsive") == [
        (False, "Other programmes", 2),
        (True, "Gender-responsive programmes", 1),
    ]
    assert hires_split(LAST_YEAR, region="GB-LDS", by="gender_responsive") == [
        (True, "Gender-responsive programmes", 1)
    ]


def test_retention_is_the_share_still_employed_among_those_who_answered():
    hires = HireFactory.create_batch(5, start_date=TODAY - datetime.timedelta(days=120))
    for hire, reply in zip(hires, ["employed", "employed", "employed", "left", "unknown"], strict=True):
        answer(hire, 3, reply)

    rates = {months: rest for months, *rest in retention_rates(LAST_YEAR)}
    assert rates[3] == [5, 4, 3, 75]  # due, answered, still employed, percent
    assert rates[6] == [0, 0, 0, None]  # due in the future: not in the period
    assert rates[12] == [0, 0, 0, None]


def test_each_aggregation_takes_the_same_few_queries_with_more_rows(django_assert_max_num_queries):
    for _ in range(6):
        HireFactory(job=JobListingFactory(sector="F"))
        IntroductionFactory()
    with django_assert_max_num_queries(1):
        hires_split(LAST_YEAR, by="gender_responsive")
    with django_assert_max_num_queries(1):
        introductions_by_outcome(LAST_YEAR)
    with django_assert_max_num_queries(4):
        job_figures(LAST_YEAR)
    with django_assert_max_num_queries(1):
        retention_rates(LAST_YEAR)


def test_public_figures_suppress_counts_under_five_in_every_split():
    for _ in range(5):
        HireFactory(job=JobListingFactory(sector="F", region="GB-MAN"))
    for _ in range(2):
        HireFactory(job=JobListingFactory(sector="I", region="GB-LDS"))

    for _ in range(6):
        HireFactory(job=JobListingFactory(sector="C", region="GB-MAN"))

    figures = public_figures()
    by_sector = {row["key"]: row for row in figures["splits"]["hires_by_sector"]}
    assert by_sector["C"]["count"] == 6 and by_sector["C"]["display"] == "6"
    assert by_sector["I"]["count"] is None and by_sector["I"]["display"] == "fewer than 5"
    # With the total of 13 published, 13 - 6 - 5 would give the hidden 2 away: 5 is hidden too.
    assert by_sector["F"]["count"] is None and by_sector["F"]["display"] == "not shown"
    hires = next(row for row in figures["headline"] if row["key"] == "hires")
    assert hires["count"] == 13
    for rows in figures["splits"].values():
        assert sum(row["count"] is None for row in rows) != 1  # never one hidden cell alone
        for row in rows:
            assert row["count"] is None or row["count"] >= 5
            assert (row["count"] is None) == (row["display"] in ("fewer than 5", "not shown"))
    assert figures["generated_at"].endswith("+00:00")


def test_public_figures_are_cached_until_their_data_changes(django_assert_num_queries):
    first = public_figures()
    with django_assert_num_queries(0):
        assert public_figures() == first
    JobListingFactory()  # a change to public data (portal.page_cache) makes the figures fresh again

    def open_jobs(figures):
        return next(row["count"] for row in figures["headline"] if row["key"] == "open_jobs")

    assert open_jobs(public_figures()) == open_jobs(first) + 1


def test_an_employer_viewing_a_jobs_matches_is_counted(client):
    from tests.employers.factories import owner_of
    from tests.partners.factories import GraduateFactory as Graduate

    user, employer = owner_of()
    job = JobListingFactory(employer=employer, sector="I", region="GB-MAN")
    Graduate(preferred_regions=["GB-MAN"])
    client.force_login(user)
    for _ in range(2):
        assert client.get(f"/employer/jobs/{job.pk}/matches/").status_code == 200
    counter = MatchesShown.objects.get(day=TODAY, sector="I", region="GB-MAN")
    assert counter.pages == 2
    assert job_figures(LAST_YEAR)["matches_shown"] == counter.profiles
