"""Record guidance on job pages (for seekers, partners and every visitor) and beside the
employer's listing form, with the wording check's legal-requirement note."""

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taxonomy.models import Occupation
from tests.employers.factories import DraftJobFactory, JobListingFactory, PendingJobFactory, owner_of
from tests.jobs.test_job_area import posting
from tests.portal.factories import UserFactory, with_totp
from tests.record_guidance.factories import JurisdictionFactory, RecordGuidanceFactory, translate

pytestmark = pytest.mark.django_db
BUDGET = 12


def text_of(response):
    """The page's text as read: tags dropped, entities read, spaces made one."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


def care_job(region="GB-MAN", **fields):
    return JobListingFactory(occupation=Occupation.objects.get(code="5321"), region=region, **fields)


@pytest.fixture
def england_and_wales(db):
    return JurisdictionFactory(name="England and Wales")


@pytest.fixture
def care_guidance(england_and_wales):
    return RecordGuidanceFactory(jurisdiction=england_and_wales, title="Care workers")


class TestJobPage:
    def test_a_care_job_in_england_shows_the_guidance_of_its_group(self, client, home, care_guidance):
        response = client.get(care_job().get_absolute_url())
        text = text_of(response)
        assert "When a criminal record matters for this kind of job" in text
        assert "Care workers in England and Wales" in text
        assert "Required by law: an enhanced DBS check with a check of the adults' barred list" in text
        assert "Personal care for adults is regulated activity." in text
        assert (
            '<a href="https://www.gov.uk/government/collections/dbs-filtering-guidance" rel="noopener">'
            "DBS filtering guidance</a>" in response.content.decode()
        )
        assert 'href="/record-check/"' in response.content.decode()

    def test_a_job_in_wales_finds_the_jurisdiction_through_its_nation(self, client, home, care_guidance):
        assert "Care workers in England and Wales" in text_of(
            client.get(care_job("GB-CRF").get_absolute_url())
        )

    def test_another_jurisdiction_or_occupation_shows_nothing_of_it(self, client, home, care_guidance):
        scottish = client.get(care_job("GB-GLG").get_absolute_url())
        cook = client.get(
            JobListingFactory(occupation=Occupation.objects.get(code="5120")).get_absolute_url()
        )
        no_occupation = client.get(JobListingFactory(occupation=None).get_absolute_url())
        for response in (scottish, cook, no_occupation):
            assert response.status_code == 200
            assert "data-record-guidance" not in response.content.decode()

    def test_each_jurisdiction_has_its_own(self, client, home, care_guidance):
        scotland = JurisdictionFactory(name="Scotland", regions=["GB-SCT"])
        RecordGuidanceFactory(
            jurisdiction=scotland, legal_requirement="membership of the PVG scheme", title="Care staff"
        )
        text = text_of(client.get(care_job("GB-EDH").get_absolute_url()))
        assert "Care staff in Scotland" in text and "membership of the PVG scheme" in text
        assert "England and Wales" not in text

    def test_the_most_specific_group_comes_first(self, client, home, care_guidance, england_and_wales):
        RecordGuidanceFactory(
            jurisdiction=england_and_wales, isco_group="5321", title="Health care assistants"
        )
        RecordGuidanceFactory(jurisdiction=england_and_wales, isco_group="5", title="Service workers")
        html = client.get(care_job().get_absolute_url()).content.decode()
        assert re.findall(r'data-isco="(\d+)"', html) == ["5321", "53", "5"]

    def test_visitors_read_the_translation_of_their_language(self, client, home, care_guidance):
        translate(care_guidance, "fr", title="Aides-soignants", roles_needing_check="Soins personnels.")
        path = care_job().get_absolute_url()  # in English: a French request leaves French active
        french = text_of(client.get(f"/fr{path}"))
        assert "Aides-soignants" in french and "Soins personnels." in french
        assert "Angleterre et pays de Galles" in french  # the jurisdiction's name in French
        assert "Personal care for adults" not in french
        # Without a Spanish translation, the English guidance, marked as English.
        spanish = client.get(f"/es{path}").content.decode()
        assert "Personal care for adults is regulated activity." in spanish
        assert '<div class="guidance-item" data-isco="53" lang="en' in spanish
        # One guidance, not one per language.
        assert text_of(client.get(path)).count("Care workers in England and Wales") == 1

    @pytest.mark.parametrize("language", ["", "/fr"])
    def test_the_job_page_costs_the_same_queries_whatever_the_guidance(
        self, client, home, england_and_wales, language
    ):
        path = f"{language}{care_job().get_absolute_url()}"
        counts = []
        for extra in range(3):
            guidance = RecordGuidanceFactory(
                jurisdiction=england_and_wales,
                isco_group=["53", "5321", "5"][extra],
                sources=[("A", "https://example.org/a"), ("B", "https://example.org/b")],
            )
            translate(guidance, "fr", title=f"Traduction {extra}")
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200
            assert response.content.decode().count('class="guidance-item"') == extra + 1
            counts.append(len(queries))
        assert len(set(counts)) == 1, counts
        assert counts[0] <= BUDGET


@pytest.fixture
def employer_client(client):
    user, employer = owner_of()
    client.force_login(user)
    return client, employer


def care_posting(**changes):
    occupation = Occupation.objects.get(code="5321")
    return posting(**{"occupation": str(occupation.pk), "title": "Care assistant", **changes})


class TestListingForm:
    def test_the_form_shows_the_guidance_for_the_occupation_and_region_typed(
        self, employer_client, home, care_guidance
    ):
        client, _employer = employer_client
        response = client.post("/employer/jobs/new/", {**care_posting(), "check": "1"})
        text = text_of(response)
        assert "What the law says about criminal records for this role" in text
        assert "Required by law: an enhanced DBS check" in text
        elsewhere = client.post("/employer/jobs/new/", {**care_posting(region="GB-GLG"), "check": "1"})
        assert "data-record-guidance" not in elsewhere.content.decode()

    def test_editing_a_saved_listing_shows_its_guidance(self, employer_client, home, care_guidance):
        client, employer = employer_client
        job = DraftJobFactory(
            employer=employer, occupation=Occupation.objects.get(code="5321"), region="GB-LDS"
        )
        assert "Care workers in England and Wales" in text_of(client.get(f"/employer/jobs/{job.pk}/edit/"))

    def test_a_blanket_ban_on_a_role_with_a_legal_requirement_names_the_requirement(
        self, employer_client, home, care_guidance
    ):
        client, _employer = employer_client
        response = client.post(
            "/employer/jobs/new/",
            {**care_posting(fair_chance_statement="Applicants must have no criminal record."), "check": "1"},
        )
        html = response.content.decode()
        text = text_of(response)
        assert 'data-phrase="no criminal record"' in html  # the usual flag stays
        assert 'data-flag="legal-requirement"' in html
        assert (
            "For Care workers in England and Wales the law requires an enhanced DBS check with a check "
            "of the adults' barred list. State that legal requirement instead of “no criminal record”" in text
        )
        # What was typed is kept.
        assert "Applicants must have no criminal record." in text

    def test_the_note_follows_the_listing_to_its_preview(self, employer_client, home, care_guidance):
        client, employer = employer_client
        job = DraftJobFactory(
            employer=employer,
            occupation=Occupation.objects.get(code="5321"),
            region="GB-MAN",
            fair_chance_statement="Clean DBS essential.",
        )
        html = client.get(f"/employer/jobs/{job.pk}/preview/").content.decode()
        assert 'data-flag="legal-requirement"' in html and "“clean DBS”" in html

    def test_no_note_where_the_law_requires_no_check_or_no_phrase_is_found(
        self, employer_client, home, england_and_wales
    ):
        client, _employer = employer_client
        RecordGuidanceFactory(
            jurisdiction=england_and_wales, check_required_by_law=False, legal_requirement=""
        )
        banned = client.post(
            "/employer/jobs/new/", {**care_posting(fair_chance_statement="No criminal record."), "check": "1"}
        )
        assert 'data-phrase="no criminal record"' in banned.content.decode()
        assert 'data-flag="legal-requirement"' not in banned.content.decode()
        fair = client.post("/employer/jobs/new/", {**care_posting(), "check": "1"})
        assert 'data-flag="legal-requirement"' not in fair.content.decode()
        assert 'data-flag="wording-ok"' in fair.content.decode()

    def test_an_unknown_occupation_typed_is_no_error(self, employer_client, home, care_guidance):
        client, _employer = employer_client
        for bad in ("abc", "999999"):
            response = client.post("/employer/jobs/new/", {**care_posting(occupation=bad), "check": "1"})
            assert response.status_code == 200
            assert "data-record-guidance" not in response.content.decode()


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.org")
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    return with_totp(user)  # the admin asks staff for a second factor


def pending_care_job(region="GB-MAN", **fields):
    return PendingJobFactory(
        occupation=Occupation.objects.get(code="5321"),
        region=region,
        fair_chance_statement="Applicants must have no criminal record.",
        **fields,
    )


class TestModeratorReview:
    """The staff review page shows the moderator what the employer was shown beside the form."""

    def test_the_moderator_sees_the_legal_requirement_note_and_the_guidance(
        self, client, moderator, care_guidance
    ):
        job = pending_care_job()
        client.force_login(moderator)
        response = client.get(reverse("jobs_admin:inspect", args=[job.pk]))
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        flags = soup.find(id="job-flags-heading").find_parent("section")
        assert "“no criminal record”" in flags.get_text()  # the usual flag stays
        note = flags.find(attrs={"data-flag": "legal-requirement"})
        assert note is not None
        assert (
            "For Care workers in England and Wales the law requires an enhanced DBS check with a check "
            "of the adults' barred list. State that legal requirement instead of “no criminal record”"
            in note.get_text()
        )
        text = text_of(response)
        assert "What the law says about criminal records for this role" in text
        assert "Care workers in England and Wales" in text
        assert "Required by law: an enhanced DBS check with a check of the adults' barred list" in text

    def test_another_jurisdiction_shows_no_note_and_no_guidance(self, client, moderator, care_guidance):
        client.force_login(moderator)
        for job in (pending_care_job("GB-GLG"), PendingJobFactory(occupation=None)):
            response = client.get(reverse("jobs_admin:inspect", args=[job.pk]))
            assert response.status_code == 200
            html = response.content.decode()
            assert 'data-flag="legal-requirement"' not in html and "data-record-guidance" not in html

    def test_the_review_page_costs_the_same_queries_whatever_the_guidance(
        self, client, moderator, england_and_wales
    ):
        job = pending_care_job()
        client.force_login(moderator)
        path = reverse("jobs_admin:inspect", args=[job.pk])
        counts = []
        for group in ("53", "5321", "5"):
            RecordGuidanceFactory(jurisdiction=england_and_wales, isco_group=group)
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200
            counts.append(len(queries))
        assert len(set(counts)) == 1, counts
        assert response.content.decode().count('class="guidance-item"') == 3
