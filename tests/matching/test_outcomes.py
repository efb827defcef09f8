"""Outcomes: a hire places the graduate and schedules retention checks; the checks go out once by
e-mail with one-click answers (confirmed by POST, recorded once); unanswered introductions expire
after 14 days and the employer is told; the home page counts hires; the demo loads partners."""

import datetime
import re
from types import SimpleNamespace

import pytest
import time_machine
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from matching import figures
from matching.models import Hire, Introduction, RetentionCheck
from matching.outcomes import expire_overdue_introductions, send_due_retention_checks
from partners.models import Graduate
from tests.employers.factories import OwnerFactory, RecruiterFactory
from tests.jobs.factories import JobListingFactory
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeProviderFactory,
    personal_markers,
)

START = datetime.date(2026, 1, 15)


@pytest.fixture
def provider(db):
    return ProgrammeProviderFactory(name="Fresh Start Futures")


@pytest.fixture
def coordinator(provider):
    return CoordinatorFactory(provider=provider, user__email="coordinator@provider.example.org").user


@pytest.fixture
def job(db):
    job = JobListingFactory(title="Trainee bricklayer", employer__name="Northern Bricks & Mortar")
    OwnerFactory(employer=job.employer, user__email="owner@bricks.example.org")
    RecruiterFactory(employer=job.employer, user__email="recruiter@bricks.example.org")
    return job


@pytest.fixture
def graduate(provider):
    return GraduateFactory(provider=provider)


def hire_of(graduate, job, start=START):
    return Hire.objects.create(graduate=graduate, job=job, employer=job.employer, start_date=start)


def links_in(body):
    return re.findall(r"https?://\S+/outcomes/retention/\S+/", body)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


# -- A hire -----------------------------------------------------------------------------------------


def test_a_hire_schedules_three_retention_checks_and_places_the_graduate(graduate, job):
    assert Graduate.objects.matchable().filter(pk=graduate.pk).exists()

    hire = hire_of(graduate, job)

    checks = list(hire.retention_checks.order_by("months").values_list("months", "due_on"))
    assert checks == [
        (3, datetime.date(2026, 4, 15)),
        (6, datetime.date(2026, 7, 15)),
        (12, datetime.date(2027, 1, 15)),
    ]
    graduate.refresh_from_db()
    assert graduate.status == Graduate.Status.PLACED
    assert not Graduate.objects.matchable().filter(pk=graduate.pk).exists()


def test_month_ends_are_clamped(graduate, job):
    hire = hire_of(graduate, job, start=datetime.date(2025, 11, 30))
    assert hire.retention_checks.get(months=3).due_on == datetime.date(2026, 2, 28)


def test_saving_a_hire_again_adds_no_checks(graduate, job):
    hire = hire_of(graduate, job)
    hire.start_date = START + datetime.timedelta(days=1)
    hire.save()
    assert hire.retention_checks.count() == 3


def test_placing_tells_the_indexes(graduate, job):
    from partners.signals import graduate_matching_changed

    seen = []

    def listener(sender, graduate, **kwargs):
        seen.append(graduate.pk)

    graduate_matching_changed.connect(listener)
    try:
        hire_of(graduate, job)
    finally:
        graduate_matching_changed.disconnect(listener)
    assert seen == [graduate.pk]


def test_hires_feed_the_home_page_figure(graduate, job, client, home):
    hire_of(graduate, job)
    assert figures.hires() == 1
    response = client.get("/")
    assert re.search(r'data-figure="hires">\s*1\s*<', response.content.decode())


# -- Retention checks by e-mail ---------------------------------------------------------------------


