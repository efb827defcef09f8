"""Wording that deters people with records is found however it is written: case, spacing, line
breaks, HTML, hyphens, articles, singular or plural; and the seeded list covers background checks,
felonies and convictions. Flagged in the employer's job form and again at review."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from jobs.wording import find_deterring_phrases
from taxonomy.models import DeterringPhrase
from tests.employers.factories import PendingJobFactory, owner_of
from tests.jobs.test_job_area import posting
from tests.portal.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db


def flagged(text):
    return [phrase.phrase for phrase in find_deterring_phrases(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Applicants need a clean background check.", "clean background check"),
        ("Must have a CLEAN  BACKGROUND\nCHECK", "clean background check"),
        ("<p>a clean <strong>background-check</strong> is needed</p>", "clean background check"),
        ("Clean&nbsp;background checks for all staff", "clean background check"),
        ("No felonies.", "no felonies"),
        ("no felony", "no felonies"),
        ("NO-FELONIES please", "no felonies"),
        ("Candidates must pass a criminal background check.", "must pass a criminal background check"),
        ("must pass criminal background checks", "must pass a criminal background check"),
        ("You must pass a criminal-background check", "must pass a criminal background check"),
        ("must pass a criminal record check", "must pass a criminal record check"),
        ("must pass a criminal records check", "must pass a criminal records check"),
        ("No convictions.", "no convictions"),
        ("no conviction of any kind", "no convictions"),
        ("<li>No\n   criminal\tconvictions</li>", "no criminal convictions"),
        ("Felony-free applicants only", "felony free"),
        ("a clean DBS is essential", "clean DBS"),
    ],
)
def test_common_variants_are_flagged(text, phrase):
    assert phrase in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "We welcome people with convictions.",
        "We assess any criminal record individually.",
        "Keep the kitchen clean. Background in catering helps.",
        "Economy of movement; no felonyish jokes",  # whole words only
    ],
)
def test_fair_wording_is_not_flagged(text):
    assert flagged(text) == []


def test_a_phrase_does_not_span_two_fields():
    assert find_deterring_phrases("Role needs a clean", "Background check on offer") == []


def test_staff_edits_are_kept_and_new_phrases_seeded():
    # The migration seeds the new phrases with a suggestion each.
    for phrase in ("clean background check", "no felonies", "must pass a criminal background check"):
        assert DeterringPhrase.objects.get(phrase=phrase).suggestion


def test_flagged_in_the_employer_form(client):
    user, _employer = owner_of()
    client.force_login(user)
    response = client.post(
        "/employer/jobs/new/",
        {
            **posting(description="<p>All staff must pass a <em>criminal  background-check</em>.</p>"),
            "check": "1",
        },
    )
    warning = BeautifulSoup(response.content, "html.parser").select_one("[data-flag=deterring-wording]")
    assert warning.select_one("[data-phrase='must pass a criminal background check']")


def test_flagged_at_review(client):
    moderator = with_totp(UserFactory())  # the admin asks staff for a second factor
    moderator.groups.add(Group.objects.get(name="Campaign moderators"))
    job = PendingJobFactory(description="<p>No Felonies. Clean background\ncheck required.</p>")
    client.force_login(moderator)
    soup = BeautifulSoup(client.get(reverse("jobs_admin:inspect", args=[job.pk])).content, "html.parser")
    flags = soup.find(id="job-flags-heading").find_parent("section").get_text(" ", strip=True)
    assert "“no felonies”" in flags and "“clean background check”" in flags
