"""Every engine gives the same answers: job search and its facets, site search, suggestions,
matching's ranking, and forgetting what was unpublished, withdrawn or deleted.

Only the public interfaces are called (search.jobs, search.site, matching.scoring), so the
suite holds each engine to what the site shows. Relevance order is each engine's own business:
it is compared as a set; explicit sorts and matching's ranking are compared in order.
"""

import datetime

import pytest
from django.utils import timezone

from jobs.models import JobListing
from matching.scoring import graduates_for_job, jobs_for_graduate
from search import jobs as job_search
from search import site
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import (
    CertificationFactory,
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    PendingEmployerFactory,
    SkillFactory,
)
from tests.partners.factories import GraduateFactory, PendingProviderFactory, ProgrammeFactory
from tests.stories.factories import StoryPageFactory

TODAY = datetime.date.today()


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def world(engine, home, story_index, campaign_index):
    """Two verified employers (one on the pledge wall), six public jobs, hidden ones, a story, a
    campaign, and graduates with and without consent."""
    baking = SkillFactory(name="Baking", synonyms="Bread making")
    bricks = SkillFactory(name="Bricklaying")
    forklift = SkillFactory(name="Forklift driving", synonyms="FLT operation")
    hygiene = CertificationFactory(name="Food hygiene level 2")
    cscs = CertificationFactory(name="CSCS card")

    bakery = EmployerFactory(name="Rise Loaves", sector="C", description="Sourdough bakers since 1990.")
    HiringPledgeFactory(employer=bakery, is_public=True)
    builders = EmployerFactory(name="Solid Builders", sector="F", description="Homes that last.")
    ghost = PendingEmployerFactory(name="Ghost Bakes")

    job = {
        "baker": JobListingFactory(
            employer=bakery,
            title="Night baker",
            description="<p>Bake bread and rolls overnight.</p>",
            sector="C",
            region="GB-MAN",
            employment_type="full-time",
            published_at=ago(hours=2),
            closing_date=in_days(20),
            skills={baking: True},
            certifications={hygiene: True},
        ),
        "counter": JobListingFactory(
            employer=bakery,
            title="Shop counter assistant",
            description="<p>Serve customers bread and cakes.</p>",
            sector="G",
            region="GB-LDS",
            employment_type="part-time",
            published_at=ago(days=3),
            closing_date=in_days(5),
        ),
        "clerk": JobListingFactory(
            employer=bakery,
            title="Remote order clerk",
            description="<p>Take bread orders by phone from home.</p>",
            sector="N",
            region="GB-LDS",
            remote="remote",
            employment_type="part-time",
            published_at=ago(days=5),
        ),
        "labourer": JobListingFactory(
            employer=builders,
            title="Site labourer",
            description="<p>Carry materials and keep the site safe.</p>",
            sector="F",
            region="GB-LDS",
            employment_type="temporary",
            published_at=ago(days=10),
            skills={bricks: False},
        ),
        "bricklayer": JobListingFactory(
            employer=builders,
            title="Bricklayer",
            description="<p>Lay bricks on new homes.</p>",
            sector="F",
            region="GB-MAN",
            employment_type="full-time",
            published_at=ago(days=40),
            skills={bricks: True},
            certifications={cscs: True},
        ),
        "driver": JobListingFactory(
            employer=builders,
            title="Forklift driver",
            description="<p>Move pallets in the yard.</p>",
            sector="H",
            region="GB-MAN",
            employment_type="full-time",
            published_at=ago(hours=20),
            skills={forklift: True},
        ),
    }
    # Never found: an unverified employer's, a closed and a past-closing listing.
    JobListingFactory(employer=ghost, title="Ghost baker", description="<p>Bread.</p>", sector="C")
    JobListingFactory(employer=bakery, title="Old bread round", status=JobListing.Status.CLOSED, sector="C")
    JobListingFactory(employer=bakery, title="Bread van driver", closing_date=in_days(-1), sector="C")

    story = StoryPageFactory(parent=story_index, title="Bread and a second chance")
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Bread for every table")

    bakery_programme = ProgrammeFactory(name="Bakery skills", skills=[baking], sector="C")
    building_programme = ProgrammeFactory(name="Building skills", skills=[bricks])
    people = {
        "sam": GraduateFactory(
            provider=bakery_programme.provider,
            programmes=[bakery_programme],
            certifications=[hygiene],
            preferred_regions=["GB-MAN"],
            preferred_sectors=["C"],
        ),
        "alex": GraduateFactory(
            provider=building_programme.provider,
            programmes=[building_programme],
            certifications=[cscs],
            preferred_regions=["GB-LDS"],
            willing_to_travel=True,
            wants_remote=True,
        ),
        # Never matched: no consent; an unverified provider.
        "no_consent": GraduateFactory(programmes=[bakery_programme], consent=False),
        "unverified": GraduateFactory(provider=PendingProviderFactory(), skills=[baking]),
    }
    engine.load()
    return {
        "engine": engine,
        "job": job,
        "people": people,
        "story": story,
        "campaign": campaign,
        "bakery": bakery,
        "builders": builders,
    }