def test_checks_are_sent_once_when_due_to_owners_and_provider_staff(graduate, job, coordinator, mailoutbox):
    hire = hire_of(graduate, job)

    with time_machine.travel(datetime.datetime(2026, 4, 14, 9, tzinfo=datetime.UTC)):
        assert send_due_retention_checks() == 0
    assert mailoutbox == []

    with time_machine.travel(datetime.datetime(2026, 4, 15, 9, tzinfo=datetime.UTC)):
        assert send_due_retention_checks() == 1
        assert send_due_retention_checks() == 0  # once only
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["coordinator@provider.example.org", "owner@bricks.example.org"]
    assert graduate.reference in message.subject + message.body
    assert f"the graduate {graduate.reference} started work at" in " ".join(message.body.split())
    assert len(links_in(message.body)) == 3
    for marker in personal_markers(graduate):
        assert marker not in message.subject + message.body
    assert hire.retention_checks.get(months=3).sent_at is not None
    assert hire.retention_checks.get(months=6).sent_at is None

    with time_machine.travel(datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)):
        assert send_due_retention_checks() == 2  # the 6- and 12-month checks
        assert send_due_retention_checks() == 0
    assert len(mailoutbox) == 3


def test_nobody_is_asked_again_after_leaving(graduate, job, mailoutbox):
    hire = hire_of(graduate, job)
    hire.retention_checks.filter(months=3).update(answer=RetentionCheck.Answer.LEFT, sent_at=timezone.now())
    with time_machine.travel(datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)):
        assert send_due_retention_checks() == 0
    assert mailoutbox == []


def test_a_failed_send_is_tried_again_next_time(graduate, job, mailoutbox, monkeypatch):
    hire = hire_of(graduate, job)
    import matching.outcomes as outcomes

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    with time_machine.travel(datetime.datetime(2026, 4, 20, 9, tzinfo=datetime.UTC)):
        monkeypatch.setattr(outcomes, "send_event_email", broken)
        assert send_due_retention_checks() == 0
        assert hire.retention_checks.get(months=3).sent_at is None
        monkeypatch.undo()
        assert send_due_retention_checks() == 1


def test_the_one_click_link_asks_first_and_records_on_post_once(graduate, job, client, mailoutbox):
    hire = hire_of(graduate, job)
    with time_machine.travel(datetime.datetime(2026, 4, 15, 9, tzinfo=datetime.UTC)):
        send_due_retention_checks()
    # Answered a few days later, within the links' 120 days.
    with time_machine.travel(datetime.datetime(2026, 4, 18, 9, tzinfo=datetime.UTC)):
        employed, left, _unknown = (path_of(url) for url in links_in(mailoutbox[0].body))
        check = hire.retention_checks.get(months=3)

        page = client.get(employed)
        assert page.status_code == 200
        assert "Record: still employed?" in page.content.decode()
        assert "Still employed" in page.content.decode()
        check.refresh_from_db()
        assert check.answer == ""  # a GET (an e-mail scanner) changes nothing

        recorded = client.post(employed)
        assert recorded.status_code == 200
        assert "your answer is recorded" in recorded.content.decode()
        check.refresh_from_db()
        assert check.answer == RetentionCheck.Answer.EMPLOYED
        assert check.answered_at is not None

        again = client.post(left)  # the other recipient, later: the first answer stands
        assert again.status_code == 200
        assert "already been answered" in again.content.decode()
        check.refresh_from_db()
        assert check.answer == RetentionCheck.Answer.EMPLOYED
        assert client.get(left).status_code == 200


def test_an_expired_link_answers_410_and_a_forged_one_404(graduate, job, client):
    check = hire_of(graduate, job).retention_checks.get(months=3)
    url = reverse("employers_public:retention_answer", args=[check.answer_token("employed")])
    with time_machine.travel(timezone.now() + datetime.timedelta(days=121)):
        response = client.get(url)
        assert response.status_code == 410
        assert client.post(url).status_code == 410
    check.refresh_from_db()
    assert check.answer == ""

    forged = signing.dumps({"c": check.pk, "a": "employed"}, salt="something else")
    assert client.get(reverse("employers_public:retention_answer", args=[forged])).status_code == 404
    assert client.get(reverse("employers_public:retention_answer", args=["nonsense"])).status_code == 404
    bad_answer = check.answer_token("promoted")
    assert client.post(reverse("employers_public:retention_answer", args=[bad_answer])).status_code == 404
    gone = check.answer_token("left")
    check.delete()
    assert client.get(reverse("employers_public:retention_answer", args=[gone])).status_code == 404


