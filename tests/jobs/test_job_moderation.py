"""Campaign staff moderate job listings in the Wagtail admin: the queue, the review page, approve,
reject with a reason, close, reports, the e-mails to the employer, and who may do what."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jobs.admin.listings import with_report_counts
from jobs.models import JobListing, JobReport, JobStateChange
from portal.admin import tables as admin_tables
from taxonomy.models import Certification, DeterringPhrase, Skill
from tests.employers.factories import (
    EmployerFactory,
    JobListingFactory,
    OwnerFactory,
    PendingJobFactory,
    RecruiterFactory,
)
from tests.portal.factories import UserFactory, with_totp

INDEX = reverse("jobs_admin:index")
QUEUE_QUERIES = 9  # user, two-factor, permissions, profile, the page, its count, the phrases
REPORTS = reverse("job_reports:index")
SKILLS = reverse("wagtailsnippets_taxonomy_skill:list")
CERTIFICATIONS = reverse("wagtailsnippets_taxonomy_certification:list")
PHRASES = reverse("wagtailsnippets_taxonomy_deterringphrase:list")


def review_url(job):
    return reverse("jobs_admin:inspect", args=[job.pk])


def approve_url(job):
    return reverse("jobs_admin:approve", args=[job.pk])


def reject_url(job):
    return reverse("jobs_admin:reject", args=[job.pk])


# The second step a moderator takes to approve a listing whose wording is still flagged.
CONFIRMED = {"confirm_wording": "on"}


def close_url(job):
    return reverse("jobs_admin:close", args=[job.pk])


def resolve_url(report):
    return reverse("jobs_admin:resolve_report", args=[report.job_id, report.pk])


def member_of(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return with_totp(user)  # the admin asks staff for a second factor


@pytest.fixture
def moderator(db):
    return member_of("Campaign moderators", email="moderator@example.org")


@pytest.fixture
def editor(db):
    return member_of("Campaign editors", email="editor@example.org")


@pytest.fixture
def employer(db):
    employer = EmployerFactory(name="Second Helping Catering")
    OwnerFactory(employer=employer, user__email="owner@catering.example.org")
    return employer


@pytest.fixture
def author(employer):
    return RecruiterFactory(employer=employer, user__email="recruiter@catering.example.org").user


@pytest.fixture
def pending(employer, author):
    return PendingJobFactory(
        employer=employer,
        created_by=author,
        title="Kitchen porter",
        description="<p>Keep the kitchen clean. Applicants must have a <strong>clean record</strong>.</p>",
        fair_chance_statement="",
    )


def logged_in(client, user):
    client.force_login(user)
    return client


def titles_listed(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select("table.listing tbody td.title .title-wrapper a")}


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


# -- The queue ------------------------------------------------------------------------------------


def test_moderator_sees_the_pending_queue(client, moderator, pending):
    JobListingFactory(title="Already published chef", employer=pending.employer)
    client = logged_in(client, moderator)
    # The menu opens the queue of listings waiting for review.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{INDEX}?status=pending" in home
    for url in (REPORTS, SKILLS, CERTIFICATIONS, PHRASES):
        assert url in home

    queue = client.get(INDEX, {"status": "pending"})
    assert queue.status_code == 200
    assert titles_listed(queue) == {"Kitchen porter"}
    html = queue.content.decode()
    for heading in ("Employer", "Status", "Submitted", "Flagged wording", "Open reports"):
        assert heading in html
    row = (
        BeautifulSoup(queue.content, "html.parser")
        .select_one("table.listing tbody tr")
        .get_text(" ", strip=True)
    )
    assert "Second Helping Catering" in row and "Waiting for review" in row
    assert titles_listed(client.get(INDEX)) == {"Kitchen porter", "Already published chef"}


def test_queue_filters_and_search(client, moderator, pending):
    builder = EmployerFactory(name="Fair Builders")
    JobListingFactory(title="Site labourer", employer=builder, sector="F")
    reported = JobListingFactory(title="Bar staff", employer=pending.employer)
    JobReport.objects.create(job=reported, reason=JobReport.Reason.DISCRIMINATORY)
    client = logged_in(client, moderator)

    assert titles_listed(client.get(INDEX, {"sector": "F"})) == {"Site labourer"}
    assert titles_listed(client.get(INDEX, {"employer": builder.pk})) == {"Site labourer"}
    assert titles_listed(client.get(INDEX, {"has_open_reports": "true"})) == {"Bar staff"}
    assert titles_listed(client.get(INDEX, {"status": "published"})) == {"Site labourer", "Bar staff"}
    assert titles_listed(client.get(INDEX, {"q": "porter"})) == {"Kitchen porter"}
    assert titles_listed(client.get(INDEX, {"q": "fair build"})) == {"Site labourer"}
    results = client.get(reverse("jobs_admin:index_results"), {"status": "pending"})
    assert results.status_code == 200 and "Kitchen porter" in results.content.decode()
    for ordering in ("open_report_count", "-submitted_at", "employer__name", "status"):
        assert client.get(INDEX, {"ordering": ordering}).status_code == 200


def test_queue_filters_by_employer_name_typed_as_text(client, moderator, pending):
    """Without JavaScript the employer filter is a text box: part of a name finds their jobs."""
    builder = EmployerFactory(name="Fair Builders")
    JobListingFactory(title="Site labourer", employer=builder)
    client = logged_in(client, moderator)

    assert titles_listed(client.get(INDEX, {"employer": "fair build"})) == {"Site labourer"}
    assert titles_listed(client.get(INDEX, {"employer": "  HELPING  "})) == {"Kitchen porter"}
    assert titles_listed(client.get(INDEX, {"employer": "nobody by that name"})) == set()
    # An id, as other screens link to the queue, still picks one employer.
    assert titles_listed(client.get(INDEX, {"employer": str(pending.employer.pk)})) == {"Kitchen porter"}
    box = BeautifulSoup(client.get(INDEX, {"employer": "fair build"}).content, "html.parser").select_one(
        "input[name=employer]"
    )
    assert box["type"] == "text" and box["value"] == "fair build"


def test_queue_no_longer_lists_every_employer(client, moderator, pending):
    EmployerFactory.create_batch(30)
    response = logged_in(client, moderator).get(INDEX)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select("select[name=employer]") == []
    assert "Second Helping Catering" not in [option.get_text(strip=True) for option in soup.select("option")]
    assert soup.select_one("input[name=employer]")["data-employer-names-url"] == reverse(
        "jobs_admin:employer_names"
    )
    assert "jobs/admin/employer_names.js" in response.content.decode()


def test_employer_names_are_suggested_to_staff_only(client, moderator, pending):
    for n in range(15):
        EmployerFactory(name=f"Fair Builders {n:02d}")
    url = reverse("jobs_admin:employer_names")

    assert client.get(url, {"q": "fair"}).status_code == 302  # anonymous: to the login page
    logged_in(client, OwnerFactory(employer=pending.employer).user)
    assert client.get(url, {"q": "fair"}).status_code in (302, 403)

    logged_in(client, moderator)
    names = client.get(url, {"q": "FAIR build"}).json()["names"]
    assert names == [f"Fair Builders {n:02d}" for n in range(10)]
    assert client.get(url, {"q": "helping"}).json() == {"names": ["Second Helping Catering"]}
    assert client.get(url, {"q": "f"}).json() == {"names": []}  # one letter: too many to be useful


def test_queue_counts_flagged_wording_and_open_reports(client, moderator, pending):
    JobReport.objects.create(job=pending, reason=JobReport.Reason.DISCRIMINATORY)
    JobReport.objects.create(job=pending, reason=JobReport.Reason.OTHER)
    resolved = JobReport.objects.create(job=pending, reason=JobReport.Reason.FILLED)
    resolved.resolved_at = resolved.created_at
    resolved.save()
    assert with_report_counts(JobListing.objects.filter(pk=pending.pk)).get().open_report_count == 2
    response = logged_in(client, moderator).get(INDEX, {"status": "pending"})
    cells = [
        td.get_text(strip=True)
        for td in BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr td")
    ]
    assert cells[-2:] == ["1", "2"]  # one flagged phrase ("clean record"), two open reports


def make_jobs(employer, count):
    for n in range(count):
        job = PendingJobFactory(employer=employer, title=f"Job {n}")
        JobReport.objects.create(job=job, reason=JobReport.Reason.OTHER)


def test_queue_query_count_does_not_grow_with_rows(client, moderator, employer):
    client = logged_in(client, moderator)
    make_jobs(employer, 2)
    client.get(INDEX)  # warm caches (content types, site, permissions)
    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    make_jobs(EmployerFactory(), 8)
    with CaptureQueriesContext(connection) as many:
        assert client.get(INDEX).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


# -- The review page ------------------------------------------------------------------------------


def test_review_page_shows_the_listing_and_the_flags(client, moderator, pending):
    response = logged_in(client, moderator).get(review_url(pending))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    preview = soup.select_one("article.job-review__preview")
    assert preview.find("h2").get_text(strip=True) == "Kitchen porter"
    assert preview.select_one(".job-description strong").get_text() == "clean record"  # rendered, not escaped
    assert "Second Helping Catering" in preview.get_text()
    assert "GBP 11.50–13.00 per hour" in " ".join(preview.get_text(" ").split())
    flags = soup.find(id="job-flags-heading").find_parent("section").get_text(" ", strip=True)
    suggestion = DeterringPhrase.objects.get(phrase="clean record").suggestion
    assert "“clean record”" in flags and suggestion in flags
    assert "1 phrase found" in flags
    assert soup.find("form", action=approve_url(pending))
    assert soup.find("form", action=reject_url(pending))
    assert not soup.find("form", action=close_url(pending))  # only a published listing is closed
    assert "recruiter@catering.example.org" in text_of(response)  # who wrote it


def test_review_page_without_flags(client, moderator, employer):
    job = PendingJobFactory(employer=employer, description="<p>We welcome everyone.</p>")
    text = text_of(logged_in(client, moderator).get(review_url(job)))
    assert "None of the listed phrases was found." in text


def test_review_page_shows_history_and_reports(client, moderator, pending, author):
    pending.reject(by=moderator, reason="Please remove “clean record”.")
    pending.redraft(by=author)
    pending.submit(by=author)
    JobReport.objects.create(
        job=pending, reason=JobReport.Reason.DISCRIMINATORY, details="Asks for a clean record."
    )
    soup = BeautifulSoup(logged_in(client, moderator).get(review_url(pending)).content, "html.parser")
    rows = [
        row.get_text(" ", strip=True)
        for row in soup.find(id="job-history-heading").find_parent("section").select("tbody tr")
    ]
    assert len(rows) == 3
    assert "Draft → Waiting for review" in rows[0] and "recruiter@catering.example.org" in rows[0]
    assert "Waiting for review → Rejected" in rows[2] and "Please remove “clean record”." in rows[2]
    reports = soup.find(id="job-reports-heading").find_parent("section").get_text(" ", strip=True)
    assert "It discourages people with convictions" in reports and "Asks for a clean record." in reports


def test_there_is_no_generic_create_or_edit_form(client, moderator, pending):
    client = logged_in(client, moderator)
    for path in ("/admin/jobs/new/", f"/admin/jobs/edit/{pending.pk}/", f"/admin/jobs/delete/{pending.pk}/"):
        assert client.get(path).status_code == 404, path


# -- Approve --------------------------------------------------------------------------------------


def test_moderator_approves_and_the_employer_is_emailed(client, moderator, pending, mailoutbox):
    response = logged_in(client, moderator).post(approve_url(pending), CONFIRMED)
    assert response.status_code == 302
    assert response["Location"] == review_url(pending)
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PUBLISHED
    assert pending.published_at is not None
    change = pending.history.get()
    assert (change.action, change.from_status, change.to_status, change.changed_by) == (
        "approve",
        "pending",
        "published",
        moderator,
    )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    # The owners and the author of the listing.
    assert sorted(mail.to) == ["owner@catering.example.org", "recruiter@catering.example.org"]
    assert "“Kitchen porter” is published" in mail.subject
    assert pending.get_absolute_url() in mail.body
    assert reverse("employers:job_detail", args=[pending.pk]) in mail.body
    followed = client.get(response["Location"])
    assert "is published" in followed.content.decode()


def test_review_page_links_to_the_board_once_published(client, moderator, pending):
    def board_links():
        soup = BeautifulSoup(client.get(review_url(pending)).content, "html.parser")
        return [a["href"] for a in soup.select("a[href]") if "View on the job board" in a.get_text()]

    client = logged_in(client, moderator)
    assert board_links() == []
    client.post(approve_url(pending), CONFIRMED)
    pending.refresh_from_db()
    assert board_links() == [pending.get_absolute_url()]


def test_approving_flagged_wording_needs_a_second_step(client, moderator, pending, mailoutbox):
    """The review page shows the flagged phrase beside the button; approving without ticking the
    confirmation is refused with a message and changes nothing; ticking it approves."""
    client = logged_in(client, moderator)
    soup = BeautifulSoup(client.get(review_url(pending)).content, "html.parser")
    approve = soup.find("form", action=approve_url(pending))
    assert approve.select_one("[data-flagged-phrases] [data-phrase='clean record']")
    assert approve.find("input", attrs={"name": "confirm_wording", "type": "checkbox"})

    refused = client.post(approve_url(pending))
    assert refused.status_code == 400
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PENDING and not mailoutbox
    form = BeautifulSoup(refused.content, "html.parser").find("form", action=approve_url(pending))
    assert "The listing still says “clean record”" in form.get_text(" ", strip=True)

    assert client.post(approve_url(pending), CONFIRMED).status_code == 302
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PUBLISHED


def test_approving_clean_wording_takes_one_step(client, moderator, employer):
    job = PendingJobFactory(employer=employer, description="<p>We assess records individually.</p>")
    soup = BeautifulSoup(logged_in(client, moderator).get(review_url(job)).content, "html.parser")
    assert not soup.find("input", attrs={"name": "confirm_wording"})
    assert client.post(approve_url(job)).status_code == 302
    job.refresh_from_db()
    assert job.status == JobListing.Status.PUBLISHED


@pytest.mark.parametrize(
    ("pay", "expected"),
    [
        ({"pay_min": "12.5", "pay_max": "14", "pay_period": "hour"}, "GBP 12.50–14.00 per hour"),
        ({"pay_min": None, "pay_max": "30000", "pay_period": "year"}, "GBP up to 30,000 per year"),
    ],
)
def test_review_shows_pay_as_the_public_page_does(client, moderator, employer, pay, expected):
    job = JobListingFactory(employer=employer, **pay)
    public = BeautifulSoup(client.get(job.get_absolute_url()).content, "html.parser")
    assert " ".join(public.select_one("[data-pay]").get_text(" ").split()) == expected
    assert expected in text_of(logged_in(client, moderator).get(review_url(job)))


def test_approving_twice_changes_nothing_more(client, moderator, pending, mailoutbox):
    client = logged_in(client, moderator)
    client.post(approve_url(pending), CONFIRMED)
    response = client.post(approve_url(pending), CONFIRMED)
    assert response.status_code == 302
    assert pending.history.count() == 1
    assert len(mailoutbox) == 1
    assert "cannot be approved now" in client.get(response["Location"]).content.decode()


def test_the_author_who_is_also_owner_gets_one_email(client, moderator, employer, mailoutbox):
    owner = employer.memberships.get(role="owner").user
    job = PendingJobFactory(employer=employer, created_by=owner)
    logged_in(client, moderator).post(approve_url(job))
    assert mailoutbox[0].to == ["owner@catering.example.org"]


# -- Reject ---------------------------------------------------------------------------------------


def test_reject_without_reason_is_refused_and_changes_nothing(client, moderator, pending, mailoutbox):
    response = logged_in(client, moderator).post(reject_url(pending), {"reason": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say why the listing is rejected" in html
    assert "Nothing was changed" in html
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PENDING
    assert not JobStateChange.objects.filter(job=pending).exists()
    assert mailoutbox == []


def test_reject_with_reason_rejects_and_emails_the_reason(client, moderator, pending, mailoutbox):
    reason = "Remove “clean record”: say you assess records individually."
    response = logged_in(client, moderator).post(reject_url(pending), {"reason": reason})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.REJECTED
    assert pending.rejection_reason == reason
    change = pending.history.get()
    assert (change.to_status, change.changed_by, change.reason) == ("rejected", moderator, reason)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert sorted(mail.to) == ["owner@catering.example.org", "recruiter@catering.example.org"]
    assert "“Kitchen porter” needs changes" in mail.subject
    assert reason in mail.body


def test_a_failing_mail_server_does_not_undo_the_decision(client, moderator, pending, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("jobs.notifications.send_event_email", broken)
    response = logged_in(client, moderator).post(reject_url(pending), {"reason": "Too vague."})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.REJECTED
    assert "Could not send job_rejected" in caplog.text


# -- Close and reports ----------------------------------------------------------------------------


def test_close_a_published_listing_after_a_report(client, moderator, employer, mailoutbox):
    job = JobListingFactory(employer=employer, title="Door supervisor")
    report = JobReport.objects.create(job=job, reason=JobReport.Reason.MISLEADING, details="A scam.")
    client = logged_in(client, moderator)
    soup = BeautifulSoup(client.get(review_url(job)).content, "html.parser")
    assert soup.find("form", action=close_url(job))
    assert soup.find("form", action=resolve_url(report))
    assert not soup.find("form", action=approve_url(job))

    response = client.post(close_url(job), {"reason": "Report upheld.", "resolve_reports": "on"})
    assert response.status_code == 302
    job.refresh_from_db()
    report.refresh_from_db()
    assert job.status == JobListing.Status.CLOSED and not job.is_public
    change = job.history.get()
    assert (change.action, change.changed_by, change.reason) == ("close", moderator, "Report upheld.")
    assert report.resolved_at is not None and report.resolved_by == moderator
    assert mailoutbox == []


def test_resolve_a_report(client, moderator, employer):
    job = JobListingFactory(employer=employer)
    report = JobReport.objects.create(job=job, reason=JobReport.Reason.FILLED)
    client = logged_in(client, moderator)
    response = client.post(resolve_url(report))
    assert response.status_code == 302 and response["Location"] == review_url(job)
    report.refresh_from_db()
    assert report.resolved_by == moderator
    job.refresh_from_db()
    assert job.status == JobListing.Status.PUBLISHED  # resolving leaves the listing as it is
    assert "already resolved" in client.get(client.post(resolve_url(report))["Location"]).content.decode()


def test_reports_listing_filters_unresolved(client, moderator, employer):
    job = JobListingFactory(employer=employer, title="Warehouse operative")
    open_report = JobReport.objects.create(
        job=job, reason=JobReport.Reason.DISCRIMINATORY, details="open one"
    )
    done = JobReport.objects.create(job=job, reason=JobReport.Reason.FILLED, details="done one")
    done.resolved_at = done.created_at
    done.save()
    client = logged_in(client, moderator)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{REPORTS}?state=open" in home
    unresolved = client.get(REPORTS, {"state": "open"})
    assert unresolved.status_code == 200
    rows = [
        r.get_text(" ", strip=True)
        for r in BeautifulSoup(unresolved.content, "html.parser").select("tbody tr")
    ]
    assert len(rows) == 1 and "Warehouse operative" in rows[0] and "Unresolved" in rows[0]
    assert len(BeautifulSoup(client.get(REPORTS).content, "html.parser").select("tbody tr")) == 2
    detail = client.get(reverse("job_reports:inspect", args=[open_report.pk]))
    assert detail.status_code == 200
    assert "open one" in detail.content.decode() and review_url(job) in detail.content.decode()
    assert client.get(f"/admin/job-reports/edit/{open_report.pk}/").status_code == 404


# -- Who may do what ------------------------------------------------------------------------------


def test_editor_may_look_but_not_act(client, editor, pending, mailoutbox):
    client = logged_in(client, editor)
    assert client.get(INDEX).status_code == 200
    review = client.get(review_url(pending))
    assert review.status_code == 200
    soup = BeautifulSoup(review.content, "html.parser")
    assert not soup.find("form", action=approve_url(pending))
    assert not soup.find("form", action=reject_url(pending))
    assert soup.find(id="job-flags-heading")  # the flags, yes; the reports, no
    assert not soup.find(id="job-reports-heading")

    refused = client.post(approve_url(pending))
    assert refused.status_code == 403
    assert "Only campaign moderators may approve, reject or close" in refused.content.decode()
    assert "Kitchen porter" not in refused.content.decode()
    assert client.post(reject_url(pending), {"reason": "sneaky"}).status_code == 403
    report = JobReport.objects.create(job=pending, reason=JobReport.Reason.OTHER)
    assert client.post(resolve_url(report)).status_code == 403
    pending.refresh_from_db()
    report.refresh_from_db()
    assert pending.status == JobListing.Status.PENDING and report.resolved_at is None
    assert mailoutbox == []
    assert client.get(REPORTS).status_code in (302, 403)


def test_view_only_user_gets_403_on_actions(client, pending):
    from django.contrib.auth.models import Permission

    user = with_totp(UserFactory())
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_joblisting"),
    )
    client = logged_in(client, user)
    assert client.get(review_url(pending)).status_code == 200
    assert client.post(approve_url(pending)).status_code == 403
    assert client.post(close_url(pending)).status_code == 403
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PENDING


def test_anonymous_is_sent_to_login(client, pending):
    for response in (
        client.get(INDEX),
        client.get(review_url(pending)),
        client.post(approve_url(pending)),
        client.post(reject_url(pending), {"reason": "x"}),
    ):
        assert response.status_code == 302
        assert "login" in response["Location"]
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PENDING


def test_employer_owner_cannot_reach_it(client, pending):
    owner = pending.employer.memberships.get(role="owner").user
    client = logged_in(client, owner)
    for response in (client.get(INDEX), client.get(review_url(pending)), client.post(approve_url(pending))):
        assert response.status_code in (302, 403)
        assert b"Kitchen porter" not in response.content
    pending.refresh_from_db()
    assert pending.status == JobListing.Status.PENDING


def test_group_permissions_from_the_migration(moderator, editor):
    assert moderator.has_perms(
        [
            "jobs.view_joblisting",
            "jobs.change_joblisting",
            "jobs.view_jobreport",
            "jobs.change_jobreport",
            *(
                f"taxonomy.{action}_{model}"
                for model in ("skill", "certification", "deterringphrase")
                for action in ("add", "change", "view", "delete")
            ),
        ]
    )
    assert not moderator.has_perm("jobs.add_joblisting")
    assert not moderator.has_perm("jobs.delete_joblisting")
    assert editor.has_perm("jobs.view_joblisting")
    assert not editor.has_perm("jobs.change_joblisting")


# -- Taxonomy snippets ----------------------------------------------------------------------------


def test_seeded_taxonomies(db):
    assert Skill.objects.count() >= 150
    areas = set(Skill.objects.values_list("area", flat=True))
    assert {
        "construction",
        "hospitality",
        "food production",
        "logistics",
        "manufacturing",
        "cleaning",
        "retail",
        "care",
        "IT basics",
        "agriculture",
    } <= areas
    assert "Forklift driving" in Skill.objects.get(name="Forklift operation").synonym_list()
    assert Certification.objects.count() >= 20
    assert Certification.objects.filter(name="Forklift (counterbalance) licence").exists()


def test_skill_snippet_lists_searches_synonyms_and_filters_area(client, moderator):
    client = logged_in(client, moderator)
    response = client.get(SKILLS)
    assert response.status_code == 200
    assert "Area" in response.content.decode()
    found = client.get(SKILLS, {"q": "digger"}).content.decode()  # a synonym of Plant operation
    assert "Plant operation" in found and "Bricklaying" not in found
    care = client.get(SKILLS, {"area": "care"}).content.decode()
    assert "Personal care" in care and "Bricklaying" not in care


def test_moderator_edits_the_taxonomies(client, moderator):
    client = logged_in(client, moderator)
    response = client.post(
        reverse("wagtailsnippets_taxonomy_deterringphrase:add"),
        {"phrase": "no ex-offenders", "suggestion": "Remove it.", "active": "on"},
    )
    assert response.status_code == 302
    assert DeterringPhrase.objects.filter(phrase="no ex-offenders").exists()
    response = client.post(
        reverse("wagtailsnippets_taxonomy_skill:add"),
        {
            "name": "Dog grooming",
            "synonyms": "Pet grooming",
            "description": "",
            "esco_uri": "",
            "area": "care",
        },
    )
    assert response.status_code == 302
    assert Skill.objects.get(name="Dog grooming").area == "care"
    assert client.get(CERTIFICATIONS, {"q": "cscs"}).status_code == 200


# -- The queue at national scale (issue 22) -------------------------------------------------------


def test_queue_rows_link_to_the_review_page_and_carry_no_menu(client, moderator, pending):
    response = logged_in(client, moderator).get(INDEX, {"status": "pending"})
    row = BeautifulSoup(response.content, "html.parser").select_one("table.listing tbody tr")
    assert row.select_one("td.title a")["href"] == review_url(pending)
    assert row.select_one("span.w-status.w-status--primary").get_text(strip=True) == "Waiting for review"
    # The menu's one item was the same link as the title: it went, with its 1.5 KB a row.
    assert not row.select(".w-dropdown") and "More options" not in str(row)


def test_queue_costs_a_fixed_number_of_queries(client, moderator, employer):
    client = logged_in(client, moderator)
    make_jobs(employer, 3)
    client.get(INDEX)  # warm caches (content types, site, permissions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX, {"status": "pending"}).status_code == 200
    assert len(queries) == QUEUE_QUERIES, [q["sql"] for q in queries.captured_queries]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's estimate of a table's rows")
def test_whole_list_of_a_large_table_gives_an_estimate_filtered_lists_count(
    client, moderator, employer, monkeypatch
):
    monkeypatch.setattr(admin_tables, "ESTIMATE_COUNT_ABOVE", 3)
    make_jobs(employer, 6)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE jobs_joblisting")
    client = logged_in(client, moderator)
    whole = text_of(client.get(INDEX))
    assert "About 6 job listings" in whole
    with CaptureQueriesContext(connection) as queries:
        client.get(INDEX)
    assert not [q for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert "6 job listings" in text_of(client.get(INDEX, {"status": "pending"}))
    assert "About" not in text_of(client.get(INDEX, {"status": "pending"})).split("Page")[0][-40:]
    monkeypatch.setattr(admin_tables, "ESTIMATE_COUNT_ABOVE", 100)
    assert "About" not in text_of(client.get(INDEX)) and "6 job listings" in text_of(client.get(INDEX))
