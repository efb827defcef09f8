"""The applications inbox of a job in the employer area: the list, one application (opening it
marks it viewed and is audited), the CV the seeker sent, shortlist, invite, offer, not this time,
record the hire; forms with bad input say why next to the field and keep what was typed."""

import datetime

import pytest
from django.utils import timezone

from applications.models import Application
from seekers.models import SeekerDataAccess
from tests.applications.factories import ApplicationFactory, at_stage
from tests.employers.factories import JobListingFactory, OwnerFactory, RecruiterFactory, owner_of
from tests.seekers.factories import JobSeekerFactory, with_cv


@pytest.fixture
def job(db):
    return JobListingFactory(title="Line Cook")


@pytest.fixture
def owner(client, job):
    user = OwnerFactory(employer=job.employer).user
    client.force_login(user)
    return user


def _url(application, tail=""):
    return f"/employer/jobs/{application.job_id}/applications/{application.pk}/{tail}"


def test_the_inbox_lists_the_job_s_applications_by_reference(client, owner, job):
    mine = ApplicationFactory(job=job)
    other_job = ApplicationFactory(job=JobListingFactory(employer=job.employer))
    page = client.get(f"/employer/jobs/{job.pk}/applications/").content.decode()
    assert mine.seeker.reference in page and other_job.seeker.reference not in page
    assert mine.cover_note.split()[0] not in page  # the list names, the application shows
    assert not SeekerDataAccess.objects.exists()
    assert "/applications/" in client.get(f"/employer/jobs/{job.pk}/").content.decode()


def test_opening_an_application_marks_it_viewed_and_is_audited(client, owner, job, mailoutbox):
    application = ApplicationFactory(job=job, seeker=with_cv(JobSeekerFactory()), shares_cv=True)
    page = client.get(_url(application)).content.decode()
    assert application.cover_note in page
    assert application.seeker.personal_statement.split()[0] in page
    assert application.seeker.user.email in page
    assert _url(application, "cv/") in page
    application.refresh_from_db()
    assert application.status == "viewed" and application.viewed_at is not None
    access = SeekerDataAccess.objects.get()
    assert (access.seeker, access.user, access.employer, access.action) == (
        application.seeker,
        owner,
        job.employer,
        SeekerDataAccess.Action.VIEW_PROFILE,
    )
    client.get(_url(application))
    assert SeekerDataAccess.objects.count() == 2  # every view, not only the first
    assert len(mailoutbox) == 1  # "viewed" is told once


