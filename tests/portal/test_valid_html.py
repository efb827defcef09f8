"""Machine-readable times HTML accepts, and help text a screen reader can reach."""

import datetime
import re

from bs4 import BeautifulSoup
from django.utils import timezone

from portal.templatetags.machine_time import machine_datetime
from tests.employers.factories import JobListingFactory
from tests.stories.factories import StoryPageFactory

# HTML's valid global date and time string: at most three digits of fractions of a second.
VALID_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$")


def test_machine_datetime_drops_the_microseconds_django_writes():
    moment = datetime.datetime(2026, 12, 2, 2, 40, 10, 678034, tzinfo=datetime.UTC)
    assert machine_datetime(moment) == "2026-12-02T02:40:10+00:00"
    assert machine_datetime(datetime.date(2026, 12, 2)) == "2026-12-02"
    assert machine_datetime(None) == ""


def test_every_time_element_on_job_and_story_pages_has_a_valid_datetime(client, story_index):
    published = timezone.now().replace(microsecond=678034)
    job = JobListingFactory(published_at=published)
    story = StoryPageFactory(parent=story_index)
    story.first_published_at = published
    story.save()
    values = []
    for path in ("/jobs/", job.get_absolute_url(), story.url, "/search/?q=" + job.title.split()[0]):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        values += [(path, time["datetime"]) for time in soup.select("time[datetime]")]
    assert values
    assert [(path, value) for path, value in values if not VALID_DATETIME.match(value)] == []


def test_the_password_rules_sit_in_the_element_the_password_field_points_at(client, home):
    soup = BeautifulSoup(client.get("/accounts/signup/").content, "html.parser")
    password = soup.select_one("#id_password1")
    help_ids = [i for i in password["aria-describedby"].split() if i.endswith("-help")]
    assert help_ids == ["id_password1-help"]
    help_text = soup.select_one("#id_password1-help")
    assert help_text.name == "div"
    assert help_text.select("li"), "the password rules are in the help element"
    assert help_text.get_text(strip=True)
