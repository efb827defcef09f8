"""The state machine of an application (sent, viewed, shortlisted, interview, offer, hired, not
this time, withdrawn), its named filters, and the e-mail each change sends the seeker, in their
language."""

import datetime

import pytest
from django.utils import timezone

from applications.models import Application
from tests.applications.factories import PATH, ApplicationFactory, at_stage
from tests.employers.factories import OwnerFactory

ALL = list(Application.TRANSITIONS)


@pytest.fixture
def owner(db):
    return OwnerFactory().user


def _application(owner, **fields):
    return ApplicationFactory(job__employer=owner.employer_memberships.get().employer, **fields)


@pytest.mark.parametrize(
    "status, allowed",
    [
        ("sent", {"view", "shortlist", "invite", "turn_down", "withdraw"}),
        ("viewed", {"shortlist", "invite", "offer", "turn_down", "withdraw"}),
        ("shortlisted", {"invite", "offer", "turn_down", "withdraw"}),
        ("interview", {"invite", "offer", "hire", "turn_down", "withdraw"}),
        ("offer", {"hire", "turn_down", "withdraw"}),
        ("hired", set()),
        ("not-this-time", set()),
        ("withdrawn", set()),
    ],
)
def test_which_steps_each_state_allows(owner, status, allowed):
    application = at_stage(_application(owner), status, by=owner)
    assert application.status == status
    assert {action for action in ALL if application.can(action)} == allowed


def test_a_step_not_allowed_changes_nothing_and_sends_nothing(owner, mailoutbox):
    application = at_stage(_application(owner), "not-this-time", by=owner)
    mailoutbox.clear()
    assert application.shortlist(owner) is False
    assert application.record_hire(owner, timezone.localdate(), 20) is None
    application.refresh_from_db()
    assert application.status == "not-this-time" and not mailoutbox


def test_two_members_acting_at_once_move_it_once(owner):
    application = _application(owner)
    stale = Application.objects.get(pk=application.pk)
    assert application.shortlist(owner) is True
    assert stale.shortlist(owner) is False  # its copy still said "sent": the database said no
    assert application.history.filter(status="shortlisted").count() == 1


@pytest.mark.parametrize(
    "status, words",
    [
        ("viewed", "has opened your application"),
        ("shortlisted", "shortlist"),
        ("interview", "12 High Street"),
        ("offer", "offers you the job"),
        ("hired", "Congratulations"),
        ("not-this-time", "more experience"),
    ],
)
def test_each_change_e_mails_the_seeker(owner, mailoutbox, status, words):
    application = _application(owner)
    at_stage(application, status, by=owner)
    mails = [mail for mail in mailoutbox if mail.to == [application.seeker.user.email]]
    last = mails[-1]
    assert words in last.body
    assert f"/seeker/applications/{application.pk}/" in last.body
    assert application.job.title in last.subject
    assert len(mails) == len(PATH[status])  # one e-mail per step taken


def test_the_seeker_s_own_withdrawal_sends_them_nothing(owner, mailoutbox):
    application = _application(owner)
    application.withdraw(application.seeker.user)
    assert not mailoutbox


def test_e_mails_are_in_the_seeker_s_language(owner, mailoutbox):
    application = _application(owner)
    application.seeker.user.language = "fr"
    application.seeker.user.save()
    application.shortlist(owner)
    [mail] = mailoutbox
    assert mail.extra_headers["Content-Language"] == "fr"
    assert "/fr/seeker/applications/" in mail.body


def test_an_invitation_carries_the_date_the_place_the_link_and_the_message(owner, mailoutbox):
    application = _application(owner)
    when = timezone.now() + datetime.timedelta(days=2)
    application.invite(
        owner, when, place="", link="https://meet.example.org/abc", message="Bring your CSCS card."
    )
    application.refresh_from_db()
    assert application.status == "interview" and application.interview_link == "https://meet.example.org/abc"
    [mail] = mailoutbox
    assert "https://meet.example.org/abc" in mail.body and "Bring your CSCS card." in mail.body


def test_named_filters(owner):
    employer = owner.employer_memberships.get().employer
    sent = _application(owner)
    shortlisted = at_stage(_application(owner), "shortlisted", by=owner)
    hired = at_stage(_application(owner), "hired", by=owner)
    turned_down = at_stage(_application(owner), "not-this-time", by=owner)
    elsewhere = ApplicationFactory()
    mine = Application.objects.to_employer(employer)
    assert set(mine) == {sent, shortlisted, hired, turned_down}
    assert set(mine.open()) == {sent, shortlisted}
    assert list(mine.unseen()) == [sent]
    assert list(mine.shortlisted()) == [shortlisted]
    assert list(Application.objects.hired()) == [hired]
    assert list(Application.objects.of_seeker(elsewhere.seeker)) == [elsewhere]