def test_the_command_runs_both_and_prints_counts(graduate, job, mailoutbox, capsys):
    hire_of(graduate, job)
    with time_machine.travel(datetime.datetime(2026, 4, 15, 9, tzinfo=datetime.UTC)):
        call_command("send_outcome_checks")
    out = capsys.readouterr().out
    assert "Retention checks sent: 1." in out
    assert "Introduction requests expired: 0." in out


# -- Introductions nobody answered ------------------------------------------------------------------


def test_requests_expire_after_14_days_not_before_and_the_employer_is_told(graduate, job, mailoutbox):
    requester = job.employer.memberships.get(role="recruiter").user
    asked = datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC)
    introduction = Introduction.objects.create(
        job=job, graduate=graduate, requested_by=requester, requested_at=asked, message="Hello"
    )
    answered = Introduction.objects.create(
        job=JobListingFactory(employer=job.employer),
        graduate=graduate,
        requested_by=requester,
        requested_at=asked,
        status=Introduction.Status.ACCEPTED,
    )

    with time_machine.travel(asked + datetime.timedelta(days=13, hours=23)):
        assert expire_overdue_introductions() == 0
    introduction.refresh_from_db()
    assert introduction.status == Introduction.Status.REQUESTED
    assert mailoutbox == []

    with time_machine.travel(asked + datetime.timedelta(days=14, minutes=1)):
        assert expire_overdue_introductions() == 1
        assert expire_overdue_introductions() == 0
    introduction.refresh_from_db()
    assert introduction.status == Introduction.Status.EXPIRED
    answered.refresh_from_db()
    assert answered.status == Introduction.Status.ACCEPTED
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["owner@bricks.example.org", "recruiter@bricks.example.org"]
    assert "expired" in message.subject
    assert graduate.reference in message.body and "Trainee bricklayer" in message.body
    for marker in personal_markers(graduate):
        assert marker not in message.subject + message.body


# -- Demo ---------------------------------------------------------------------------------------------


def test_demo_partners_load_once(db):
    from django.contrib.auth import get_user_model

    from employers.demo.employers import load_employers
    from jobs.demo import load_jobs
    from matching import demo as matching_demo
    from partners.demo import load_partners
    from partners.models import MatchingConsent, Programme, ProgrammeProvider, ProviderStaff
    from tests.portal.factories import UserFactory

    emails = ["moderator@example.org", "employer@example.org", "recruiter@example.org", "partner@example.org"]
    users = {email: UserFactory(email=email) for email in emails}
    load_employers(users, staff=users["moderator@example.org"])
    load_jobs(count=90)
    load_partners(users)
    load_partners(users)
    site = SimpleNamespace(users=users)
    matching_demo.load(site)
    hires = Hire.objects.count()
    matching_demo.load(site)
    assert Hire.objects.count() == hires

    assert ProgrammeProvider.objects.filter(status="verified").count() == 4
    assert set(ProgrammeProvider.objects.values_list("kind", flat=True)) == {
        "prison",
        "probation",
        "ngo",
        "training",
    }
    assert Programme.objects.count() == 12
    assert Programme.objects.filter(gender_responsive=True, sector="F").exists()
    assert Graduate.objects.count() == 200
    assert Graduate.objects.exclude(personal_data=None).count() == 200
    without = Graduate.objects.exclude(consents__in=MatchingConsent.objects.all()).count()
    assert 5 <= without <= 15
    assert 5 <= Hire.objects.count() <= 15
    assert Graduate.objects.filter(status="placed").count() == Hire.objects.count()
    assert Graduate.objects.matchable().count() >= 150
    assert {"requested", "accepted", "declined", "expired"} <= set(
        Introduction.objects.values_list("status", flat=True)
    )
    partner = get_user_model().objects.get(email="partner@example.org")
    assert ProviderStaff.objects.get(user=partner).role == "coordinator"
