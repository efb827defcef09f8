"""Changes to searchable things enqueue index updates; the search_index command without a server.

The tasks run on the project's real immediate backend against a closed port, so these tests also
show that a dead engine never fails a save. What was enqueued is read from django-tasks'
`task_enqueued` signal.
"""

import datetime
import logging

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks.signals import task_enqueued

from employers.models import Employer
from jobs.models import JobListing
from jobs.tasks import expire_past_closing_jobs
from partners.models import Graduate
from stories.models import StoryPage
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, PendingEmployerFactory
from tests.jobs.factories import JobListingFactory
from tests.partners.factories import GraduateFactory
from tests.stories.factories import DraftStoryPageFactory, StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"
engine_down = override_settings(ELASTICSEARCH_URL=CLOSED_PORT, SEARCH_TIMEOUT=0.2)


@pytest.fixture
def enqueued():
    """[(task name, label, pk)] of every search task enqueued during the test."""
    seen = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path.startswith("search.tasks."):
            seen.append((task_result.task.name, *task_result.args))

    task_enqueued.connect(record, dispatch_uid="test_index_lifecycle")
    yield seen
    task_enqueued.disconnect(dispatch_uid="test_index_lifecycle")


def index(label, pk):
    return ("index_object", label, pk)


def remove(label, pk):
    return ("remove_object", label, pk)


JOB, EMPLOYER, GRADUATE, STORY = (
    "jobs.joblisting",
    "employers.employer",
    "partners.graduate",
    "stories.storypage",
)


# Nothing without Elasticsearch -----------------------------------------------------------------


@override_settings(ELASTICSEARCH_URL="")
def test_without_elasticsearch_nothing_is_enqueued(enqueued, story_index):
    job = JobListingFactory()
    job.close()
    JobListing.objects.get(pk=job.pk).delete()
    graduate = GraduateFactory()
    graduate.withdraw_consent(by=None)
    story = DraftStoryPageFactory(parent=story_index)
    story.save_revision().publish()
    story.consent.withdraw()
    HiringPledgeFactory()
    assert enqueued == []


# Jobs and employers ----------------------------------------------------------------------------


@engine_down
def test_a_job_is_reindexed_on_every_state_change_and_removed_when_deleted(enqueued):
    job = JobListingFactory()
    assert index(JOB, job.pk) in enqueued
    enqueued.clear()

    job.close()
    assert JobListing.objects.get(pk=job.pk).status == JobListing.Status.CLOSED  # the save went through
    assert enqueued == [index(JOB, job.pk)]
    enqueued.clear()

    pk = job.pk
    job.delete()
    assert not JobListing.objects.filter(pk=pk).exists()
    assert remove(JOB, pk) in enqueued


@engine_down
def test_expiring_jobs_updates_the_index(enqueued):
    job = JobListingFactory(closing_date=timezone.localdate() - datetime.timedelta(days=1))
    enqueued.clear()
    expire_past_closing_jobs.enqueue()
    assert JobListing.objects.get(pk=job.pk).status == JobListing.Status.EXPIRED
    assert index(JOB, job.pk) in enqueued


@engine_down
def test_verifying_an_employer_reindexes_it_and_its_jobs(enqueued):
    employer = PendingEmployerFactory()
    job = JobListingFactory(employer=employer)
    enqueued.clear()
    employer.verify(by=None)
    assert Employer.objects.get(pk=employer.pk).status == Employer.Status.VERIFIED
    assert index(EMPLOYER, employer.pk) in enqueued
    assert index(JOB, job.pk) in enqueued


@engine_down
def test_signing_and_withdrawing_a_pledge_reindexes_the_employer(enqueued):
    employer = EmployerFactory()
    enqueued.clear()
    pledge = HiringPledgeFactory(employer=employer)
    assert index(EMPLOYER, employer.pk) in enqueued
    enqueued.clear()
    pledge.withdraw(by=None, reason="Changed our mind.")
    assert index(EMPLOYER, employer.pk) in enqueued


# Graduates -------------------------------------------------------------------------------------


@engine_down
def test_a_new_graduate_with_consent_is_indexed(enqueued):
    graduate = GraduateFactory()
    assert index(GRADUATE, graduate.pk) in enqueued


@engine_down
def test_withdrawn_matching_consent_removes_the_graduate_at_once(enqueued, caplog):
    graduate = GraduateFactory()
    enqueued.clear()
    with caplog.at_level(logging.WARNING, logger="search.signals"):
        graduate.withdraw_consent(by=None)
    assert not Graduate.objects.matchable().filter(pk=graduate.pk).exists()
    assert remove(GRADUATE, graduate.pk) in enqueued
    assert index(GRADUATE, graduate.pk) not in enqueued
    # Tried right away, not only in the task: with the engine down that attempt is logged.
    assert f"Could not remove {GRADUATE} {graduate.pk} from the search index yet" in caplog.text


# Pages -----------------------------------------------------------------------------------------


@engine_down
def test_publishing_and_unpublishing_a_story(enqueued, story_index):
    story = DraftStoryPageFactory(parent=story_index)
    assert enqueued == []  # a draft is not searchable
    story.save_revision().publish()
    assert index(STORY, story.pk) in enqueued
    enqueued.clear()
    StoryPage.objects.get(pk=story.pk).unpublish()
    assert remove(STORY, story.pk) in enqueued


@engine_down
def test_withdrawn_story_consent_removes_the_story_at_once(enqueued, story_index, caplog):
    story = StoryPageFactory(parent=story_index)
    enqueued.clear()
    with caplog.at_level(logging.WARNING, logger="search.signals"):
        story.consent.withdraw()
    assert not StoryPage.objects.get(pk=story.pk).live
    assert remove(STORY, story.pk) in enqueued
    assert f"Could not remove {STORY} {story.pk} from the search index yet" in caplog.text


@engine_down
def test_deleting_a_story_removes_it(enqueued, story_index):
    story = StoryPageFactory(parent=story_index)
    enqueued.clear()
    StoryPage.objects.get(pk=story.pk).delete()
    assert remove(STORY, story.pk) in enqueued


@engine_down
def test_moving_pages_reindexes_what_moved(enqueued, home, story_index):
    story = StoryPageFactory(parent=story_index)
    other_index = StoryIndexPageFactory(parent=home, slug="more-stories", title="More stories")
    enqueued.clear()
    story_index.refresh_from_db()
    StoryPage.objects.get(pk=story.pk).move(other_index, pos="last-child")
    assert index(STORY, story.pk) in enqueued


# The command -----------------------------------------------------------------------------------


@override_settings(ELASTICSEARCH_URL="")
@pytest.mark.parametrize("action", ["rebuild", "update", "status"])
def test_the_command_says_no_search_server_is_configured(action):
    with pytest.raises(CommandError, match="Neither ELASTICSEARCH_URL nor OPENSEARCH_URL is set"):
        call_command("search_index", action)


@override_settings(ELASTICSEARCH_URL="http://indexer:s3cret@127.0.0.1:9", SEARCH_TIMEOUT=0.2)
@pytest.mark.parametrize("action", ["rebuild", "update", "status"])
def test_the_command_says_the_server_does_not_answer(action):
    with pytest.raises(
        CommandError, match=r"Elasticsearch at http://127\.0\.0\.1:9 does not answer"
    ) as error:
        call_command("search_index", action)
    assert "s3cret" not in str(error.value)  # a password in the URL stays out of the message