def names_of(world, jobs):
    by_pk = {job.pk: name for name, job in world["job"].items()}
    return [by_pk.get(job.pk, job.title) for job in jobs]


def counts(results, facet):
    return {option.value: option.count for option in results.facets[facet] if option.count}


# Job search ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query,expected",
    [
        ("bread", {"baker", "counter", "clerk"}),
        ("pallets", {"driver"}),
        ("Loaves", {"baker", "counter", "clerk"}),  # the employer's name
        ("bricks", {"bricklayer"}),
        ("sourdough croissant", set()),
    ],
)
def test_job_search_finds_the_same_listings(world, query, expected):
    results = job_search.search(query=query)
    assert set(names_of(world, results.jobs)) == expected
    assert results.total == len(expected)


def test_job_search_facet_counts_follow_multi_select(world):
    results = job_search.search(filters={"sector": ["F"]})
    assert set(names_of(world, results.jobs)) == {"labourer", "bricklayer"}
    # A facet's own selection does not narrow its counts; the others' do.
    assert counts(results, "sector") == {"C": 1, "G": 1, "N": 1, "F": 2, "H": 1}
    assert counts(results, "region") == {"GB-LDS": 1, "GB-MAN": 1}
    assert counts(results, "employment_type") == {"temporary": 1, "full-time": 1}
    assert counts(results, "remote") == {"on-site": 2}
    assert [o.count for o in results.facets["posted_within"]] == [0, 0, 1]


def test_job_search_counts_with_words_and_filters(world):
    results = job_search.search(
        query="bread", filters={"region": ["GB-LDS"], "employment_type": ["part-time"]}
    )
    assert set(names_of(world, results.jobs)) == {"counter", "clerk"}
    assert counts(results, "region") == {"GB-LDS": 2}
    assert counts(results, "employment_type") == {"part-time": 2}
    assert counts(results, "sector") == {"G": 1, "N": 1}
    assert counts(results, "remote") == {"on-site": 1, "remote": 1}


def test_posted_within_counts_and_filter(world):
    results = job_search.search(filters={"posted_within": "7"})
    assert set(names_of(world, results.jobs)) == {"baker", "driver", "counter", "clerk"}
    assert [(o.value, o.count) for o in results.facets["posted_within"]] == [(1, 2), (7, 4), (30, 5)]


def test_sorts_give_the_same_order(world):
    newest = job_search.search(filters={"region": ["GB-MAN"]}, sort="newest")
    assert names_of(world, newest.jobs) == ["baker", "driver", "bricklayer"]
    closing = job_search.search(sort="closing_soon")
    # Dated closings first, soonest first; the rest newest first.
    assert names_of(world, closing.jobs) == ["counter", "baker", "driver", "clerk", "labourer", "bricklayer"]


def test_listings_published_at_the_same_moment_come_in_one_order(engine, home):
    """Ties on publication time are broken by the newest record first, and a fraction of a
    millisecond still counts: the database keeps microseconds, and so must the engine."""
    employer = EmployerFactory(name="Even Hours")
    moment = (timezone.now() - datetime.timedelta(hours=1)).replace(microsecond=100)
    # Created first, so it has the lowest key, yet published 300 microseconds after the others.
    later = JobListingFactory(
        employer=employer, title="Packer", published_at=moment + datetime.timedelta(microseconds=300)
    )
    first = JobListingFactory(employer=employer, title="Packer", published_at=moment)
    second = JobListingFactory(employer=employer, title="Packer", published_at=moment)
    engine.load()
    expected = [later.pk, second.pk, first.pk]
    for sort in ("newest", "relevance"):
        results = job_search.search(query="packer", sort=sort)
        assert [job.pk for job in results.jobs] == expected, sort
    pages = [job_search.search(sort="newest", per_page=1, page=page).jobs[0].pk for page in (1, 2, 3)]
    assert pages == expected


def test_pages_split_the_same_results(world):
    first = job_search.search(sort="newest", per_page=4)
    second = job_search.search(sort="newest", per_page=4, page=2)
    assert (first.total, second.total) == (6, 6)
    assert names_of(world, first.jobs) == ["baker", "driver", "counter", "clerk"]
    assert names_of(world, second.jobs) == ["labourer", "bricklayer"]


