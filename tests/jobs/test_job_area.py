"""Job listings in the employer area: list, create with preview, edit, submit, close, renew."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from employers.models import Membership
from jobs.models import JobListing, JobStateChange
from tests.employers.factories import (
    CertificationFactory,
    DraftJobFactory,
    EmployerFactory,
    JobListingFactory,
    PendingEmployerFactory,
    PendingJobFactory,
    RecruiterFactory,
    SkillFactory,
    owner_of,
)
from tests.portal.factories import UserFactory

Status = JobListing.Status


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def posting(**changes):
    data = {
        "title": "Warehouse Operative",
        "description": "<p>Pick and pack orders. <strong>Training given.</strong></p>",
        "occupation": "",
        "sector": "H",
        "employment_type": "full-time",
        "openings": "2",
        "region": "GB-MAN",
        "place": "Trafford Park",
        "remote": "on-site",
        "hours_per_week": "37.5",
        "pay_min": "11.50",
        "pay_max": "12.50",
        "pay_period": "hour",
        "pay_currency": "GBP",
        "fair_chance_statement": "We welcome people with convictions.",
        "start_date": "",
        "closing_date": "",
        "apply_method": "portal",
        "apply_url": "",
        "apply_email": "",
        "save": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def form_data(job, **changes):
    """The edit form's data for `job`, as the browser would post it unchanged."""
    links = list(job.skill_links.all())
    certs = list(job.certification_links.all())
    data = {
        "title": job.title,
        "description": job.description,
        "occupation": job.occupation_id or "",
        "sector": job.sector,
        "employment_type": job.employment_type,
        "openings": job.openings,
        "region": job.region,
        "place": job.place,
        "remote": job.remote,
        "hours_per_week": job.hours_per_week if job.hours_per_week is not None else "",
        "pay_min": job.pay_min if job.pay_min is not None else "",
        "pay_max": job.pay_max if job.pay_max is not None else "",
        "pay_period": job.pay_period,
        "pay_currency": job.pay_currency,
        "fair_chance_statement": job.fair_chance_statement,
        "start_date": job.start_date or "",
        "closing_date": job.closing_date or "",
        "apply_method": job.apply_method,
        "apply_url": job.apply_url,
        "apply_email": job.apply_email,
        "required_skills": [link.skill_id for link in links if link.required],
        "preferred_skills": [link.skill_id for link in links if not link.required],
        "required_certifications": [link.certification_id for link in certs if link.required],
        "preferred_certifications": [link.certification_id for link in certs if not link.required],
        "save": "1",
    }
    for flag in ("works_with_vulnerable_people", "requires_driving", "handles_cash", "night_shifts"):
        if getattr(job, flag):
            data[flag] = "on"
    data.update(changes)
    return data


@pytest.fixture
def owner(db):
    user, employer = owner_of()
    return user, employer


@pytest.fixture
def logged_in(client, owner):
    client.force_login(owner[0])
    return client