def test_the_cv_is_served_only_when_sent_and_each_download_audited(client, owner, job):
    sent = ApplicationFactory(job=job, seeker=with_cv(JobSeekerFactory()), shares_cv=True)
    kept = ApplicationFactory(job=job, seeker=with_cv(JobSeekerFactory()), shares_cv=False)
    response = client.get(_url(sent, "cv/"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"SEEKMARKcv" in b"".join(response.streaming_content)
    assert (
        SeekerDataAccess.objects.filter(action=SeekerDataAccess.Action.VIEW_CV, seeker=sent.seeker).count()
        == 1
    )
    assert client.get(_url(kept, "cv/")).status_code == 404
    assert _url(kept, "cv/") not in client.get(_url(kept)).content.decode()
    # nor through the seekers app's own pages: the ground needs both profile and CV sent
    assert client.get(f"/employer/seekers/{kept.seeker.reference}/cv/").status_code == 404
    assert client.get(f"/employer/seekers/{sent.seeker.reference}/cv/").status_code == 200


def test_withdrawing_takes_the_profile_and_cv_back_from_that_employer_only(client, owner, job):
    seeker = with_cv(JobSeekerFactory())
    here = ApplicationFactory(job=job, seeker=seeker, shares_cv=True, shares_profile=True)
    elsewhere = ApplicationFactory(seeker=seeker, shares_cv=True, shares_profile=True)
    assert client.get(_url(here, "cv/")).status_code == 200

    client.force_login(seeker.user)
    assert client.post(f"/seeker/applications/{here.pk}/withdraw/").status_code == 302
    here.refresh_from_db()
    assert here.status == Application.Status.WITHDRAWN

    client.force_login(owner)
    page = client.get(_url(here)).content.decode()
    assert _url(here, "cv/") not in page and seeker.personal_statement.split()[0] not in page
    assert client.get(_url(here, "cv/")).status_code == 404
    assert client.get(f"/employer/seekers/{seeker.reference}/").status_code == 404
    assert client.get(f"/employer/seekers/{seeker.reference}/cv/").status_code == 404
    # The other employer the seeker applied to keeps what it was sent.
    other, _employer = owner_of(elsewhere.job.employer)
    client.force_login(other)
    assert client.get(f"/employer/seekers/{seeker.reference}/cv/").status_code == 200


def test_a_profile_not_sent_is_not_shown(client, owner, job):
    application = ApplicationFactory(job=job, shares_profile=False)
    page = client.get(_url(application)).content.decode()
    assert 'data-flag="no-profile"' in page
    assert application.seeker.personal_statement.split()[0] not in page
    assert application.seeker.user.email not in page
    assert application.cover_note in page


def test_shortlist_invite_offer_and_hire(client, owner, job, mailoutbox):
    application = ApplicationFactory(job=job)
    client.get(_url(application))
    assert client.post(_url(application, "shortlist/")).status_code == 302
    day = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        _url(application, "invite/"),
        {"day": day, "time": "10:30", "place": "Rise Loaves, 1 Bread St", "message": ""},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "interview" and application.interview_place == "Rise Loaves, 1 Bread St"
    assert timezone.localtime(application.interview_at).strftime("%H:%M") == "10:30"
    assert (
        client.post(_url(application, "offer/"), {"message": "Starting pay £12.60 an hour."}).status_code
        == 302
    )
    assert client.get(_url(application, "hire/")).status_code == 200
    response = client.post(
        _url(application, "hire/"), {"start_date": timezone.localdate().isoformat(), "hours_per_week": "30"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "hired"
    assert [mail.subject for mail in mailoutbox if mail.to == [application.seeker.user.email]] == [
        "Rise Loaves has read your application for “Line Cook”".replace("Rise Loaves", job.employer.name),
        f"You are shortlisted for “Line Cook” at {job.employer.name}",
        f"{job.employer.name} invites you to an interview for “Line Cook”",
        f"{job.employer.name} offers you the job “Line Cook”",
        f"Your new job at {job.employer.name}: “Line Cook”",
    ]
    page = client.get(_url(application)).content.decode()
    assert 'data-action="shortlist"' not in page and 'data-action="record-hire"' not in page


def test_not_this_time_with_a_reason_template(client, owner, job, mailoutbox):
    application = ApplicationFactory(job=job)
    response = client.post(_url(application, "not-this-time/"), {"reason": "filled", "message": "Thank you."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.rejection_reason) == ("not-this-time", "filled")
    [mail] = mailoutbox
    assert "The job has been filled or is no longer open." in mail.body and "Thank you." in mail.body


@pytest.mark.parametrize(
    "tail, data, error",
    [
        (
            "invite/",
            {"day": "2001-01-01", "time": "10:00", "place": "Here", "message": "KEEPME"},
            "cannot be in the past",
        ),
        (
            "invite/",
            {"day": "", "time": "10:00", "place": "Here", "message": "KEEPME"},
            "This field is required",
        ),
        (
            "invite/",
            {"day": "NEXT", "time": "10:00", "place": "", "message": "KEEPME"},
            "Give a place or a video call link",
        ),
        ("not-this-time/", {"reason": "rude", "message": "KEEPME"}, "Select a valid choice"),
        ("offer/", {"message": "KEEPME" + "x" * 2000}, "at most 2000 characters"),
    ],
)
def test_bad_input_is_explained_and_kept(client, owner, job, tail, data, error):
    application = ApplicationFactory(job=job)
    if data.get("day") == "NEXT":
        data = {**data, "day": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}
    if tail == "offer/":
        at_stage(application, "viewed", by=owner)
    response = client.post(_url(application, tail), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert error in page and "KEEPME" in page and "<title>Error:" in page
    assert Application.objects.get(pk=application.pk).status == application.status


def test_hire_form_with_bad_dates_is_explained(client, owner, job):
    application = at_stage(ApplicationFactory(job=job), "interview", by=owner)
    response = client.post(_url(application, "hire/"), {"start_date": "2001-01-01", "hours_per_week": "200"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "before the application was sent" in page and "less than or equal to 80" in page


def test_a_hire_before_an_interview_is_not_offered(client, owner, job):
    application = ApplicationFactory(job=job)
    response = client.post(
        _url(application, "hire/"), {"start_date": timezone.localdate().isoformat(), "hours_per_week": "30"}
    )
    assert response.status_code == 302
    assert Application.objects.get(pk=application.pk).status == "sent"


def test_recruiters_work_the_inbox_too(client, job):
    recruiter = RecruiterFactory(employer=job.employer).user
    client.force_login(recruiter)
    application = ApplicationFactory(job=job)
    assert client.post(_url(application, "shortlist/")).status_code == 302
    assert Application.objects.get(pk=application.pk).status == "shortlisted"


def test_steps_change_state_only_by_post(client, owner, job):
    application = ApplicationFactory(job=job)
    for tail in ("shortlist/", "invite/", "offer/", "not-this-time/"):
        assert client.get(_url(application, tail)).status_code == 405
