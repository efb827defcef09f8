"""The monthly summary e-mail to campaign staff: the right month, the right people, only once."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from impact.models import MonthlySummary
from tests.employers.factories import JobListingFactory
from tests.impact.factories import HireFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def staff(editor, moderator, superuser, employer_owner, partner):
    from tests.impact.conftest import member_of

    member_of("Campaign editors", email="gone@example.org", is_active=False)
    return {"editor@example.org", "moderator@example.org", "admin@example.org"}


@time_machine.travel(NOW, tick=False)
def test_the_previous_month_goes_to_active_campaign_staff_only(staff):
    HireFactory(job=JobListingFactory(sector="F"), start_date=datetime.date(2026, 10, 14))
    HireFactory(start_date=datetime.date(2026, 11, 2))  # this month: not in October's summary

    call_command("send_impact_summary")

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(staff)
    message = mail.outbox[0]
    assert message.subject == "Impact summary for October 2026"
    assert "People hired: 1" in message.body and "Construction: 1" in message.body
    assert "/admin/impact/?start=2026-10-01&end=2026-10-31" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<h1>Impact summary for October 2026</h1>" in html
    assert MonthlySummary.objects.get(month=datetime.date(2026, 10, 1)).recipients == 3


@time_machine.travel(NOW, tick=False)
def test_a_month_is_sent_only_once(staff):
    call_command("send_impact_summary")
    call_command("send_impact_summary", "--month", "2026-10")
    assert len(mail.outbox) == 3
    call_command("send_impact_summary", "--month", "2026-09")
    assert len(mail.outbox) == 6
    assert "September 2026" in mail.outbox[-1].subject


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("month", ["2026-13", "October", "2026-11", "2027-01"])
def test_a_bad_or_unfinished_month_is_refused(staff, month):
    with pytest.raises(CommandError):
        call_command("send_impact_summary", "--month", month)
    assert not mail.outbox and not MonthlySummary.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_failed_send_leaves_the_month_to_try_again(staff, settings):
    settings.EMAIL_BACKEND = "tests.impact.test_monthly_summary.FailingBackend"
    with pytest.raises(CommandError):
        call_command("send_impact_summary")
    assert not MonthlySummary.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_impact_summary")
    assert len(mail.outbox) == 3 and timezone.now() == MonthlySummary.objects.get().sent_at


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")