class TestCreatePreviewSubmit:
    def test_create_preview_and_submit(self, logged_in, owner, home):
        user, employer = owner
        forklift, first_aid = SkillFactory(name="Forklift driving"), SkillFactory(name="Stock control")
        cert = CertificationFactory(name="Counterbalance licence")
        assert logged_in.get("/employer/jobs/new/").status_code == 200
        response = logged_in.post(
            "/employer/jobs/new/",
            posting(
                required_skills=[forklift.pk],
                preferred_skills=[first_aid.pk],
                preferred_certifications=[cert.pk],
                requires_driving="on",
            ),
        )
        job = JobListing.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/employer/jobs/{job.pk}/preview/"
        assert job.employer == employer and job.created_by == user
        assert job.status == Status.DRAFT and job.requires_driving
        assert {(link.skill.name, link.required) for link in job.skill_links.all()} == {
            ("Forklift driving", True),
            ("Stock control", False),
        }
        assert job.certification_links.get().required is False

        preview = logged_in.get(response["Location"])
        assert preview.status_code == 200
        page = soup_of(preview)
        assert page.select_one("#job-title").get_text() == "Warehouse Operative"
        assert "Training given." in page.select_one(".job-description").get_text()
        assert page.select_one("[data-list=required-skills]").get_text() == "Forklift driving"
        assert page.select_one("[data-list=preferred-certifications]").get_text() == "Counterbalance licence"
        assert "GBP 11.50–12.50 per hour" in " ".join(page.select_one("[data-pay]").get_text().split())
        assert page.select_one(f"[data-action=edit][href='/employer/jobs/{job.pk}/edit/']")
        assert page.select_one(f"form[action='/employer/jobs/{job.pk}/submit/'] [data-action=submit]")

        response = logged_in.post(f"/employer/jobs/{job.pk}/submit/")
        assert response.status_code == 302
        job.refresh_from_db()
        assert job.status == Status.PENDING and job.submitted_at is not None
        change = JobStateChange.objects.get(job=job)
        assert (change.action, change.from_status, change.to_status, change.changed_by) == (
            "submit",
            "draft",
            "pending",
            user,
        )
        detail = soup_of(logged_in.get(f"/employer/jobs/{job.pk}/"))
        assert detail.select_one(".status")["data-state"] == "pending"
        assert detail.select_one("tr[data-action=submit]")
        assert "submitted for review" in detail.select_one(".messages").get_text()

    def test_state_changes_are_post_only(self, logged_in, owner):
        job = DraftJobFactory(employer=owner[1])
        for action in ("submit", "close", "renew"):
            assert logged_in.get(f"/employer/jobs/{job.pk}/{action}/").status_code == 405
        job.refresh_from_db()
        assert job.status == Status.DRAFT

    def test_pending_employer_may_draft_but_not_submit(self, client, home):
        user, employer = owner_of(PendingEmployerFactory())
        client.force_login(user)
        response = client.post("/employer/jobs/new/", posting())
        assert response.status_code == 302
        job = JobListing.objects.get()
        preview = soup_of(client.get(response["Location"]))
        assert not preview.select("[data-action=submit]")
        assert "Only verified organisations" in preview.select_one("[data-flag=submit-refused]").get_text()
        response = client.post(f"/employer/jobs/{job.pk}/submit/", follow=True)
        job.refresh_from_db()
        assert job.status == Status.DRAFT
        assert not job.history.exists()
        assert (
            "Only verified organisations can submit" in soup_of(response).select_one(".messages").get_text()
        )

    def test_script_in_description_is_stripped(self, logged_in, owner):
        response = logged_in.post(
            "/employer/jobs/new/",
            posting(
                description='<p onclick="steal()">Cook <script>alert(1)</script>meals.</p>'
                '<a href="javascript:evil()">x</a>'
            ),
        )
        assert response.status_code == 302
        job = JobListing.objects.get()
        assert "script" not in job.description and "alert" not in job.description
        assert "onclick" not in job.description and "javascript" not in job.description
        assert "Cook" in job.description
        preview = logged_in.get(response["Location"]).content.decode()
        assert "<script>alert" not in preview and "steal()" not in preview

    def test_description_of_only_markup_is_refused(self, logged_in):
        response = logged_in.post("/employer/jobs/new/", posting(description="<script>x()</script>"))
        assert response.status_code == 400
        assert soup_of(response).select_one("#id_description-error")
        assert not JobListing.objects.exists()