# Site search -----------------------------------------------------------------------------------


def hits(results):
    return {(hit.type, hit.title) for hit in results.hits}


def test_site_search_hits_and_counts_by_type(world):
    results = site.search("bread")
    assert results.counts == {"story": 1, "campaign": 1, "job": 3, "employer": 0, "page": 0}
    assert hits(results) == {
        ("story", "Bread and a second chance"),
        ("campaign", "Bread for every table"),
        ("job", "Night baker"),
        ("job", "Shop counter assistant"),
        ("job", "Remote order clerk"),
    }
    assert results.total == 5


def test_site_search_by_type(world):
    results = site.search("bread", type="job")
    assert results.total == 3
    assert {hit.type for hit in results.hits} == {"job"}
    assert results.counts["story"] == 1  # the other types still say what they hold


def test_site_search_finds_pledged_employers_only(world):
    assert hits(site.search("sourdough")) == {("employer", "Rise Loaves")}
    assert site.search("homes").counts["employer"] == 0  # verified, but not on the pledge wall
    assert site.search("ghost").total == 0  # not verified


# Suggestions -----------------------------------------------------------------------------------


def labels(suggestions):
    return {(each.type, each.label) for each in suggestions}


def test_suggestions(world):
    assert labels(site.suggest("bread")) == {
        ("story", "Bread and a second chance"),
        ("campaign", "Bread for every table"),
    }
    assert labels(site.suggest("brick")) == {("job", "Bricklayer")}
    assert labels(site.suggest("rise")) == {("employer", "Rise Loaves")}
    assert site.suggest("zzzz") == []


def test_suggestions_link_to_the_pages(world):
    (story,) = site.suggest("bread and")
    assert story.url == world["story"].url


# Matching --------------------------------------------------------------------------------------


def test_jobs_for_a_graduate_rank_the_same(world):
    sam = world["people"]["sam"]
    matches = jobs_for_graduate(sam)
    # Same region or remote only: the bakery job scores on skill, certification and sector.
    assert names_of(world, [m.job for m in matches]) == ["baker", "driver", "bricklayer"]
    assert matches[0].matched_skills == ["Baking"]
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)

    alex = world["people"]["alex"]
    order = names_of(world, [m.job for m in jobs_for_graduate(alex)])
    assert order[:2] == ["bricklayer", "labourer"]
    assert set(order) == {"bricklayer", "labourer", "counter", "clerk", "baker", "driver"}


def test_graduates_for_a_job_rank_the_same(world):
    people = world["people"]
    assert [m.graduate.pk for m in graduates_for_job(world["job"]["bricklayer"])] == [
        people["alex"].pk,
        people["sam"].pk,
    ]
    assert [m.graduate.pk for m in graduates_for_job(world["job"]["baker"])] == [
        people["sam"].pk,
        people["alex"].pk,
    ]
    assert [m.graduate.pk for m in graduates_for_job(world["job"]["counter"])] == [people["alex"].pk]


# Forgetting ------------------------------------------------------------------------------------


def test_closed_deleted_and_suspended_listings_are_no_longer_found(world):
    engine, job = world["engine"], world["job"]
    job["baker"].close()
    JobListing.objects.get(pk=job["counter"].pk).delete()
    world["builders"].suspend(by=None, reason="Under review")
    engine.settle()

    assert set(names_of(world, job_search.search(query="bread").jobs)) == {"clerk"}
    assert set(names_of(world, job_search.search().jobs)) == {"clerk"}
    assert site.search("bread").counts["job"] == 1
    assert names_of(world, [m.job for m in jobs_for_graduate(world["people"]["alex"])]) == ["clerk"]


def test_unpublished_story_and_withdrawn_pledge_are_no_longer_found(world):
    engine = world["engine"]
    world["story"].unpublish()
    world["bakery"].pledges.get().withdraw(by=None, reason="Closing down")
    engine.settle()

    results = site.search("bread")
    assert results.counts["story"] == 0
    assert results.counts["campaign"] == 1
    assert site.search("sourdough").counts["employer"] == 0
    assert labels(site.suggest("bread")) == {("campaign", "Bread for every table")}


def test_withdrawn_consent_takes_the_graduate_out_of_matching(world):
    engine, sam = world["engine"], world["people"]["sam"]
    sam.withdraw_consent(by=None)
    engine.settle()
    assert jobs_for_graduate(sam) == []
    assert [m.graduate.pk for m in graduates_for_job(world["job"]["baker"])] == [world["people"]["alex"].pk]


def test_a_deleted_story_is_no_longer_found(world):
    engine = world["engine"]
    world["story"].delete()
    engine.settle()
    assert site.search("bread").counts["story"] == 0
