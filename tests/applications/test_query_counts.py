"""The employer's inbox, an application, My applications and the partner area's list cost the same
number of queries whatever the number of applications behind them."""

from tests.applications.factories import ApplicationFactory, at_stage
from tests.employers.factories import JobListingFactory, OwnerFactory
from tests.partners.factories import CoordinatorFactory
from tests.seekers.factories import ConfirmedLinkFactory, JobSeekerFactory
from tests.seekers.test_query_counts import queries_for


def test_the_inbox_costs_the_same_with_more_applications(client, db):
    job = JobListingFactory()
    owner = OwnerFactory(employer=job.employer).user
    client.force_login(owner)
    ApplicationFactory.create_batch(2, job=job)
    url = f"/employer/jobs/{job.pk}/applications/"
    small = queries_for(client, url)
    for application in ApplicationFactory.create_batch(12, job=job):
        at_stage(application, "shortlisted", by=owner)
    assert queries_for(client, url) == small
    assert small <= 20, small


def test_an_application_costs_the_same_with_more_steps(client, db):
    job = JobListingFactory()
    owner = OwnerFactory(employer=job.employer).user
    client.force_login(owner)
    application = ApplicationFactory(job=job)
    url = f"/employer/jobs/{job.pk}/applications/{application.pk}/"
    client.get(url)  # viewed once; later views change nothing but the audit trail
    small = queries_for(client, url)
    at_stage(application, "interview", by=owner)
    application.invite(owner, application.interview_at, place="Elsewhere")
    assert queries_for(client, url) == small
    assert small <= 35, small


def test_my_applications_and_the_partner_list_cost_the_same_with_more_applications(client, db):
    seeker = JobSeekerFactory()
    link = ConfirmedLinkFactory(seeker=seeker)
    staff = CoordinatorFactory(provider=link.provider).user
    ApplicationFactory.create_batch(2, seeker=seeker)
    client.force_login(seeker.user)
    small_seeker = queries_for(client, "/seeker/applications/")
    client.force_login(staff)
    small_partner = queries_for(client, "/partner/seeker-applications/")
    ApplicationFactory.create_batch(12, seeker=seeker)
    for other in JobSeekerFactory.create_batch(3):
        ConfirmedLinkFactory(seeker=other, provider=link.provider)
        ApplicationFactory(seeker=other)
    assert queries_for(client, "/partner/seeker-applications/") == small_partner
    client.force_login(seeker.user)
    assert queries_for(client, "/seeker/applications/") == small_seeker
