"""`manage.py enforce_retention`: graduates without activity are flagged to their provider and erased
after the notice unless touched; audit entries go after AUDIT_RETENTION_MONTHS; unconfirmed supporter
pledges (and their addresses) after PLEDGE_UNCONFIRMED_RETENTION_MONTHS. Time is frozen."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from campaigns.models import SupporterPledge
from matching.models import Introduction
from partners.models import Graduate, GraduatePersonalData, PersonalDataAccess
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory, PendingPledgeFactory
from tests.employers.factories import JobListingFactory
from tests.partners.factories import CoordinatorFactory, GraduateFactory

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return time_machine.travel(datetime.datetime(year, month, day, 9, tzinfo=datetime.UTC), tick=False)


def test_a_graduate_without_activity_is_flagged_then_erased_unless_touched(settings):
    settings.GRADUATE_RETENTION_MONTHS, settings.GRADUATE_ERASURE_NOTICE_DAYS = 24, 30
    with at(2024, 1, 10):
        coordinator = CoordinatorFactory(user__email="coordinator@fresh.example.org")
        provider = coordinator.provider
        forgotten = GraduateFactory(provider=provider)
        kept = GraduateFactory(provider=provider)
        in_touch = GraduateFactory(provider=provider)
        job = JobListingFactory()
    with at(2025, 12, 1):
        Introduction.objects.create(job=job, graduate=in_touch, message="Meet?")

    with at(2026, 2, 1):
        mail.outbox.clear()
        call_command("enforce_retention")
    [notice] = mail.outbox
    assert notice.to == ["coordinator@fresh.example.org"]
    assert "3 March 2026" in notice.body
    assert forgotten.reference in notice.body and kept.reference in notice.body
    assert in_touch.reference not in notice.body
    assert GraduatePersonalData.objects.filter(graduate=forgotten).exists()  # nothing erased yet

    with at(2026, 2, 10):  # the coordinator keeps one: the person is still in touch
        kept.refresh_from_db()
        kept.save()
    with at(2026, 2, 20):  # the notice is sent once
        mail.outbox.clear()
        call_command("enforce_retention")
        assert mail.outbox == []

    with at(2026, 3, 5):
        call_command("enforce_retention")
    forgotten.refresh_from_db()
    assert forgotten.is_erased
    assert not GraduatePersonalData.objects.filter(graduate=forgotten).exists()
    assert forgotten.consents.count() == 0 and forgotten.personal_statement == ""
    entry = PersonalDataAccess.objects.get(graduate=forgotten, action=PersonalDataAccess.Action.ERASE)
    assert entry.user is None  # the retention rules, not a person
    for graduate in (kept, in_touch):
        assert not Graduate.objects.get(pk=graduate.pk).is_erased
        assert GraduatePersonalData.objects.filter(graduate=graduate).exists()


def test_audit_entries_are_deleted_after_the_audit_retention(settings):
    settings.AUDIT_RETENTION_MONTHS = 72
    with at(2019, 12, 1):
        graduate = GraduateFactory()
        old = PersonalDataAccess.objects.create(graduate=graduate, action=PersonalDataAccess.Action.VIEW)
    with at(2020, 3, 1):
        recent = PersonalDataAccess.objects.create(graduate=graduate, action=PersonalDataAccess.Action.EXPORT)
    with at(2026, 2, 1):
        call_command("enforce_retention")
    assert not PersonalDataAccess.objects.filter(pk=old.pk).exists()
    assert PersonalDataAccess.objects.filter(pk=recent.pk).exists()


def test_unconfirmed_pledges_lose_their_address_after_the_window(settings, campaign_index):
    settings.PLEDGE_UNCONFIRMED_RETENTION_MONTHS = 3
    with at(2026, 1, 1):
        campaign = LiveCampaignPageFactory(parent=campaign_index)
        PendingPledgeFactory(campaign=campaign, email="never.confirmed@example.org")
        ConfirmedPledgeFactory(campaign=campaign, email="supporter@example.org")
    with at(2026, 3, 15):
        PendingPledgeFactory(campaign=campaign, email="just.now@example.org")
    with at(2026, 4, 2):
        call_command("enforce_retention")
    emails = set(SupporterPledge.objects.values_list("email", flat=True))
    assert emails == {"supporter@example.org", "just.now@example.org"}
