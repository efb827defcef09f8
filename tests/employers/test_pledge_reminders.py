"""Renewal reminders and progress requests for hiring pledges: the tasks and the daily command."""

import datetime
import io

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management import call_command

from employers.models import Employer, HiringPledge, ProgressReport
from employers.tasks import request_progress_reports, send_renewal_reminders
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    OwnerFactory,
    RecruiterFactory,
    owner_of,
)

SIGNED = datetime.datetime(2026, 1, 10, 9, 0, tzinfo=datetime.UTC)
EXPIRES = SIGNED + relativedelta(months=12)


@pytest.fixture
def pledge(home):
    _user, employer = owner_of(email="owner@fairfoods.example")
    OwnerFactory(employer=employer, user__email="second-owner@fairfoods.example")
    RecruiterFactory(employer=employer, user__email="recruiter@fairfoods.example")
    with time_machine.travel(SIGNED, tick=False):
        return HiringPledgeFactory(employer=employer)


def run(task, at):
    with time_machine.travel(at, tick=False):
        result = task.enqueue()
    assert result.is_finished
    return result.return_value


class TestRenewalReminders:
    def test_not_before_the_last_30_days(self, pledge, mailoutbox):
        assert run(send_renewal_reminders, EXPIRES - datetime.timedelta(days=31)) == 0
        assert mailoutbox == []

    def test_a_pledge_29_days_from_expiry_is_reminded_exactly_once(self, pledge, mailoutbox):
        day = EXPIRES - datetime.timedelta(days=29)
        assert run(send_renewal_reminders, day) == 1
        assert run(send_renewal_reminders, day) == 0
        assert run(send_renewal_reminders, day + datetime.timedelta(days=1)) == 0
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert sorted(message.to) == ["owner@fairfoods.example", "second-owner@fairfoods.example"]
        assert (
            message.subject == f"Your hiring pledge {pledge.reference} expires on 10 January 2027: renew it"
        )
        assert f"{settings.PORTAL_SITE_URL}/employer/pledge/sign/" in message.body
        pledge.refresh_from_db()
        assert pledge.renewal_reminder_sent_at == day

    def test_withdrawn_expired_and_renewed_pledges_are_not_reminded(self, pledge, mailoutbox):
        day = EXPIRES - datetime.timedelta(days=29)
        withdrawn = HiringPledgeFactory(employer=EmployerFactory(), signed_at=SIGNED)
        withdrawn.withdraw(None, "Closed")
        HiringPledgeFactory(employer=EmployerFactory(), signed_at=SIGNED - relativedelta(months=12))
        with time_machine.travel(day - datetime.timedelta(days=2), tick=False):
            renewal = HiringPledgeFactory(employer=pledge.employer)  # renewed before the reminder went
        assert run(send_renewal_reminders, day) == 0
        assert mailoutbox == []
        assert renewal.is_active

    def test_an_organisation_that_is_no_longer_verified_is_not_reminded(self, pledge, mailoutbox):
        Employer.objects.filter(pk=pledge.employer_id).update(status=Employer.Status.SUSPENDED)
        assert run(send_renewal_reminders, EXPIRES - datetime.timedelta(days=29)) == 0
        assert mailoutbox == []


class TestProgressRequests:
    def test_a_pledge_is_asked_for_progress_after_6_months_then_not_again_for_6_months(
        self, pledge, client, mailoutbox
    ):
        assert (
            run(request_progress_reports, SIGNED + relativedelta(months=6) - datetime.timedelta(days=1)) == 0
        )
        asked = SIGNED + relativedelta(months=6, hours=1)
        assert run(request_progress_reports, asked) == 1
        assert run(request_progress_reports, asked) == 0
        assert run(request_progress_reports, asked + relativedelta(months=3)) == 0
        assert (
            run(request_progress_reports, asked + relativedelta(months=6) - datetime.timedelta(days=1)) == 0
        )
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert sorted(message.to) == ["owner@fairfoods.example", "second-owner@fairfoods.example"]
        assert pledge.reference in message.subject
        progress_url = f"{settings.PORTAL_SITE_URL}/employer/pledge/progress/"
        assert progress_url in message.body
        pledge.refresh_from_db()
        assert pledge.progress_requested_at == asked

        # the link leads an owner to the progress form
        with time_machine.travel(asked + datetime.timedelta(days=1)):
            client.force_login(pledge.employer.owners().first().user)
            response = client.get("/employer/pledge/progress/")
        assert response.status_code == 200
        assert pledge.reference in response.content.decode()

        # A 12-month pledge has expired by the next 6-month mark; one that still runs (its term
        # extended here) is asked again once 6 months have passed since the last request.
        HiringPledge.objects.filter(pk=pledge.pk).update(expires_at=EXPIRES + relativedelta(months=12))
        assert run(request_progress_reports, asked + relativedelta(months=6)) == 1
        assert len(mailoutbox) == 2

    def test_no_request_when_progress_was_reported_since_the_last_one(self, pledge, mailoutbox):
        HiringPledge.objects.filter(pk=pledge.pk).update(expires_at=EXPIRES + relativedelta(months=12))
        asked = SIGNED + relativedelta(months=6, hours=1)
        assert run(request_progress_reports, asked) == 1
        reported = asked + relativedelta(months=2)
        with time_machine.travel(reported, tick=False):
            ProgressReport.objects.create(pledge=pledge)

        # Six months after the request, the report made since then is the answer.
        assert run(request_progress_reports, asked + relativedelta(months=6, days=1)) == 0
        assert len(mailoutbox) == 1
        # Six months after the report, a new one is asked for.
        assert run(request_progress_reports, reported + relativedelta(months=6, days=1)) == 1
        assert len(mailoutbox) == 2

    def test_no_first_request_when_progress_was_reported_before_it(self, pledge, mailoutbox):
        with time_machine.travel(SIGNED + relativedelta(months=4), tick=False):
            ProgressReport.objects.create(pledge=pledge)
        assert run(request_progress_reports, SIGNED + relativedelta(months=6, hours=1)) == 0
        assert run(request_progress_reports, SIGNED + relativedelta(months=10, hours=1)) == 1
        assert len(mailoutbox) == 1

    def test_expired_and_withdrawn_pledges_are_not_asked(self, pledge, mailoutbox):
        pledge.withdraw(None, "Closed")
        assert run(request_progress_reports, SIGNED + relativedelta(months=7)) == 0
        assert mailoutbox == []


class TestCommand:
    def test_the_command_runs_both_and_prints_counts(self, pledge, mailoutbox):
        out = io.StringIO()
        with time_machine.travel(EXPIRES - datetime.timedelta(days=29), tick=False):
            call_command("send_pledge_reminders", stdout=out)
            # both fall due on this day: renewal (29 days left) and progress (signed 11 months ago)
            assert out.getvalue().splitlines() == ["Sent 1 renewal reminders.", "Sent 1 progress requests."]
            out = io.StringIO()
            call_command("send_pledge_reminders", stdout=out)
        assert out.getvalue().splitlines() == ["Sent 0 renewal reminders.", "Sent 0 progress requests."]
        assert len(mailoutbox) == 2
