"""Campaign staff in the Wagtail admin: the employers listing, detail, verify and suspend actions,
the owners' e-mails, the read-only hiring pledge listing and the pledge commitment snippet."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from employers.admin.organisations import with_staff_figures
from employers.admin.pledges import overdue_pledges
from employers.models import Employer, EmployerStatusChange, HiringPledge, PledgeCommitment, ProgressReport
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    OwnerFactory,
    PendingEmployerFactory,
    RecruiterFactory,
    SuspendedEmployerFactory,
)
from tests.portal.factories import UserFactory, with_totp

INDEX = reverse("employers_admin:index")
PLEDGES = reverse("hiring_pledges:index")
COMMITMENTS = reverse("wagtailsnippets_employers_pledgecommitment:list")


def inspect_url(employer):
    return reverse("employers_admin:inspect", args=[employer.pk])


def verify_url(employer):
    return reverse("employers_admin:verify", args=[employer.pk])


def suspend_url(employer):
    return reverse("employers_admin:suspend", args=[employer.pk])


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
def pending(db):
    employer = PendingEmployerFactory(name="Second Helping Catering", registration_number="SC123456")
    OwnerFactory(employer=employer, user__email="owner@catering.example.org")
    RecruiterFactory(employer=employer, user__email="recruiter@catering.example.org")
    return employer


def logged_in(client, user):
    client.force_login(user)
    return client


def names_listed(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select("table.listing tbody td.title .title-wrapper a")}


# -- The listing ----------------------------------------------------------------------------------


def test_moderator_sees_the_listing_with_its_columns(client, moderator, pending):
    verified = EmployerFactory(name="Fair Foods Ltd")
    HiringPledgeFactory(employer=verified)
    response = logged_in(client, moderator).get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert {"Second Helping Catering", "Fair Foods Ltd"} <= names_listed(response)
    for heading in ("Sector", "Head office region", "Status", "Registered", "Members", "Pledge"):
        assert heading in html
    assert "Manchester" in html  # GB-MAN, by name
    assert "Waiting for verification" in html and "Verified" in html
    assert "Active" in html and "No pledge" in html
    employer = with_staff_figures(Employer.objects.filter(pk=pending.pk)).get()
    assert employer.member_count == 2


def test_the_employers_menu_groups_the_three_listings(client, moderator):
    html = logged_in(client, moderator).get(reverse("wagtailadmin_home")).content.decode()
    for url in (INDEX, PLEDGES, COMMITMENTS):
        assert url in html


def test_listing_filters_by_status_sector_and_size(client, moderator, pending):
    EmployerFactory(name="Fair Foods Ltd", sector="I", size_band="50-249")
    SuspendedEmployerFactory(name="Bad Builders", sector="F")
    client = logged_in(client, moderator)

    assert names_listed(client.get(INDEX, {"status": "pending"})) == {"Second Helping Catering"}
    assert names_listed(client.get(INDEX, {"status": "suspended"})) == {"Bad Builders"}
    assert names_listed(client.get(INDEX, {"sector": "F"})) == {"Bad Builders"}
    assert names_listed(client.get(INDEX, {"size_band": "50-249"})) == {"Fair Foods Ltd"}
    # The results-only view (used when filters change without a page load) agrees.
    results = client.get(reverse("employers_admin:index_results"), {"status": "verified"})
    assert results.status_code == 200
    assert "Fair Foods Ltd" in results.content.decode()
    assert "Bad Builders" not in results.content.decode()


def test_listing_searches_name_and_registration_number(client, moderator, pending):
    EmployerFactory(name="Fair Foods Ltd", registration_number="AB999")
    client = logged_in(client, moderator)
    assert names_listed(client.get(INDEX, {"q": "helping"})) == {"Second Helping Catering"}
    assert names_listed(client.get(INDEX, {"q": "ab999"})) == {"Fair Foods Ltd"}
    assert names_listed(client.get(INDEX, {"q": "nobody at all"})) == set()


def test_listing_sorts_by_annotated_columns(client, moderator, pending):
    EmployerFactory(name="Fair Foods Ltd")
    client = logged_in(client, moderator)
    for ordering in ("member_count", "-member_count", "pledge_active", "progress_report_overdue", "status"):
        assert client.get(INDEX, {"ordering": ordering}).status_code == 200


def make_employers(count):
    for _ in range(count):
        employer = EmployerFactory()
        OwnerFactory(employer=employer)
        HiringPledgeFactory(employer=employer)


def test_listing_query_count_does_not_grow_with_rows(client, moderator):
    client = logged_in(client, moderator)
    make_employers(2)
    client.get(INDEX)  # warm caches (content types, site, permissions)
    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    make_employers(8)
    with CaptureQueriesContext(connection) as many:
        assert client.get(INDEX).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_listing_rows_link_to_the_details_and_carry_no_menu(client, moderator, pending):
    client = logged_in(client, moderator)
    client.get(INDEX)  # warm caches (content types, site, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    # user, two-factor, permissions, profile, the page and its count (issue 22)
    assert len(queries) == 8, [q["sql"] for q in queries.captured_queries]
    row = BeautifulSoup(response.content, "html.parser").select_one("table.listing tbody tr")
    assert row.select_one("td.title a")["href"] == inspect_url(pending)
    tags = [
        (tag.get_text(strip=True), "w-status--primary" in tag["class"]) for tag in row.select("span.w-status")
    ]
    assert tags == [("Waiting for verification", True), ("No pledge", False)]
    registered = row.select_one("time.w-human-readable-date__date")
    assert registered.get_text(strip=True) == "Just now"
    assert registered["datetime"] == pending.created_at.isoformat()
    assert not row.select(".w-dropdown") and "More options" not in str(row)


# -- The detail page ------------------------------------------------------------------------------


def test_detail_shows_details_members_pledges_and_history(client, moderator, pending):
    pending.suspend(by=moderator, reason="Registration number does not match.")
    pending.verify(by=moderator, reason="Checked with Companies House.")
    pledge = HiringPledgeFactory(employer=pending)
    response = logged_in(client, moderator).get(inspect_url(pending))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "SC123456" in text and "Manchester" in text
    members = soup.find(id="employer-members-heading").find_parent("section").get_text(" ", strip=True)
    assert "owner@catering.example.org Alex" in members or "owner@catering.example.org" in members
    assert "Owner" in members and "Recruiter" in members and "recruiter@catering.example.org" in members
    pledges = soup.find(id="employer-pledges-heading").find_parent("section").get_text(" ", strip=True)
    assert pledge.reference in pledges and "Active" in pledges
    history = soup.find(id="employer-history-heading").find_parent("section")
    rows = [row.get_text(" ", strip=True) for row in history.select("tbody tr")]
    assert len(rows) == 2
    assert "moderator@example.org" in rows[0]
    assert "Suspended → Verified" in rows[0] and "Checked with Companies House." in rows[0]
    assert "Waiting for verification → Suspended" in rows[1]
    # Verified already: only the suspend form is offered.
    assert soup.find("form", action=suspend_url(pending))
    assert not soup.find("form", action=verify_url(pending))


def test_pending_employer_offers_both_actions(client, moderator, pending):
    soup = BeautifulSoup(logged_in(client, moderator).get(inspect_url(pending)).content, "html.parser")
    assert soup.find("form", action=verify_url(pending))
    assert soup.find("form", action=suspend_url(pending))
    assert "No status changes yet" in soup.get_text()


def test_there_is_no_generic_create_or_edit_form(client, moderator, pending):
    client = logged_in(client, moderator)
    for path in (
        "/admin/employers/new/",
        f"/admin/employers/edit/{pending.pk}/",
        f"/admin/employers/delete/{pending.pk}/",
        f"/admin/employers/copy/{pending.pk}/",
    ):
        assert client.get(path).status_code == 404, path


# -- Verify and suspend ---------------------------------------------------------------------------


def test_moderator_verifies_and_the_owner_is_emailed(client, moderator, pending, mailoutbox):
    response = logged_in(client, moderator).post(verify_url(pending), {"note": "Checked the register."})
    assert response.status_code == 302
    assert response["Location"] == inspect_url(pending)
    pending.refresh_from_db()
    assert pending.status == Employer.Status.VERIFIED
    assert pending.status_changed_by == moderator
    assert pending.status_reason == "Checked the register."
    change = EmployerStatusChange.objects.get(employer=pending)
    assert (change.from_status, change.to_status, change.changed_by, change.reason) == (
        "pending",
        "verified",
        moderator,
        "Checked the register.",
    )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["owner@catering.example.org"]  # owners only, not the recruiter
    assert "Second Helping Catering is verified" in mail.subject
    assert "Checked the register." in mail.body
    assert pending.get_absolute_url() in mail.body
    followed = client.get(response["Location"])
    assert "is verified" in followed.content.decode()


def test_verify_note_is_optional(client, moderator, pending, mailoutbox):
    response = logged_in(client, moderator).post(verify_url(pending), {})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_verified and pending.status_reason == ""
    assert len(mailoutbox) == 1 and "A note from the campaign team" not in mailoutbox[0].body


def test_suspend_without_reason_changes_nothing(client, moderator, pending, mailoutbox):
    response = logged_in(client, moderator).post(suspend_url(pending), {"reason": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the reason for the suspension" in html
    assert "Nothing was changed" in html
    pending.refresh_from_db()
    assert pending.status == Employer.Status.PENDING
    assert not EmployerStatusChange.objects.filter(employer=pending).exists()
    assert mailoutbox == []


def test_suspend_with_reason_suspends_and_emails_the_reason(client, moderator, mailoutbox):
    employer = EmployerFactory(name="Fair Foods Ltd")
    OwnerFactory(employer=employer, user__email="boss@fairfoods.example.org")
    OwnerFactory(employer=employer, user__email="deputy@fairfoods.example.org")
    reason = "Job listings asked about convictions on the application form."
    response = logged_in(client, moderator).post(suspend_url(employer), {"reason": reason})
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.status == Employer.Status.SUSPENDED
    assert employer.status_reason == reason
    change = employer.status_history.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("verified", "suspended", moderator)
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["boss@fairfoods.example.org", "deputy@fairfoods.example.org"]
    assert "Fair Foods Ltd is suspended" in mailoutbox[0].subject
    assert reason in mailoutbox[0].body


def test_a_suspended_employer_can_be_verified_again(client, moderator, mailoutbox):
    employer = SuspendedEmployerFactory()
    OwnerFactory(employer=employer)
    logged_in(client, moderator).post(verify_url(employer), {"note": "Put right."})
    employer.refresh_from_db()
    assert employer.is_verified
    assert len(mailoutbox) == 1


def links_named(response, label):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.select("a[href]") if label in a.get_text()]


def test_detail_links_to_the_public_profile_once_verified(client, moderator, pending):
    client = logged_in(client, moderator)
    assert links_named(client.get(inspect_url(pending)), "View public profile") == []
    client.post(verify_url(pending), {})
    pending.refresh_from_db()
    assert links_named(client.get(inspect_url(pending)), "View public profile") == [
        pending.get_absolute_url()
    ]


def test_verifying_twice_does_nothing_the_second_time(client, moderator, pending, mailoutbox):
    client = logged_in(client, moderator)
    client.post(verify_url(pending), {})
    response = client.post(verify_url(pending), {})
    assert response.status_code == 302
    assert EmployerStatusChange.objects.filter(employer=pending).count() == 1
    assert len(mailoutbox) == 1
    assert "already verified" in client.get(response["Location"]).content.decode()


def test_actions_are_post_only(client, moderator, pending):
    assert logged_in(client, moderator).get(verify_url(pending)).status_code == 405


def test_unknown_employer_is_404(client, moderator):
    client = logged_in(client, moderator)
    assert client.get(reverse("employers_admin:inspect", args=[999999])).status_code == 404
    assert client.post(reverse("employers_admin:verify", args=[999999])).status_code == 404


# -- Who may do what ------------------------------------------------------------------------------


def test_editor_may_look_but_not_verify(client, editor, pending, mailoutbox):
    client = logged_in(client, editor)
    assert client.get(INDEX).status_code == 200
    detail = client.get(inspect_url(pending))
    assert detail.status_code == 200
    soup = BeautifulSoup(detail.content, "html.parser")
    assert not soup.find("form", action=verify_url(pending))
    assert not soup.find("form", action=suspend_url(pending))
    refused = client.post(verify_url(pending), {"note": "sneaky"})
    assert refused.status_code == 403
    assert "Only campaign moderators may verify or suspend" in refused.content.decode()
    assert "Second Helping Catering" not in refused.content.decode()
    assert client.post(suspend_url(pending), {"reason": "sneaky"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == Employer.Status.PENDING
    assert mailoutbox == []
    # Pledges and commitments are for moderators.
    assert client.get(PLEDGES).status_code in (302, 403)


def test_anonymous_is_sent_to_login(client, pending):
    for response in (client.get(INDEX), client.get(inspect_url(pending)), client.post(verify_url(pending))):
        assert response.status_code == 302
        assert "login" in response["Location"]
    pending.refresh_from_db()
    assert pending.status == Employer.Status.PENDING


def test_plain_user_cannot_reach_it(client, pending):
    owner = pending.memberships.get(role="owner").user  # even the organisation's own owner
    client = logged_in(client, owner)
    for response in (client.get(INDEX), client.get(inspect_url(pending)), client.post(verify_url(pending))):
        assert response.status_code in (302, 403)
        assert b"Second Helping Catering" not in response.content
    pending.refresh_from_db()
    assert pending.status == Employer.Status.PENDING


def test_group_permissions_from_the_migration(moderator, editor):
    assert moderator.has_perms(
        [
            "employers.view_employer",
            "employers.change_employer",
            "employers.add_pledgecommitment",
            "employers.change_pledgecommitment",
            "employers.view_pledgecommitment",
            "employers.view_hiringpledge",
        ]
    )
    assert not moderator.has_perm("employers.delete_employer")
    assert not moderator.has_perm("employers.change_hiringpledge")
    assert editor.has_perm("employers.view_employer")
    assert not editor.has_perm("employers.change_employer")


# -- The e-mail receiver --------------------------------------------------------------------------


def test_no_email_without_a_real_change(moderator, mailoutbox):
    employer = PendingEmployerFactory()
    OwnerFactory(employer=employer)
    employer.verify(by=moderator)
    employer.verify(by=moderator)  # verified → verified: recorded, but not news to the owners
    assert len(mailoutbox) == 1


def test_a_failing_mail_server_does_not_undo_the_change(moderator, mailoutbox, monkeypatch, caplog):
    employer = PendingEmployerFactory()
    OwnerFactory(employer=employer)

    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("employers.notifications.send_event_email", broken)
    employer.verify(by=moderator)
    employer.refresh_from_db()
    assert employer.is_verified
    assert "Could not send employer_verified" in caplog.text


# -- Hiring pledges: read-only, overdue progress reports flagged ---------------------------------


@pytest.fixture
def overdue_pledge(db):
    now = timezone.now()
    employer = EmployerFactory(name="Slow Reporters Ltd")
    OwnerFactory(employer=employer)
    pledge = HiringPledgeFactory(employer=employer, signed_at=now - datetime.timedelta(days=220))
    pledge.progress_requested_at = now - datetime.timedelta(days=40)
    pledge.save(update_fields=["progress_requested_at"])
    return pledge


def test_overdue_queryset_agrees_with_the_property(overdue_pledge):
    on_time = HiringPledgeFactory(signed_at=timezone.now() - datetime.timedelta(days=220))
    on_time.progress_requested_at = timezone.now() - datetime.timedelta(days=40)
    on_time.save(update_fields=["progress_requested_at"])
    ProgressReport.objects.create(pledge=on_time, submitted_at=timezone.now() - datetime.timedelta(days=5))
    fresh = HiringPledgeFactory()
    for pledge in (overdue_pledge, on_time, fresh):
        pledge.refresh_from_db()
        assert overdue_pledges().filter(pk=pledge.pk).exists() is pledge.progress_overdue
    assert overdue_pledge.progress_overdue
    flagged = with_staff_figures(Employer.objects.all()).filter(progress_report_overdue=True)
    assert list(flagged) == [overdue_pledge.employer]


def test_pledge_listing_flags_overdue_reports(client, moderator, overdue_pledge):
    HiringPledgeFactory(employer=EmployerFactory(name="Punctual Ltd"))
    client = logged_in(client, moderator)
    response = client.get(PLEDGES)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")}
    overdue_rows = [row for row in rows if "Overdue" in row]
    assert len(overdue_rows) == 1 and overdue_pledge.reference in overdue_rows[0]

    only_overdue = client.get(PLEDGES, {"progress_report_overdue": "true"}).content.decode()
    assert overdue_pledge.reference in only_overdue and "Punctual Ltd" not in only_overdue
    withdrawn = client.get(PLEDGES, {"state": "withdrawn"}).content.decode()
    assert overdue_pledge.reference not in withdrawn
    assert overdue_pledge.reference in client.get(PLEDGES, {"state": "active"}).content.decode()
    assert overdue_pledge.reference in client.get(PLEDGES, {"q": "slow rep"}).content.decode()

    employers = client.get(INDEX, {"progress_report_overdue": "true"})
    assert names_listed(employers) == {"Slow Reporters Ltd"}


def test_pledge_detail_and_no_editing(client, moderator, overdue_pledge):
    client = logged_in(client, moderator)
    response = client.get(reverse("hiring_pledges:inspect", args=[overdue_pledge.pk]))
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert overdue_pledge.reference in text and "Slow Reporters Ltd" in text
    assert "Yes: no report since it was asked for" in text
    assert PledgeCommitment.objects.current().first().title in text
    assert client.get(f"/admin/hiring-pledges/edit/{overdue_pledge.pk}/").status_code == 404
    assert client.get("/admin/hiring-pledges/new/").status_code == 404


# -- Pledge commitments: a snippet, ordered, retired rather than deleted ---------------------------


def test_commitments_listing_filter_and_reordering(client, moderator):
    client = logged_in(client, moderator)
    PledgeCommitment.objects.create(title="An old promise", retired=True, sort_order=99)
    response = client.get(COMMITMENTS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Remove the conviction question from initial applications" in html
    assert "An old promise" in html
    retired_only = client.get(COMMITMENTS, {"retired": "true"}).content.decode()
    assert "An old promise" in retired_only
    assert "Remove the conviction question" not in retired_only

    ordered = list(PledgeCommitment.objects.order_by("sort_order"))
    last = ordered[-1]
    reorder = reverse("wagtailsnippets_employers_pledgecommitment:reorder", args=[last.pk])
    response = client.post(f"{reorder}?position=0")
    assert response.status_code == 200
    assert PledgeCommitment.objects.order_by("sort_order").first() == last


def test_moderator_adds_a_commitment(client, moderator):
    response = logged_in(client, moderator).post(
        reverse("wagtailsnippets_employers_pledgecommitment:add"),
        {"title": "Guarantee an interview to programme graduates", "description": "", "number_label": ""},
    )
    assert response.status_code == 302
    assert PledgeCommitment.objects.filter(title="Guarantee an interview to programme graduates").exists()


def test_a_signed_commitment_cannot_be_deleted(client, db):
    superuser = with_totp(UserFactory(is_superuser=True, is_staff=True))
    pledge = HiringPledgeFactory()
    signed = pledge.commitments.first().commitment
    unused = PledgeCommitment.objects.create(title="Never chosen", sort_order=50)
    client = logged_in(client, superuser)
    delete = "wagtailsnippets_employers_pledgecommitment:delete"
    response = client.post(reverse(delete, args=[signed.pk]))
    assert response.status_code == 302
    assert PledgeCommitment.objects.filter(pk=signed.pk).exists()
    assert "Retire a commitment instead" in client.get(response["Location"]).content.decode()
    assert client.post(reverse(delete, args=[unused.pk])).status_code == 302
    assert not PledgeCommitment.objects.filter(pk=unused.pk).exists()
    assert HiringPledge.objects.filter(pk=pledge.pk).exists()
