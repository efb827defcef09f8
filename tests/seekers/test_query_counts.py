"""The seeker area's profile and matched-jobs pages, and the employer's job seekers page, cost the
same number of queries whatever the number of skills, jobs or seekers behind them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.employers.factories import JobListingFactory, OwnerFactory, SkillFactory
from tests.seekers.factories import FindableSeekerFactory, JobSeekerFactory


def queries_for(client, url):
    client.get(url)  # warm the caches a first visit fills (areas, fragments)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(seeker, skills, count, start):
    """`count` more skills for the seeker and `count` more open jobs asking for them."""
    new = [SkillFactory(name=f"Skill {start + n}") for n in range(count)]
    seeker.skills.add(*new)
    skills += new
    for n in range(count):
        JobListingFactory(skills=skills[n % len(skills) : n % len(skills) + 2], region="GB-MAN")


def test_the_seeker_pages_cost_the_same_with_more_skills_and_jobs(client, db):
    seeker = JobSeekerFactory()
    skills = []
    grow(seeker, skills, 2, 0)
    client.force_login(seeker.user)
    urls = [
        "/seeker/",
        "/seeker/profile/",
        "/seeker/jobs/",
        "/seeker/work-history/",
        "/seeker/introductions/",
    ]
    small = {url: queries_for(client, url) for url in urls}
    grow(seeker, skills, 12, 2)
    large = {url: queries_for(client, url) for url in urls}
    assert small == large
    assert large["/seeker/jobs/"] <= 20, large


def test_the_employers_job_seekers_page_costs_the_same_with_more_seekers(client, db):
    cooking = SkillFactory(name="Cooking")
    job = JobListingFactory(skills=[cooking])
    client.force_login(OwnerFactory(employer=job.employer).user)
    FindableSeekerFactory.create_batch(2, skills=[cooking])
    url = f"/employer/jobs/{job.pk}/seekers/"
    small = queries_for(client, url)
    FindableSeekerFactory.create_batch(12, skills=[cooking, SkillFactory()])
    assert queries_for(client, url) == small
