"""A job seeker applies from a job page: the Apply button, the choice of what to send, the
employer's record-check stage shown before applying, one application per job, and My applications."""

import pytest
from django.db import IntegrityError, transaction

from applications.models import Application
from jobs.models import ApplyMethod
from tests.applications.factories import ApplicationFactory, at_stage
from tests.employers.factories import JobListingFactory, OwnerFactory, VerifiedUserFactory
from tests.seekers.factories import JobSeekerFactory, with_cv


@pytest.fixture
def job(db):
    return JobListingFactory(
        title="Line Cook",
        employer__name="Rise Loaves",
        employer__record_check_stage="after-interview",
        fair_chance_statement="We judge people on what they can do.",
        works_with_vulnerable_people=True,
    )


@pytest.fixture
def seeker(client, db):
    seeker = with_cv(JobSeekerFactory())
    client.force_login(seeker.user)
    return seeker


def test_the_job_page_offers_a_signed_in_seeker_the_apply_button(client, seeker, job):
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-action="apply"' in page
    assert f"/seeker/applications/apply/{job.pk}/" in page
    assert 'data-apply="programme"' in page  # programme providers still put people forward


def test_anyone_else_is_told_how_to_apply_as_a_job_seeker(client, job):
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-action="apply"' not in page and "Log in to apply" in page
    client.force_login(VerifiedUserFactory())
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-action="apply"' not in page and "/seeker/start/" in page


@pytest.mark.parametrize("method", [ApplyMethod.URL, ApplyMethod.EMAIL])
def test_jobs_applied_for_elsewhere_have_no_apply_button_and_refuse_applications(client, seeker, method):
    job = JobListingFactory(
        apply_method=method, apply_url="https://example.org/jobs/1", apply_email="j@example.org"
    )
    assert 'data-action="apply"' not in client.get(job.get_absolute_url()).content.decode()
    assert client.get(f"/seeker/applications/apply/{job.pk}/").status_code == 404
    assert client.post(f"/seeker/applications/apply/{job.pk}/", {"shares_profile": "on"}).status_code == 404
    assert not Application.objects.exists()


def test_the_apply_page_shows_the_record_check_stage_and_the_fair_chance_statement(client, seeker, job):
    page = client.get(f"/seeker/applications/apply/{job.pk}/").content.decode()
    assert 'data-record-check="after-interview"' in page
    assert "After interview" in page
    assert "We judge people on what they can do." in page
    assert "Works with children or vulnerable adults" in page
    assert 'name="shares_cv"' in page  # the seeker has a CV


def test_a_seeker_chooses_what_to_send_and_the_employer_is_told(client, seeker, job, mailoutbox):
    owner = OwnerFactory(employer=job.employer).user
    response = client.post(
        f"/seeker/applications/apply/{job.pk}/",
        {"shares_profile": "on", "shares_cv": "on", "cover_note": "I cooked for 200 people a night."},
    )
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/seeker/applications/{application.pk}/"
    assert (application.job, application.seeker) == (job, seeker)
    assert application.shares_profile and application.shares_cv
    assert application.cover_note == "I cooked for 200 people a night."
    assert application.record_check_stage == "after-interview"
    assert application.status == Application.Status.SENT
    assert [step.status for step in application.history.all()] == ["sent"]
    [mail] = mailoutbox
    assert mail.to == [owner.email] and seeker.reference in mail.subject
    assert "200 people" not in mail.body and seeker.user.email not in mail.body  # read in the inbox only


def test_sending_nothing_is_refused_next_to_the_form_keeping_what_was_typed(client, seeker, job):
    response = client.post(f"/seeker/applications/apply/{job.pk}/", {"cover_note": "   "})
    assert response.status_code == 400
    assert "Choose something to send" in response.content.decode()
    too_long = "x" * 3001
    response = client.post(
        f"/seeker/applications/apply/{job.pk}/", {"shares_profile": "on", "cover_note": too_long}
    )
    assert response.status_code == 400 and too_long in response.content.decode()
    assert not Application.objects.exists()


def test_a_seeker_without_a_cv_is_not_offered_to_send_one(client, job):
    seeker = JobSeekerFactory()
    client.force_login(seeker.user)
    page = client.get(f"/seeker/applications/apply/{job.pk}/").content.decode()
    assert 'name="shares_cv"' not in page
    client.post(f"/seeker/applications/apply/{job.pk}/", {"shares_profile": "on", "shares_cv": "on"})
    assert not Application.objects.get().shares_cv


def test_one_application_per_job_a_second_shows_the_first(client, seeker, job):
    first = ApplicationFactory(job=job, seeker=seeker)
    for method in (client.get, client.post):
        response = method(f"/seeker/applications/apply/{job.pk}/", {"shares_profile": "on"})
        assert response.status_code == 302 and response["Location"] == f"/seeker/applications/{first.pk}/"
    assert Application.objects.count() == 1
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'data-flag="applied"' in page and 'data-action="apply"' not in page


def test_the_database_holds_one_application_per_job_and_seeker(db):
    first = ApplicationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(job=first.job, seeker=first.seeker)


def test_my_applications_list_each_with_its_status_and_steps(client, seeker):
    owner = OwnerFactory().user
    interview = at_stage(
        ApplicationFactory(seeker=seeker, job__employer=owner.employer_memberships.get().employer),
        "interview",
        by=owner,
    )
    sent = ApplicationFactory(seeker=seeker)
    other = ApplicationFactory()  # another seeker's
    page = client.get("/seeker/applications/").content.decode()
    assert f'data-application="{interview.pk}" data-status="interview"' in page
    assert f'data-application="{sent.pk}" data-status="sent"' in page
    assert f'data-application="{other.pk}"' not in page
    detail = client.get(f"/seeker/applications/{interview.pk}/").content.decode()
    assert 'data-flag="interview"' in detail and "12 High Street" in detail
    assert [step for step in ("viewed", "shortlisted", "interview") if f'data-step="{step}"' in detail] == [
        "viewed",
        "shortlisted",
        "interview",
    ]
    assert client.get(f"/seeker/applications/{other.pk}/").status_code == 404


def test_a_seeker_may_withdraw_an_open_application(client, seeker):
    application = ApplicationFactory(seeker=seeker)
    response = client.post(f"/seeker/applications/{application.pk}/withdraw/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert client.get(f"/seeker/applications/{application.pk}/withdraw/").status_code == 405