class TestValidation:
    def test_errors_are_shown_next_to_fields_and_input_is_kept(self, logged_in):
        skill = SkillFactory(name="Food hygiene")
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        response = logged_in.post(
            "/employer/jobs/new/",
            posting(
                pay_min="12",
                pay_max="10",
                apply_method="url",
                hours_per_week="90",
                closing_date=yesterday.isoformat(),
                required_skills=[skill.pk],
                preferred_skills=[skill.pk],
            ),
        )
        assert response.status_code == 400
        page = soup_of(response)
        expected = {
            "pay_max": "top of the pay range",
            "apply_url": "Give the address",
            "hours_per_week": "at most 80",
            "closing_date": "cannot be in the past",
            "preferred_skills": "Food hygiene cannot be both required and preferred",
        }
        for field, text in expected.items():
            error = page.select_one(f"#id_{field}-error")
            assert error is not None, field
            assert text in error.get_text()
            assert f"id_{field}-error" in page.select_one(f"#id_{field}")["aria-describedby"]
        assert page.select_one(".error-summary")
        assert page.select_one("#id_title")["value"] == "Warehouse Operative"
        assert page.select_one("#id_pay_min")["value"] == "12"
        assert "Pick and pack" in page.select_one("#id_description").get_text()
        assert page.select_one("#id_region option[selected]")["value"] == "GB-MAN"
        assert not JobListing.objects.exists()

    def test_email_needed_for_email_applications(self, logged_in):
        response = logged_in.post("/employer/jobs/new/", posting(apply_method="email"))
        assert response.status_code == 400
        assert "e-mail address" in soup_of(response).select_one("#id_apply_email-error").get_text()

    def test_missing_required_fields(self, logged_in):
        response = logged_in.post("/employer/jobs/new/", posting(title="", region="", sector=""))
        assert response.status_code == 400
        page = soup_of(response)
        for field in ("title", "region", "sector"):
            assert page.select_one(f"#id_{field}-error"), field

    def test_unused_contact_is_dropped(self, logged_in):
        logged_in.post(
            "/employer/jobs/new/",
            posting(apply_method="email", apply_email="jobs@example.org", apply_url="https://x.example"),
        )
        job = JobListing.objects.get()
        assert (job.apply_email, job.apply_url) == ("jobs@example.org", "")


class TestDeterringWording:
    def test_flagged_in_the_form_and_the_preview(self, logged_in):
        text = posting(fair_chance_statement="Applicants must have a CLEAN  record.")
        checked = logged_in.post("/employer/jobs/new/", {**text, "check": "1"})
        assert checked.status_code == 200
        assert not JobListing.objects.exists()  # checking does not save
        warning = soup_of(checked).select_one("[data-flag=deterring-wording]")
        assert warning.select_one("[data-phrase='clean record']")
        assert "assess any criminal record individually" in warning.get_text()

        # it does not block saving, and the preview shows it again
        response = logged_in.post("/employer/jobs/new/", text)
        assert response.status_code == 302
        preview = soup_of(logged_in.get(response["Location"]))
        warning = preview.select_one("[data-flag=deterring-wording]")
        assert "assess any criminal record individually" in warning.get_text()
        job = JobListing.objects.get()
        # and the edit form shows it too
        edit = soup_of(logged_in.get(f"/employer/jobs/{job.pk}/edit/"))
        assert edit.select_one("[data-flag=deterring-wording] [data-phrase='clean record']")
        # nor does it block submitting
        logged_in.post(f"/employer/jobs/{job.pk}/submit/")
        job.refresh_from_db()
        assert job.status == Status.PENDING

    def test_flagged_when_the_form_has_errors(self, logged_in):
        response = logged_in.post(
            "/employer/jobs/new/", posting(title="Driver, no criminal history", pay_min="9", pay_max="1")
        )
        assert response.status_code == 400
        assert soup_of(response).select_one("[data-phrase='no criminal history']")

    def test_clean_wording_is_confirmed(self, logged_in):
        response = logged_in.post("/employer/jobs/new/", {**posting(), "check": "1"})
        page = soup_of(response)
        assert not page.select("[data-flag=deterring-wording]")
        assert page.select_one("[data-flag=wording-ok]")


