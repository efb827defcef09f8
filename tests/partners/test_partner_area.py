"""The partner area (/partner/): the gate, graduates, consent, the audit, introductions and hires."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jobs.models import JobListing
from matching import scoring as matching
from matching.models import Introduction
from partners.models import Graduate, GraduatePersonalData, MatchingConsent, PersonalDataAccess, ProviderStaff
from tests.employers.factories import JobListingFactory, OwnerFactory, RecruiterFactory, SkillFactory
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    PendingProviderFactory,
    ProgrammeFactory,
    ProgrammeProviderFactory,
    ProviderStaffFactory,
    personal_markers,
)
from tests.portal.factories import UserFactory

IP = "203.0.113.7"


@pytest.fixture
def staff(home):
    return ProviderStaffFactory()


@pytest.fixture
def provider(staff):
    return staff.provider


@pytest.fixture
def programme(provider):
    return ProgrammeFactory(provider=provider)


@pytest.fixture
def graduate(provider, programme):
    return GraduateFactory(provider=provider, programmes=[programme])


@pytest.fixture
def job():
    owner = OwnerFactory()
    return JobListingFactory(employer=owner.employer)


@pytest.fixture
def introduction(graduate, job):
    recruiter = RecruiterFactory(employer=job.employer)
    return Introduction.objects.create(
        job=job, graduate=graduate, requested_by=recruiter.user, message="We would like to meet them."
    )


@pytest.fixture
def logged_in(client, staff):
    client.force_login(staff.user)
    return client


def graduate_urls(graduate, job):
    ref = graduate.reference
    return [
        f"/partner/graduates/{ref}/",
        f"/partner/graduates/{ref}/edit/",
        f"/partner/graduates/{ref}/export/",
        f"/partner/graduates/{ref}/hire/",
        f"/partner/graduates/{ref}/suggest/{job.pk}/",
    ]


def all_urls(graduate, job, introduction):
    return [
        "/partner/",
        "/partner/graduates/",
        "/partner/graduates/new/",
        *graduate_urls(graduate, job),
        f"/partner/introductions/{introduction.pk}/",
    ]


def audit(graduate, action):
    return PersonalDataAccess.objects.filter(graduate=graduate, action=action)


# --- the gate ----------------------------------------------------------------------------------


class TestGate:
    def test_anonymous_visitors_are_sent_to_log_in(self, client, graduate, job, introduction):
        for url in all_urls(graduate, job, introduction):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/"), url

    def test_unverified_email_gets_403(self, client, graduate, job, introduction, provider):
        user = UserFactory()
        ProviderStaff.objects.create(provider=provider, user=user, role=ProviderStaff.Role.COORDINATOR)
        client.force_login(user)
        for url in all_urls(graduate, job, introduction):
            response = client.get(url)
            assert response.status_code == 403, url
            assert personal_markers(graduate)[1] not in response.content.decode()

    def test_users_who_are_not_provider_staff_get_403(self, client, graduate, job, introduction):
        client.force_login(OwnerFactory().user)  # an employer, verified, but no provider
        for url in all_urls(graduate, job, introduction):
            assert client.get(url).status_code == 403, url
        assert client.post(f"/partner/graduates/{graduate.reference}/consent/withdraw/").status_code == 403
        assert graduate.current_consent() is not None

    def test_staff_of_another_provider_get_404_for_graduates_and_introductions(
        self, client, graduate, job, introduction
    ):
        client.force_login(CoordinatorFactory().user)
        for url in [*graduate_urls(graduate, job), f"/partner/introductions/{introduction.pk}/"]:
            assert client.get(url).status_code == 404, url
        ref = graduate.reference
        for url in (f"/partner/graduates/{ref}/consent/withdraw/", f"/partner/graduates/{ref}/consent/"):
            assert client.post(url).status_code == 404, url
        response = client.post(f"/partner/introductions/{introduction.pk}/", {"decline": "1"})
        assert response.status_code == 404
        introduction.refresh_from_db()
        assert introduction.status == Introduction.Status.REQUESTED
        assert graduate.current_consent() is not None
        assert not PersonalDataAccess.objects.exists()
        # and their own lists do not show the graduate
        assert graduate.reference not in client.get("/partner/graduates/").content.decode()
        assert graduate.reference not in client.get("/partner/").content.decode()

    @pytest.mark.parametrize("factory", [ProviderStaffFactory, CoordinatorFactory])
    def test_case_workers_and_coordinators_may_use_every_page(self, client, home, factory):
        staff = factory()
        graduate = GraduateFactory(
            provider=staff.provider, programmes=[ProgrammeFactory(provider=staff.provider)]
        )
        job = JobListingFactory()
        introduction = Introduction.objects.create(job=JobListingFactory(), graduate=graduate)
        client.force_login(staff.user)
        for url in all_urls(graduate, job, introduction):
            assert client.get(url).status_code == 200, url

    def test_a_provider_waiting_for_verification_sees_only_the_waiting_page(
        self, client, home, graduate, job, introduction
    ):
        staff = ProviderStaffFactory(provider=PendingProviderFactory())
        own = GraduateFactory(provider=staff.provider)
        client.force_login(staff.user)
        dashboard = client.get("/partner/")
        assert dashboard.status_code == 200
        assert "Campaign staff are checking your provider" in dashboard.content.decode()
        for url in ["/partner/graduates/", "/partner/graduates/new/", f"/partner/graduates/{own.reference}/"]:
            response = client.get(url)
            assert response.status_code == 403, url
            assert personal_markers(own)[1] not in response.content.decode()
        assert not PersonalDataAccess.objects.exists()

    def test_staff_of_several_providers_choose_one(self, client, graduate, staff):
        other = ProviderStaffFactory(user=staff.user, provider=ProgrammeProviderFactory(name="Aaa First"))
        client.force_login(staff.user)
        # the first provider by name is the default
        assert client.get(f"/partner/graduates/{graduate.reference}/").status_code == 404
        response = client.post("/partner/switch/", {"provider": staff.provider_id})
        assert response.status_code == 302
        assert client.get(f"/partner/graduates/{graduate.reference}/").status_code == 200
        # a provider they do not work for cannot be chosen
        client.post("/partner/switch/", {"provider": ProgrammeProviderFactory().pk})
        assert client.get(f"/partner/graduates/{graduate.reference}/").status_code == 200
        client.post("/partner/switch/", {"provider": other.provider_id})
        assert client.get(f"/partner/graduates/{graduate.reference}/").status_code == 404


# --- dashboard and list -------------------------------------------------------------------------


class TestDashboardAndList:
    def test_dashboard_counts_and_waiting_requests_oldest_first(self, logged_in, provider, graduate, job):
        GraduateFactory(provider=provider, status=Graduate.Status.PLACED)
        other = GraduateFactory(provider=provider)
        now = datetime.datetime.now(datetime.UTC)
        newer = Introduction.objects.create(
            job=job, graduate=graduate, requested_at=now - datetime.timedelta(days=2)
        )
        older = Introduction.objects.create(
            job=job, graduate=other, requested_at=now - datetime.timedelta(days=10)
        )
        Introduction.objects.create(
            job=JobListingFactory(), graduate=other, status=Introduction.Status.DECLINED
        )
        soup = BeautifulSoup(logged_in.get("/partner/").content, "html.parser")
        assert soup.select_one('[data-count="seeking"] strong').get_text() == "2"
        assert soup.select_one('[data-count="placed"] strong').get_text() == "1"
        assert soup.select_one('[data-count="waiting"] strong').get_text() == "2"
        rows = soup.select("tr[data-introduction]")
        assert [row["data-introduction"] for row in rows] == [str(older.pk), str(newer.pk)]
        assert [row.select_one("[data-days-left]").get_text() for row in rows] == ["4", "12"]

    def test_list_rows_show_status_programmes_consent_and_link(
        self, logged_in, provider, graduate, programme
    ):
        other = ProgrammeFactory(provider=provider, name="Aaa first by name")
        both = GraduateFactory(
            provider=provider,
            programmes=[programme, other],
            status=Graduate.Status.NOT_SEEKING,
            consent=False,
        )
        soup = BeautifulSoup(logged_in.get("/partner/graduates/").content, "html.parser")
        row = soup.select_one(f'tr[data-graduate="{both.reference}"]')
        assert row["data-status"] == Graduate.Status.NOT_SEEKING
        link = row.select_one("th a")
        assert (link["href"], link.get_text()) == (f"/partner/graduates/{both.reference}/", both.reference)
        cells = [cell.get_text() for cell in row.select("td")]
        assert cells == [
            str(Graduate.Status.NOT_SEEKING.label),
            f"Aaa first by name, {programme.name}",
            "None: not matched",
        ]
        assert [cell["data-label"] for cell in row.select("th, td")] == [
            "Reference",
            "Status",
            "Programmes",
            "Matching consent",
        ]
        mine = soup.select_one(f'tr[data-graduate="{graduate.reference}"] [data-consent]')
        assert (mine["data-consent"], mine.get_text()) == ("yes", "Given")

    def test_list_shows_references_not_names_and_filters(self, logged_in, provider, graduate):
        placed = GraduateFactory(provider=provider, status=Graduate.Status.PLACED, consent=False)
        content = logged_in.get("/partner/graduates/").content.decode()
        assert graduate.reference in content and placed.reference in content
        for marker in personal_markers(graduate) + personal_markers(placed):
            assert marker not in content
        assert not PersonalDataAccess.objects.exists()
        soup = BeautifulSoup(content, "html.parser")
        assert soup.select_one(f'[data-graduate="{placed.reference}"] [data-consent]')["data-consent"] == "no"
        filtered = logged_in.get("/partner/graduates/?status=placed").content.decode()
        assert placed.reference in filtered and graduate.reference not in filtered
        searched = logged_in.get(f"/partner/graduates/?q={graduate.reference[2:6].lower()}").content.decode()
        assert graduate.reference in searched


# --- creating and editing graduates ---------------------------------------------------------------


def creation_data(programme, **overrides):
    data = {
        "full_name": "Alex Example",
        "email": "alex@example.net",
        "phone": "+44 7700 900123",
        "notes": "Prefers mornings.",
        "programmes-TOTAL_FORMS": "3",
        "programmes-INITIAL_FORMS": "0",
        "programmes-MIN_NUM_FORMS": "1",
        "programmes-MAX_NUM_FORMS": "1000",
        "programmes-0-programme": str(programme.pk),
        "programmes-0-completed_on": "2024-06-30",
        "available_from": "2025-01-06",
        "preferred_regions": ["GB-MAN"],
        "preferred_sectors": ["F"],
        "preferred_employment_types": ["full-time"],
        "no_driving": "on",
        "status": "seeking",
        "personal_statement": "I like building things.",
        "given_on": "2024-07-01",
        "method": "signed-form",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class TestCreateAndEdit:
    def test_creating_a_graduate_with_consent(self, logged_in, staff, programme):
        skill = SkillFactory()
        response = logged_in.post(
            "/partner/graduates/new/", creation_data(programme, extra_skills=[skill.pk]), REMOTE_ADDR=IP
        )
        assert response.status_code == 302
        graduate = Graduate.objects.get()
        assert response["Location"] == f"/partner/graduates/{graduate.reference}/"
        assert graduate.provider == staff.provider
        assert graduate.no_driving and not graduate.no_cash_handling
        assert graduate.preferred_regions == ["GB-MAN"]
        assert list(graduate.extra_skills.all()) == [skill]
        assert graduate.completions.get().programme == programme
        assert graduate.personal_data.full_name == "Alex Example"
        consent = graduate.current_consent()
        assert consent.method == "signed-form" and consent.recorded_by == staff.user
        assert Graduate.objects.matchable().filter(pk=graduate.pk).exists()
        entry = audit(graduate, "edit").get()
        assert (entry.user, entry.path, entry.ip_address) == (staff.user, "/partner/graduates/new/", IP)

    def test_creating_without_consent_says_the_graduate_is_not_matched(self, logged_in, programme):
        response = logged_in.post(
            "/partner/graduates/new/", creation_data(programme, given_on="", method=""), follow=True
        )
        graduate = Graduate.objects.get()
        assert not graduate.consents.exists()
        assert not Graduate.objects.matchable().exists()
        assert "not matched" in response.content.decode()

    def test_bad_input_shows_field_errors_and_keeps_input(self, logged_in, programme):
        data = creation_data(programme, email="not-an-address", **{"programmes-0-programme": ""})
        data.pop("programmes-0-completed_on")
        response = logged_in.post("/partner/graduates/new/", data)
        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("#id_email-error")
        assert "at least one programme" in soup.get_text()
        assert soup.select_one("#id_full_name")["value"] == "Alex Example"
        assert soup.select_one("#id_email")["value"] == "not-an-address"
        assert "I like building things." in soup.select_one("#id_personal_statement").get_text()
        assert soup.title.get_text().strip().startswith("Error:")
        assert not Graduate.objects.exists() and not GraduatePersonalData.objects.exists()

    def test_a_name_is_required_and_consent_needs_both_date_and_method(self, logged_in, programme):
        response = logged_in.post(
            "/partner/graduates/new/", creation_data(programme, full_name="", method="")
        )
        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("#id_full_name-error") and soup.select_one("#id_method-error")
        assert not Graduate.objects.exists()

    def test_another_providers_programme_is_refused(self, logged_in):
        foreign = ProgrammeFactory()
        response = logged_in.post("/partner/graduates/new/", creation_data(foreign))
        assert response.status_code == 400
        assert BeautifulSoup(response.content, "html.parser").select_one("#id_programmes-0-programme-error")
        assert not Graduate.objects.exists()

    def test_editing_is_audited(self, logged_in, staff, graduate, programme):
        url = f"/partner/graduates/{graduate.reference}/edit/"
        page = logged_in.get(url, REMOTE_ADDR=IP)
        assert personal_markers(graduate)[1] in page.content.decode()
        assert audit(graduate, "view").get().path == url
        data = creation_data(programme, full_name="New Name", status="not-seeking")
        for key in ("given_on", "method"):
            data.pop(key)
        response = logged_in.post(url, data, REMOTE_ADDR=IP)
        assert response.status_code == 302
        graduate.refresh_from_db()
        assert graduate.personal_data.full_name == "New Name"
        assert graduate.status == Graduate.Status.NOT_SEEKING
        assert graduate.current_consent() is not None
        entry = audit(graduate, "edit").get()
        assert (entry.user, entry.path, entry.ip_address) == (staff.user, url, IP)


# --- detail, consent, matches, export ---------------------------------------------------------------


class TestDetail:
    def test_every_view_of_the_detail_page_is_audited(self, logged_in, staff, graduate):
        url = f"/partner/graduates/{graduate.reference}/"
        for _ in range(2):
            response = logged_in.get(url, REMOTE_ADDR=IP)
            assert response.status_code == 200
        content = response.content.decode()
        assert all(marker in content for marker in personal_markers(graduate))
        entries = audit(graduate, "view")
        assert entries.count() == 2
        assert {(e.user, e.path, e.ip_address, e.method) for e in entries} == {(staff.user, url, IP, "GET")}

    def test_the_page_says_so_when_no_job_matches(self, logged_in, graduate):
        response = logged_in.get(f"/partner/graduates/{graduate.reference}/")
        assert response.status_code == 200
        assert response.context["matches"] == []
        assert "Matched jobs" in response.content.decode()

    def test_matched_jobs_show_with_their_explanations(self, logged_in, graduate, job, monkeypatch):
        class FakeMatch(matching.Match):
            def explanation(self):
                return ["Matched skills: cooking.", "Same region (Manchester)."]

        monkeypatch.setattr(
            matching, "jobs_for_graduate", lambda g, limit=20: [FakeMatch(job=job, graduate=g, score=3.0)]
        )
        soup = BeautifulSoup(
            logged_in.get(f"/partner/graduates/{graduate.reference}/").content, "html.parser"
        )
        item = soup.select_one(f'.matches [data-job="{job.pk}"]')
        assert "Matched skills: cooking." in item.get_text()
        assert item.select_one(f'a[href="/partner/graduates/{graduate.reference}/suggest/{job.pk}/"]')

    def test_real_matching_lists_a_fitting_job_and_withdrawal_empties_it(self, logged_in, graduate):
        skill = SkillFactory(name="Food preparation")
        graduate.extra_skills.add(skill)
        job = JobListingFactory(skills=[skill], region="GB-MAN")
        url = f"/partner/graduates/{graduate.reference}/"
        soup = BeautifulSoup(logged_in.get(url).content, "html.parser")
        assert soup.select_one(f'.matches [data-job="{job.pk}"] .explanation li')
        logged_in.post(f"{url}consent/withdraw/")
        soup = BeautifulSoup(logged_in.get(url).content, "html.parser")
        assert not soup.select(".matches [data-job]")
        assert soup.select_one('[data-flag="not-matched"]')

    def test_withdrawing_consent_removes_from_matching_at_once(self, logged_in, graduate):
        assert Graduate.objects.matchable().filter(pk=graduate.pk).exists()
        response = logged_in.post(f"/partner/graduates/{graduate.reference}/consent/withdraw/")
        assert response.status_code == 302
        assert not Graduate.objects.matchable().filter(pk=graduate.pk).exists()
        assert graduate.consents.get().withdrawn_at is not None
        page = logged_in.get(f"/partner/graduates/{graduate.reference}/").content.decode()
        assert "No matching consent is recorded" in page

    def test_recording_consent_later(self, logged_in, staff, provider):
        graduate = GraduateFactory(provider=provider, consent=False)
        url = f"/partner/graduates/{graduate.reference}/consent/"
        bad = logged_in.post(url, {"given_on": "", "method": "verbal"})
        assert bad.status_code == 400
        assert BeautifulSoup(bad.content, "html.parser").select_one("#id_given_on-error")
        assert logged_in.post(url, {"given_on": "2024-05-01", "method": "verbal"}).status_code == 302
        consent = MatchingConsent.objects.get(graduate=graduate)
        assert consent.recorded_by == staff.user and consent.method == "verbal"
        assert Graduate.objects.matchable().filter(pk=graduate.pk).exists()

    def test_export_is_a_csv_of_personal_data_and_profile_and_is_audited(self, logged_in, staff, graduate):
        GraduatePersonalData.objects.filter(graduate=graduate).update(notes="=HYPERLINK(1)")
        url = f"/partner/graduates/{graduate.reference}/export/"
        response = logged_in.get(url, REMOTE_ADDR=IP)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert f'filename="{graduate.reference}.csv"' in response["Content-Disposition"]
        rows = dict(csv.reader(io.StringIO(response.content.decode())))
        assert rows["reference"] == graduate.reference
        assert rows["full_name"] == graduate.personal_data.full_name
        assert rows["email"] == graduate.personal_data.email
        assert rows["notes"] == "'=HYPERLINK(1)"  # a spreadsheet must not run it
        assert rows["status"] == "Seeking work"
        entry = audit(graduate, "export").get()
        assert (entry.user, entry.path, entry.ip_address) == (staff.user, url, IP)


# --- introductions --------------------------------------------------------------------------------


def all_mail_text():
    return "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)


class TestIntroductions:
    def test_the_answer_page_prefills_the_contact_and_is_audited(self, logged_in, graduate, introduction):
        response = logged_in.get(f"/partner/introductions/{introduction.pk}/")
        assert response.status_code == 200
        textarea = (
            BeautifulSoup(response.content, "html.parser").select_one("#id_released_contact").get_text()
        )
        assert graduate.personal_data.full_name in textarea and graduate.personal_data.phone in textarea
        assert "We would like to meet them." in response.content.decode()
        assert audit(graduate, "view").count() == 1

    def test_accepting_releases_the_chosen_contact_and_tells_the_requester(
        self, logged_in, staff, graduate, introduction
    ):
        released = "Alex, call 07700 900999 after 5pm"
        url = f"/partner/introductions/{introduction.pk}/"
        response = logged_in.post(url, {"accept": "1", "released_contact": released}, REMOTE_ADDR=IP)
        assert response.status_code == 302
        introduction.refresh_from_db()
        assert introduction.status == Introduction.Status.ACCEPTED
        assert introduction.released_contact == released
        assert introduction.answered_by == staff.user
        entry = audit(graduate, "release").get()
        assert (entry.user, entry.path, entry.ip_address) == (staff.user, url, IP)
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [introduction.requested_by.email]
        text = all_mail_text()
        assert graduate.reference in text and "accepted" in text.lower()
        for secret in ["07700 900999", *personal_markers(graduate)]:
            assert secret not in text
        # answering twice does nothing
        logged_in.post(url, {"decline": "1"})
        introduction.refresh_from_db()
        assert introduction.status == Introduction.Status.ACCEPTED
        assert len(mail.outbox) == 1

    def test_accepting_needs_some_contact(self, logged_in, introduction):
        response = logged_in.post(
            f"/partner/introductions/{introduction.pk}/", {"accept": "1", "released_contact": ""}
        )
        assert response.status_code == 400
        assert BeautifulSoup(response.content, "html.parser").select_one("#id_released_contact-error")
        introduction.refresh_from_db()
        assert introduction.status == Introduction.Status.REQUESTED
        assert not mail.outbox

    def test_declining_tells_the_employer_politely_without_a_reason(self, logged_in, graduate, introduction):
        response = logged_in.post(f"/partner/introductions/{introduction.pk}/", {"decline": "1"})
        assert response.status_code == 302
        introduction.refresh_from_db()
        assert introduction.status == Introduction.Status.DECLINED
        assert introduction.released_contact == ""
        assert not audit(graduate, "release").exists()
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [introduction.requested_by.email]
        text = all_mail_text()
        assert "Thank you" in text
        assert not any(marker in text for marker in personal_markers(graduate))

    def test_suggesting_a_graduate_records_an_accepted_introduction(self, logged_in, staff, graduate, job):
        url = f"/partner/graduates/{graduate.reference}/suggest/{job.pk}/"
        page = logged_in.get(url)
        assert page.status_code == 200
        assert audit(graduate, "view").count() == 1
        response = logged_in.post(url, {"released_contact": "Alex, 07700 900111"}, REMOTE_ADDR=IP)
        assert response.status_code == 302
        introduction = Introduction.objects.get()
        assert introduction.origin == Introduction.Origin.PARTNER
        assert introduction.status == Introduction.Status.ACCEPTED
        assert introduction.released_contact == "Alex, 07700 900111"
        assert (introduction.requested_by, introduction.answered_by) == (staff.user, staff.user)
        assert audit(graduate, "release").get().ip_address == IP
        owners = [m.user.email for m in job.employer.memberships.filter(role="owner")]
        assert len(mail.outbox) == 1 and mail.outbox[0].to == owners
        text = all_mail_text()
        assert graduate.reference in text and job.title in text
        for secret in ["07700 900111", *personal_markers(graduate)]:
            assert secret not in text
        # suggesting again for the same job does not duplicate
        logged_in.post(url, {"released_contact": "again"})
        assert Introduction.objects.count() == 1

    def test_a_graduate_without_consent_cannot_be_suggested(self, logged_in, graduate, job):
        graduate.withdraw_consent(None)
        response = logged_in.post(
            f"/partner/graduates/{graduate.reference}/suggest/{job.pk}/", {"released_contact": "x"}
        )
        assert response.status_code == 302
        assert not Introduction.objects.exists() and not mail.outbox

    def test_only_published_jobs_can_be_suggested(self, logged_in, graduate):
        draft = JobListingFactory(status=JobListing.Status.DRAFT)
        assert (
            logged_in.get(f"/partner/graduates/{graduate.reference}/suggest/{draft.pk}/").status_code == 404
        )


# --- hires ----------------------------------------------------------------------------------------------


class TestHire:
    """Hires are recorded from accepted introductions (tests/matching/test_hire_from_introduction.py)."""

    def test_the_hire_page_lists_no_job_of_other_employers(self, logged_in, graduate, job):
        page = logged_in.get(f"/partner/graduates/{graduate.reference}/hire/")
        assert page.status_code == 200
        soup = BeautifulSoup(page.content, "html.parser")
        assert not soup.select("select") and soup.select_one("[data-flag=no-accepted-introductions]")
        assert job.title not in page.content.decode()


def test_graduate_page_names_regions_and_restrictions(logged_in, provider, programme):
    graduate = GraduateFactory(
        provider=provider, programmes=[programme], preferred_regions=["GB-LDS", "GB-MAN"], no_driving=True
    )
    page = BeautifulSoup(logged_in.get(f"/partner/graduates/{graduate.reference}/").content, "html.parser")
    profile = page.find(id="profile-heading").find_parent("section").get_text(" ", strip=True)
    assert "Leeds, Manchester" in profile
    assert "GB-LDS" not in profile and "GB-MAN" not in profile
    assert "no_driving" not in profile


# --- the graduate list at national scale (issue 22) -------------------------------------------------


def test_graduate_list_rows_read_their_status_and_consent_at_a_fixed_cost(logged_in, provider, programme):
    GraduateFactory(provider=provider, programmes=[programme], status=Graduate.Status.PLACED, consent=False)
    GraduateFactory(provider=provider, programmes=[programme])
    logged_in.get("/partner/graduates/")
    with CaptureQueriesContext(connection) as queries:
        response = logged_in.get("/partner/graduates/")
    # user, staff role with the verified address, the count, the page and its programmes' names: 5
    # whatever the rows (9 before: the header's areas and permissions, now from the cache; 6 before
    # the address was asked with the role)
    assert len(queries) == 5, [q["sql"][:120] for q in queries.captured_queries]
    rows = BeautifulSoup(response.content, "html.parser").select("tr[data-graduate]")
    cells = {
        row["data-status"]: {td["data-label"]: td.get_text(strip=True) for td in row.select("td")}
        for row in rows
    }
    assert (
        cells["placed"]["Status"] == "Placed" and cells["placed"]["Matching consent"] == "None: not matched"
    )
    seeking = next(values for status, values in cells.items() if status != "placed")
    assert seeking["Matching consent"] == "Given" and seeking["Programmes"] == programme.name
