"""The employer area's matches page: anonymised graduates, explanations, introduction requests."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.models import Hire, Introduction
from tests.employers.factories import (
    CertificationFactory,
    JobListingFactory,
    PendingJobFactory,
    RecruiterFactory,
    SkillFactory,
    owner_of,
)
from tests.partners.factories import (
    GraduateFactory,
    ProgrammeFactory,
    ProgrammeProviderFactory,
    ProviderStaffFactory,
    personal_markers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    user, employer = owner_of()
    brick = SkillFactory(name="Bricklaying")
    cscs = CertificationFactory(name="CSCS card")
    job = JobListingFactory(employer=employer, sector="F", skills=[brick], certifications=[cscs])
    provider = ProgrammeProviderFactory(name="Secret Provider Name Ltd")
    staff = ProviderStaffFactory(provider=provider)
    programme = ProgrammeFactory(provider=provider, name="Construction Skills Academy", skills=[brick])
    graduate = GraduateFactory(provider=provider, programmes=[programme], certifications=[cscs])
    return user, job, graduate, staff


def matches_url(job):
    return reverse("employers:job_matches", args=[job.pk])


def introduce_url(job, graduate):
    return reverse("employers:request_introduction", args=[job.pk, graduate.reference])


def test_the_page_shows_the_anonymised_profile_and_explanation_only(client, setting):
    user, job, graduate, _staff = setting
    client.force_login(user)
    response = client.get(matches_url(job))
    assert response.status_code == 200
    html = response.content.decode()
    assert graduate.reference in html
    assert "Construction Skills Academy" in html
    assert "Charity or NGO" in html.replace("charity or ngo", "Charity or NGO")
    assert "Bricklaying" in html and "CSCS card" in html
    assert "Matches 1 of 1 required skill: Bricklaying" in html
    assert "Holds the CSCS card" in html
    assert "Same region: Manchester" in html
    assert "Secret Provider Name Ltd" not in html
    for marker in personal_markers(graduate):
        assert marker not in html
    assert "PIIMARK" not in html


def test_an_accepted_introduction_shows_the_released_contact_and_statement(client, setting):
    user, job, graduate, staff = setting
    introduction = Introduction.objects.create(job=job, graduate=graduate, requested_by=user, message="Hi")
    introduction.accept(by=staff.user, released_contact="Call Sam on 0161 000 0000")
    client.force_login(user)
    html = client.get(matches_url(job)).content.decode()
    assert "Call Sam on 0161 000 0000" in html
    assert graduate.personal_statement.split()[0] in html
    other_job = JobListingFactory(employer=job.employer, sector="F")
    other = client.get(matches_url(other_job)).content.decode()
    assert graduate.personal_statement.split()[0] not in other  # accepted for the other job only


def test_an_unpublished_job_says_why_there_are_no_matches(client, setting):
    user, job, _graduate, _staff = setting
    pending = PendingJobFactory(employer=job.employer)
    client.force_login(user)
    response = client.get(matches_url(pending))
    assert response.status_code == 200
    assert b'data-flag="not-published"' in response.content


def test_another_organisations_job_is_404(client, setting):
    _user, job, graduate, _staff = setting
    stranger, _employer = owner_of()
    client.force_login(stranger)
    assert client.get(matches_url(job)).status_code == 404
    response = client.post(introduce_url(job, graduate), {"message": "Hello"})
    assert response.status_code == 404
    assert not Introduction.objects.exists()


def test_requesting_an_introduction_creates_one_and_emails_the_staff(client, setting):
    user, job, graduate, staff = setting
    recruiter = RecruiterFactory(employer=job.employer).user
    client.force_login(recruiter)
    response = client.post(introduce_url(job, graduate), {"message": "We would love to meet."})
    assert response.status_code == 302
    introduction = Introduction.objects.get()
    assert (introduction.job, introduction.graduate, introduction.origin) == (job, graduate, "employer")
    assert introduction.requested_by == recruiter and introduction.message == "We would love to meet."
    (email,) = mail.outbox
    assert email.to == [staff.user.email]
    assert graduate.reference in email.subject and "We would love to meet." in email.body
    for marker in personal_markers(graduate):
        assert marker not in email.body and marker not in email.subject

    # A second request is refused kindly, and creates nothing.
    response = client.post(introduce_url(job, graduate), {"message": "Again"}, follow=True)
    assert Introduction.objects.count() == 1 and len(mail.outbox) == 1
    assert "already asked" in response.content.decode()
    assert 'data-flag="introduction-requested"' in response.content.decode()


def test_a_message_is_required(client, setting):
    user, job, graduate, _staff = setting
    client.force_login(user)
    response = client.post(introduce_url(job, graduate), {"message": "  "})
    assert response.status_code == 400
    assert "Write a short message" in response.content.decode()
    assert not Introduction.objects.exists() and not mail.outbox


def test_a_graduate_no_longer_matchable_is_404(client, setting):
    user, job, graduate, _staff = setting
    graduate.withdraw_consent(by=None)
    client.force_login(user)
    assert client.post(introduce_url(job, graduate), {"message": "Hello"}).status_code == 404
    assert graduate.reference not in client.get(matches_url(job)).content.decode()


def test_a_clashing_graduate_is_404_on_the_introduce_url(client, setting):
    user, job, _graduate, _staff = setting
    job.requires_driving = True
    job.save()
    clash = GraduateFactory(no_driving=True)
    client.force_login(user)
    assert client.post(introduce_url(job, clash), {"message": "Hello"}).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client, setting):
    _user, job, _graduate, _staff = setting
    response = client.get(matches_url(job))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_job_detail_links_to_the_matches(client, setting):
    user, job, _graduate, _staff = setting
    client.force_login(user)
    response = client.get(reverse("employers:job_detail", args=[job.pk]))
    assert matches_url(job).encode() in response.content


def test_query_count_is_constant_in_the_number_of_graduates(client, setting):
    user, job, graduate, _staff = setting
    client.force_login(user)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(matches_url(job)).status_code == 200
        return len(captured)

    client.get(matches_url(job))  # the header's areas, kept for the pages that follow
    before = queries()
    brick = SkillFactory(name="Bricklaying")
    for _n in range(5):
        provider = ProgrammeProviderFactory()
        GraduateFactory(
            provider=provider,
            programmes=[ProgrammeFactory(provider=provider, skills=[brick, SkillFactory()])],
            skills=[SkillFactory()],
            certifications=[CertificationFactory()],
        )
    Introduction.objects.create(job=job, graduate=graduate, requested_by=user, message="Hi")
    html = client.get(matches_url(job)).content.decode()
    assert html.count('class="match"') == 6
    assert queries() == before


def test_accepted_introduction_stays_visible_after_the_graduate_is_placed(client):
    from matching.models import Introduction
    from partners.models import Graduate
    from tests.employers.factories import JobListingFactory, owner_of
    from tests.partners.factories import GraduateFactory

    owner, employer = owner_of()
    job = JobListingFactory(employer=employer)
    graduate = GraduateFactory()
    Introduction.objects.create(
        job=job,
        graduate=graduate,
        status=Introduction.Status.ACCEPTED,
        released_contact="Call Sam on 0100 000",
    )
    Graduate.objects.filter(pk=graduate.pk).update(status=Graduate.Status.PLACED)
    client.force_login(owner)
    body = client.get(f"/employer/jobs/{job.pk}/matches/").content.decode()
    assert "Call Sam on 0100 000" in body
    assert graduate.reference in body


def test_the_dashboard_lists_open_introductions_with_links(client, setting):
    user, job, graduate, staff = setting
    waiting = Introduction.objects.create(job=job, graduate=graduate, requested_by=user)
    second = GraduateFactory(provider=staff.provider)
    accepted = Introduction.objects.create(job=job, graduate=second, requested_by=user)
    accepted.accept(by=staff.user, released_contact="Call Sam")
    third = GraduateFactory(provider=staff.provider)
    Introduction.objects.create(job=job, graduate=third, requested_by=user).decline(by=staff.user)
    hired = GraduateFactory(provider=staff.provider)
    Introduction.objects.create(job=job, graduate=hired, requested_by=user).accept(
        by=staff.user, released_contact="x"
    )
    Hire.objects.create(graduate=hired, job=job, employer=job.employer, start_date=datetime.date(2026, 1, 5))
    elsewhere, other_employer = owner_of()
    other_job = JobListingFactory(employer=other_employer)
    Introduction.objects.create(job=other_job, graduate=third, requested_by=elsewhere)

    client.force_login(user)
    soup = BeautifulSoup(client.get("/employer/").content, "html.parser")
    section = soup.select_one("[data-section=introductions]")
    rows = {int(li["data-introduction"]): li for li in section.select("li[data-introduction]")}
    assert set(rows) == {waiting.pk, accepted.pk}  # not declined, not hired, not another organisation's
    assert rows[waiting.pk]["data-status"] == "requested"
    assert "waiting for the programme's answer" in rows[waiting.pk].get_text()
    assert "accepted on" in rows[accepted.pk].get_text()
    link = rows[accepted.pk].find("a")["href"]
    assert link == f"{matches_url(job)}#graduate-{second.reference}"
    assert job.title in rows[accepted.pk].get_text()
    assert "Call Sam" not in section.get_text()  # contact details stay on the matches page


def test_the_dashboard_says_when_no_introduction_is_open(client, setting):
    user, _job, _graduate, _staff = setting
    client.force_login(user)
    soup = BeautifulSoup(client.get("/employer/").content, "html.parser")
    assert "No open introductions" in soup.select_one("[data-section=introductions]").get_text()