class TestEditing:
    def test_substance_edit_of_published_listing_goes_back_to_review(self, logged_in, owner):
        job = JobListingFactory(employer=owner[1])
        response = logged_in.post(
            f"/employer/jobs/{job.pk}/edit/", form_data(job, pay_min="12.00", pay_max="14.00")
        )
        assert response.status_code == 302
        job.refresh_from_db()
        assert job.status == Status.PENDING
        assert job.history.get().action == "resubmit"
        page = soup_of(logged_in.get(response["Location"]))
        assert "went back to review" in page.select_one(".messages").get_text()

    def test_cosmetic_edit_keeps_it_published(self, logged_in, owner):
        skill = SkillFactory()
        job = JobListingFactory(employer=owner[1], skills=[skill])
        in_a_month = timezone.localdate() + datetime.timedelta(days=30)
        response = logged_in.post(
            f"/employer/jobs/{job.pk}/edit/", form_data(job, openings="5", closing_date=in_a_month)
        )
        assert response.status_code == 302
        job.refresh_from_db()
        assert job.status == Status.PUBLISHED
        assert (job.openings, job.closing_date) == (5, in_a_month)
        assert not job.history.exists()
        assert list(job.skills.all()) == [skill]
        page = soup_of(logged_in.get(response["Location"]))
        assert "stays published" in page.select_one(".messages").get_text()

    def test_edit_form_shows_current_values_and_skills(self, logged_in, owner):
        required, preferred = SkillFactory(), SkillFactory()
        job = DraftJobFactory(employer=owner[1], skills={required: True, preferred: False})
        page = soup_of(logged_in.get(f"/employer/jobs/{job.pk}/edit/"))
        assert page.select_one("#id_title")["value"] == job.title
        assert page.select_one("#id_required_skills option[selected]")["value"] == str(required.pk)
        assert page.select_one("#id_preferred_skills option[selected]")["value"] == str(preferred.pk)

    def test_editing_a_rejected_listing_returns_it_to_draft(self, logged_in, owner):
        job = PendingJobFactory(employer=owner[1])
        job.reject(UserFactory(), "Please remove the line about background checks.")
        detail = soup_of(logged_in.get(f"/employer/jobs/{job.pk}/"))
        assert "background checks" in detail.select_one("[data-rejection-reason]").get_text()
        edit = soup_of(logged_in.get(f"/employer/jobs/{job.pk}/edit/"))
        assert "background checks" in edit.select_one("[data-flag=rejected]").get_text()
        response = logged_in.post(f"/employer/jobs/{job.pk}/edit/", form_data(job, title="Cook"))
        assert response.status_code == 302
        job.refresh_from_db()
        assert (job.status, job.title) == (Status.DRAFT, "Cook")
        assert job.history.first().action == "redraft"
        # now it may be submitted again
        logged_in.post(f"/employer/jobs/{job.pk}/submit/")
        job.refresh_from_db()
        assert job.status == Status.PENDING

    @pytest.mark.parametrize("status", [Status.CLOSED, Status.EXPIRED])
    def test_ended_listings_cannot_be_edited(self, logged_in, owner, status):
        job = JobListingFactory(employer=owner[1], status=status)
        response = logged_in.post(f"/employer/jobs/{job.pk}/edit/", form_data(job, title="Changed"))
        assert response.status_code == 302
        assert response["Location"] == f"/employer/jobs/{job.pk}/"
        job.refresh_from_db()
        assert job.title != "Changed"
        page = soup_of(logged_in.get(response["Location"]))
        assert "Renew it" in page.select_one(".messages").get_text()
        assert not page.select("[data-action=edit]")
        assert page.select_one("[data-action=renew]")


