"""A hire is recorded from where it happens: the accepted introduction, in either area.

The job and the graduate come from the introduction; the start date and the hours are asked; the
hire is linked to the introduction, once; only the employer whose job it is and the provider whose
graduate it is may record it (anyone else gets a 404).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from matching.models import Hire, Introduction, RetentionCheck
from partners.models import Graduate, PersonalDataAccess
from tests.employers.factories import JobListingFactory, OwnerFactory, RecruiterFactory
from tests.partners.factories import GraduateFactory, ProgrammeFactory, ProviderStaffFactory
from tests.portal.factories import UserFactory, with_totp

START = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


@pytest.fixture
def staff(home):
    return ProviderStaffFactory()


@pytest.fixture
def graduate(staff):
    return GraduateFactory(provider=staff.provider, programmes=[ProgrammeFactory(provider=staff.provider)])


@pytest.fixture
def owner(home):
    return OwnerFactory()


@pytest.fixture
def job(owner):
    return JobListingFactory(employer=owner.employer, title="Site labourer")


def introduce(job, graduate, status=Introduction.Status.ACCEPTED):
    recruiter = RecruiterFactory(employer=job.employer)
    return Introduction.objects.create(
        job=job,
        graduate=graduate,
        requested_by=recruiter.user,
        status=status,
        answered_at=timezone.now() if status != Introduction.Status.REQUESTED else None,
        released_contact="Sam, 07700 900123" if status == Introduction.Status.ACCEPTED else "",
    )


@pytest.fixture
def accepted(job, graduate):
    return introduce(job, graduate)


def partner_url(introduction):
    return f"/partner/introductions/{introduction.pk}/hire/"


def employer_url(introduction):
    return f"/employer/jobs/{introduction.job_id}/introductions/{introduction.pk}/hire/"


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {tag["id"] for tag in soup.select("[id$='-error']")}


def test_the_partner_records_a_hire_from_the_accepted_introduction(client, staff, graduate, job, accepted):
    client.force_login(staff.user)
    page = client.get(f"/partner/introductions/{accepted.pk}/")
    link = BeautifulSoup(page.content, "html.parser").select_one("[data-action=record-hire]")
    assert link["href"] == partner_url(accepted)

    form = client.get(partner_url(accepted))
    soup = BeautifulSoup(form.content, "html.parser")
    assert soup.select_one("[data-field=job]").get_text().startswith("Site labourer")
    assert soup.select_one("[data-field=graduate]").get_text() == graduate.reference
    assert not soup.select("select"), "the job and the graduate are fixed, not chosen"

    response = client.post(partner_url(accepted), {"start_date": START, "hours_per_week": "30"})
    assert response.status_code == 302
    hire = Hire.objects.get()
    assert (hire.introduction, hire.graduate, hire.job, hire.employer, hire.recorded_by) == (
        accepted,
        graduate,
        job,
        job.employer,
        staff.user,
    )
    assert (hire.start_date.isoformat(), hire.hours_per_week) == (START, 30)
    # It feeds the retention checks as before, and the graduate is placed.
    assert sorted(RetentionCheck.objects.filter(hire=hire).values_list("months", flat=True)) == [3, 6, 12]
    graduate.refresh_from_db()
    assert graduate.status == Graduate.Status.PLACED
    page = client.get(f"/partner/introductions/{accepted.pk}/")
    assert BeautifulSoup(page.content, "html.parser").select_one("[data-flag=hire-recorded]")


def test_the_employer_records_a_hire_from_the_matches_page(client, owner, graduate, job, accepted):
    client.force_login(owner.user)
    page = client.get(f"/employer/jobs/{job.pk}/matches/")
    links = [
        a["href"] for a in BeautifulSoup(page.content, "html.parser").select("[data-action=record-hire]")
    ]
    assert links == [employer_url(accepted)]
    assert client.get(employer_url(accepted)).status_code == 200
    response = client.post(employer_url(accepted), {"start_date": START, "hours_per_week": "16"})
    assert response.status_code == 302
    hire = Hire.objects.get()
    assert (hire.introduction, hire.job, hire.recorded_by, hire.hours_per_week) == (
        accepted,
        job,
        owner.user,
        16,
    )
    page = client.get(f"/employer/jobs/{job.pk}/matches/")
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("[data-flag=hire-recorded]") and not soup.select("[data-action=record-hire]")


def test_a_hire_cannot_be_recorded_twice_for_one_introduction(client, owner, staff, accepted):
    client.force_login(staff.user)
    assert (
        client.post(partner_url(accepted), {"start_date": START, "hours_per_week": "30"}).status_code == 302
    )
    client.force_login(owner.user)
    again = client.post(employer_url(accepted), {"start_date": START, "hours_per_week": "20"}, follow=True)
    assert "already recorded" in again.content.decode()
    assert Hire.objects.count() == 1
    # Two requests racing past the check meet the database's one-hire-per-introduction rule.
    assert accepted.record_hire(owner.user, datetime.date.today(), 20) is None
    assert Hire.objects.count() == 1


@pytest.mark.parametrize(
    "status",
    [
        Introduction.Status.REQUESTED,
        Introduction.Status.DECLINED,
        Introduction.Status.EXPIRED,
        Introduction.Status.WITHDRAWN,
    ],
)
def test_only_an_accepted_introduction_leads_to_a_hire(client, owner, staff, job, graduate, status):
    introduction = introduce(job, graduate, status=status)
    for user, url in ((staff.user, partner_url(introduction)), (owner.user, employer_url(introduction))):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"start_date": START, "hours_per_week": "30"}).status_code == 404
    assert not Hire.objects.exists()


def test_an_erased_graduate_gets_no_hire(client, staff, graduate, accepted):
    graduate.erase(staff.user)
    client.force_login(staff.user)
    assert (
        client.post(partner_url(accepted), {"start_date": START, "hours_per_week": "30"}).status_code == 404
    )
    assert not Hire.objects.exists()


def test_another_provider_or_employer_gets_404(client, accepted, job):
    stranger_staff = ProviderStaffFactory()
    stranger_owner = OwnerFactory()
    other_job = JobListingFactory(employer=stranger_owner.employer)
    attempts = [
        (stranger_staff.user, partner_url(accepted)),
        (stranger_owner.user, employer_url(accepted)),
        # Their own job in the address, someone else's introduction.
        (stranger_owner.user, f"/employer/jobs/{other_job.pk}/introductions/{accepted.pk}/hire/"),
    ]
    for user, url in attempts:
        client.force_login(user)
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"start_date": START, "hours_per_week": "30"}).status_code == 404, url
    assert not Hire.objects.exists()


def test_bad_input_is_answered_next_to_the_field_and_kept(client, staff, accepted):
    client.force_login(staff.user)
    before = (accepted.requested_at - datetime.timedelta(days=3)).date().isoformat()
    response = client.post(partner_url(accepted), {"start_date": before, "hours_per_week": "120"})
    assert response.status_code == 400
    assert errors(response) == {"id_start_date-error", "id_hours_per_week-error"}
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_hours_per_week")["value"] == "120"
    response = client.post(partner_url(accepted), {})
    assert response.status_code == 400
    assert errors(response) == {"id_start_date-error", "id_hours_per_week-error"}
    assert not Hire.objects.exists()


def test_the_graduates_hire_page_offers_accepted_introductions_not_every_job(
    client, staff, graduate, job, accepted
):
    JobListingFactory.create_batch(3)  # other employers' published jobs
    declined = introduce(JobListingFactory(), graduate, status=Introduction.Status.DECLINED)
    client.force_login(staff.user)
    soup = BeautifulSoup(client.get(f"/partner/graduates/{graduate.reference}/hire/").content, "html.parser")
    assert not soup.select("select"), "no drop-down of every employer's jobs"
    assert [a["href"] for a in soup.select("[data-action=record-hire]")] == [partner_url(accepted)]
    assert partner_url(declined) not in str(soup)


def test_the_employer_seeing_released_contact_is_in_the_audit(client, owner, graduate, job, accepted):
    client.force_login(owner.user)
    assert client.get(f"/employer/jobs/{job.pk}/matches/").status_code == 200
    entry = PersonalDataAccess.objects.get(graduate=graduate)
    assert (entry.user, entry.action) == (owner.user, PersonalDataAccess.Action.VIEW)


def test_the_admin_hire_page_shows_the_introduction_and_hours(client, staff, accepted):
    accepted.record_hire(staff.user, datetime.date.today(), 24)
    hire = Hire.objects.get()
    client.force_login(with_totp(UserFactory(is_superuser=True, email="root@example.org")))
    page = client.get(reverse("hires_admin:inspect", args=[hire.pk])).content.decode()
    assert "Accepted on" in page and "24" in page
