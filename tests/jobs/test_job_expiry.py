"""Listings past their closing date expire: the task, the command, the history, the board's rule."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from jobs.models import JobListing
from jobs.tasks import expire_past_closing_jobs
from tests.employers.factories import JobListingFactory, PendingJobFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 10)
YESTERDAY = TODAY - datetime.timedelta(days=1)


@pytest.fixture
def jobs():
    with time_machine.travel(NOON - datetime.timedelta(days=20), tick=False):
        return {
            "yesterday": JobListingFactory(title="Closed yesterday", closing_date=YESTERDAY),
            "today": JobListingFactory(title="Closes today", closing_date=TODAY),
            "open": JobListingFactory(title="No closing date", closing_date=None),
            "pending": PendingJobFactory(title="Pending, past closing", closing_date=YESTERDAY),
        }


def status(job):
    job.refresh_from_db()
    return job.status


def test_task_expires_only_published_listings_past_closing(jobs):
    with time_machine.travel(NOON, tick=False):
        assert expire_past_closing_jobs.call() == 1
    assert status(jobs["yesterday"]) == JobListing.Status.EXPIRED
    assert status(jobs["today"]) == JobListing.Status.PUBLISHED
    assert status(jobs["open"]) == JobListing.Status.PUBLISHED
    assert status(jobs["pending"]) == JobListing.Status.PENDING  # not public: left to moderation

    expired = jobs["yesterday"]
    assert expired.closed_at == NOON
    change = expired.history.get()
    assert (change.action, change.from_status, change.to_status, change.changed_by) == (
        "expire",
        "published",
        "expired",
        None,
    )
    assert change.changed_at == NOON


def test_a_second_run_expires_nothing_more(jobs):
    with time_machine.travel(NOON, tick=False):
        assert expire_past_closing_jobs.call() == 1
        assert expire_past_closing_jobs.call() == 0
    assert jobs["yesterday"].history.count() == 1


def test_the_day_after_closing_the_next_one_expires(jobs):
    with time_machine.travel(NOON + datetime.timedelta(days=1), tick=False):
        assert expire_past_closing_jobs.call() == 2
    assert status(jobs["today"]) == JobListing.Status.EXPIRED


def test_the_command_enqueues_the_task_and_prints_the_count(jobs):
    out = io.StringIO()
    with time_machine.travel(NOON, tick=False):
        call_command("expire_jobs", stdout=out)
    assert out.getvalue().strip() == "Expired 1 job listing."
    assert status(jobs["yesterday"]) == JobListing.Status.EXPIRED

    out = io.StringIO()
    with time_machine.travel(NOON, tick=False):
        call_command("expire_jobs", stdout=out)
    assert out.getvalue().strip() == "Expired 0 job listings."


def test_the_public_rule_is_the_same_before_and_after_the_task(jobs):
    with time_machine.travel(NOON, tick=False):
        visible_before = set(JobListing.objects.published().values_list("title", flat=True))
        past = set(JobListing.objects.past_closing().values_list("title", flat=True))
        expire_past_closing_jobs.call()
        visible_after = set(JobListing.objects.published().values_list("title", flat=True))
        assert timezone.localdate() == TODAY
    # The board already hid it; expiring only makes the state say so.
    assert visible_before == visible_after == {"Closes today", "No closing date"}
    assert past == {"Closed yesterday"}
    jobs["yesterday"].refresh_from_db()
    assert not jobs["yesterday"].is_public


def test_expiry_sends_no_email(jobs, mailoutbox):
    with time_machine.travel(NOON, tick=False):
        expire_past_closing_jobs.call()
    assert mailoutbox == []


def test_one_failing_listing_does_not_stop_the_others(jobs, monkeypatch, caplog):
    with time_machine.travel(NOON - datetime.timedelta(days=20), tick=False):
        other = JobListingFactory(title="Also closed yesterday", closing_date=YESTERDAY)
    real_expire = JobListing.expire

    def flaky(self):
        if self.pk == jobs["yesterday"].pk:
            raise RuntimeError("database hiccup")
        return real_expire(self)

    monkeypatch.setattr(JobListing, "expire", flaky)
    with time_machine.travel(NOON, tick=False):
        assert expire_past_closing_jobs.call() == 1
    assert status(other) == JobListing.Status.EXPIRED
    assert status(jobs["yesterday"]) == JobListing.Status.PUBLISHED
    assert "Could not expire job listing" in caplog.text