class TestCloseAndRenew:
    def test_close(self, logged_in, owner):
        job = JobListingFactory(employer=owner[1])
        response = logged_in.post(f"/employer/jobs/{job.pk}/close/")
        assert response.status_code == 302
        job.refresh_from_db()
        assert job.status == Status.CLOSED and job.closed_at is not None
        assert job.history.get().action == "close"

    def test_closing_a_closed_listing_is_refused(self, logged_in, owner):
        job = JobListingFactory(employer=owner[1], status=Status.CLOSED)
        response = logged_in.post(f"/employer/jobs/{job.pk}/close/", follow=True)
        assert "cannot be closed" in soup_of(response).select_one(".messages").get_text()

    def test_renew_copies_skills_to_a_new_draft(self, logged_in, owner):
        required, preferred = SkillFactory(), SkillFactory()
        cert = CertificationFactory()
        job = JobListingFactory(
            employer=owner[1],
            status=Status.EXPIRED,
            skills={required: True, preferred: False},
            certifications=[cert],
            closing_date=timezone.localdate() - datetime.timedelta(days=2),
        )
        response = logged_in.post(f"/employer/jobs/{job.pk}/renew/")
        copy = JobListing.objects.exclude(pk=job.pk).get()
        assert response.status_code == 302
        assert response["Location"] == f"/employer/jobs/{copy.pk}/edit/"
        assert (copy.status, copy.title, copy.renewed_from, copy.closing_date) == (
            Status.DRAFT,
            job.title,
            job,
            None,
        )
        assert {(link.skill, link.required) for link in copy.skill_links.all()} == {
            (required, True),
            (preferred, False),
        }
        assert copy.certifications.get() == cert
        edit = soup_of(logged_in.get(response["Location"]))
        assert {o["value"] for o in edit.select("#id_required_skills option[selected]")} == {str(required.pk)}

    def test_a_draft_is_not_renewed(self, logged_in, owner):
        job = DraftJobFactory(employer=owner[1])
        logged_in.post(f"/employer/jobs/{job.pk}/renew/")
        assert JobListing.objects.count() == 1


class TestList:
    def test_tabs_with_counts_and_actions_per_state(self, logged_in, owner):
        employer = owner[1]
        published = JobListingFactory(employer=employer, title="Chef")
        draft = DraftJobFactory(employer=employer, title="Porter")
        DraftJobFactory(employer=employer)
        PendingJobFactory(employer=employer)
        closed = JobListingFactory(employer=employer, status=Status.CLOSED)
        JobListingFactory()  # another organisation's
        with CaptureQueriesContext(connection) as queries:
            response = logged_in.get("/employer/jobs/")
        counting = [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
        assert len(counting) == 2  # the state counts in one aggregate, plus the paginator's count
        page = soup_of(response)
        counts = {tab["data-state"]: tab.select_one(".count").get_text() for tab in page.select(".tabs a")}
        assert counts == {
            "all": "(5)",
            "draft": "(2)",
            "pending": "(1)",
            "published": "(1)",
            "rejected": "(0)",
            "closed": "(1)",
            "expired": "(0)",
        }
        rows = {row["data-job"]: row for row in page.select("tr[data-job]")}
        assert len(rows) == 5

        def actions(job):
            return {el["data-action"] for el in rows[str(job.pk)].select("[data-action]")}

        assert actions(draft) == {"preview", "edit", "submit", "close"}
        assert actions(published) == {"preview", "edit", "public", "close", "renew"}
        assert actions(closed) == {"preview", "renew"}

        drafts = soup_of(logged_in.get("/employer/jobs/?state=draft"))
        assert len(drafts.select("tr[data-job]")) == 2
        assert drafts.select_one(".tabs a[aria-current=page]")["data-state"] == "draft"

    def test_query_count_does_not_grow_with_rows(self, logged_in, owner):
        for _ in range(3):
            JobListingFactory(employer=owner[1])
        logged_in.get("/employer/jobs/")  # the header's areas, kept for the pages that follow
        with CaptureQueriesContext(connection) as few:
            logged_in.get("/employer/jobs/")
        for _ in range(10):
            JobListingFactory(employer=owner[1])
        with CaptureQueriesContext(connection) as many:
            logged_in.get("/employer/jobs/")
        assert len(many) == len(few)

    def test_detail_links_to_the_public_page_when_published(self, logged_in, owner):
        job = JobListingFactory(employer=owner[1])
        page = soup_of(logged_in.get(f"/employer/jobs/{job.pk}/"))
        assert page.select_one("[data-flag=public-link] a")["href"] == job.get_absolute_url()
        draft = DraftJobFactory(employer=owner[1])
        assert not soup_of(logged_in.get(f"/employer/jobs/{draft.pk}/")).select("[data-flag=public-link]")


JOB_URLS = [
    ("get", "/employer/jobs/{pk}/"),
    ("get", "/employer/jobs/{pk}/edit/"),
    ("post", "/employer/jobs/{pk}/edit/"),
    ("get", "/employer/jobs/{pk}/preview/"),
    ("post", "/employer/jobs/{pk}/submit/"),
    ("post", "/employer/jobs/{pk}/close/"),
    ("post", "/employer/jobs/{pk}/renew/"),
]


class TestPermissions:
    @pytest.mark.parametrize(("method", "url"), JOB_URLS)
    def test_another_organisations_job_is_404(self, logged_in, method, url):
        other = DraftJobFactory(employer=EmployerFactory())
        response = getattr(logged_in, method)(url.format(pk=other.pk))
        assert response.status_code == 404
        other.refresh_from_db()
        assert other.status == Status.DRAFT
        assert JobListing.objects.count() == 1

    @pytest.mark.parametrize(
        ("method", "url"), [*JOB_URLS, ("get", "/employer/jobs/"), ("get", "/employer/jobs/new/")]
    )
    def test_anonymous_is_sent_to_log_in(self, client, db, method, url):
        job = DraftJobFactory()
        response = getattr(client, method)(url.format(pk=job.pk))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")

    @pytest.mark.parametrize(
        ("method", "url"), [*JOB_URLS, ("get", "/employer/jobs/"), ("get", "/employer/jobs/new/")]
    )
    def test_unverified_email_is_403(self, client, db, method, url):
        user = UserFactory()
        job = DraftJobFactory()
        Membership.objects.create(employer=job.employer, user=user, role=Membership.Role.OWNER)
        client.force_login(user)
        response = getattr(client, method)(url.format(pk=job.pk))
        assert response.status_code == 403

    def test_recruiter_manages_jobs(self, client, owner):
        recruiter = RecruiterFactory(employer=owner[1]).user
        client.force_login(recruiter)
        assert client.get("/employer/jobs/").status_code == 200
        response = client.post("/employer/jobs/new/", posting())
        job = JobListing.objects.get()
        assert response.status_code == 302 and job.employer == owner[1]
        client.post(f"/employer/jobs/{job.pk}/submit/")
        job.refresh_from_db()
        assert job.status == Status.PENDING
        client.post(f"/employer/jobs/{job.pk}/close/")
        job.refresh_from_db()
        assert job.status == Status.CLOSED

    def test_sidebar_links_to_jobs(self, logged_in):
        page = soup_of(logged_in.get("/employer/"))
        assert page.select_one(".sidebar a[href='/employer/jobs/']")


class TestPayText:
    @pytest.mark.parametrize(
        ("pay_min", "pay_max", "period", "expected"),
        [
            ("11.5", "13", "hour", "GBP 11.50–13.00 per hour"),
            ("25000", "28000", "year", "GBP 25,000–28,000 per year"),
            (None, "30000", "year", "GBP up to 30,000 per year"),
            ("500", None, "week", "GBP 500 per week"),
            (None, None, "hour", ""),
        ],
    )
    def test_pay_as_shown(self, pay_min, pay_max, period, expected):
        from decimal import Decimal

        job = JobListing(
            pay_min=pay_min and Decimal(pay_min), pay_max=pay_max and Decimal(pay_max), pay_period=period
        )
        assert job.pay_text == expected
