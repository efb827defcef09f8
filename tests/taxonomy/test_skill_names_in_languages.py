"""A skill is one row (matching and search use its English name) shown in the reader's language:
French readers see the French name staff gave it, and the English one where there is none."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from jobs.models import JobSkill
from portal.languages import localise_path
from taxonomy.models import Skill
from taxonomy.widgets import SkillsField
from tests.jobs.factories import JobListingFactory
from tests.portal.factories import with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_to_start_with():
    # A request leaves its language active in the thread; addresses are taken in English.
    with translation.override("en-gb"):
        yield


@pytest.fixture
def job():
    job = JobListingFactory(title="Site labourer")
    bricklaying, _ = Skill.objects.update_or_create(
        name="Bricklaying",
        defaults={"name_fr": "Maçonnerie", "name_es": "Albañilería", "name_ar": "البناء بالطوب"},
    )
    untranslated = Skill.objects.create(name="Lime mortar pointing")
    JobSkill.objects.create(job=job, skill=bricklaying, required=True)
    JobSkill.objects.create(job=job, skill=untranslated, required=False)
    return job


def skill_lists(response):
    assert response.status_code == 200
    html = response.content.decode()
    return {
        kind: [unescape(item) for item in re.findall(r"<li>([^<]*)</li>", block)]
        for kind, block in re.findall(r'<ul data-skills="(\w+)">(.*?)</ul>', html, re.S)
    }


def test_the_french_job_page_names_the_skill_in_french(client, job):
    lists = skill_lists(client.get(localise_path(job.get_absolute_url(), "fr")))
    assert lists["required"] == ["Maçonnerie"]


def test_the_arabic_job_page_names_the_skill_in_arabic(client, job):
    lists = skill_lists(client.get(localise_path(job.get_absolute_url(), "ar")))
    assert lists["required"] == ["البناء بالطوب"]


def test_a_skill_without_a_french_name_shows_its_english_name(client, job):
    lists = skill_lists(client.get(localise_path(job.get_absolute_url(), "fr")))
    assert lists["preferred"] == ["Lime mortar pointing"]


def test_the_english_job_page_keeps_the_english_names(client, job):
    lists = skill_lists(client.get(job.get_absolute_url()))
    assert lists == {"required": ["Bricklaying"], "preferred": ["Lime mortar pointing"]}


def test_the_skill_pickers_options_are_in_the_readers_language(job):
    field = SkillsField("Skills", "")
    bricklaying = Skill.objects.get(name="Bricklaying")
    with translation.override("fr"):
        options = {str(value): label for value, label in field.choices}
    assert options[str(bricklaying.pk)] == "Maçonnerie"
    with translation.override("en-gb"):
        options = {str(value): label for value, label in field.choices}
    assert options[str(bricklaying.pk)] == "Bricklaying"


def test_the_reference_skills_have_names_in_every_language():
    # Filled from taxonomy/data/skills.csv by the migrations.
    bricklaying = Skill.objects.get(name="Bricklaying")
    assert (bricklaying.name_fr, bricklaying.name_es, bricklaying.name_ar) == (
        "Maçonnerie",
        "Albañilería",
        "البناء بالطوب",
    )
    assert not Skill.objects.filter(name_fr="").exclude(name="Lime mortar pointing").exists()


def test_staff_give_a_skill_its_french_name_in_the_admin(client, home, job):
    client.force_login(
        with_totp(get_user_model().objects.create_superuser(email="boss@example.org", password="x"))
    )
    skill = Skill.objects.get(name="Lime mortar pointing")
    url = reverse(Skill.snippet_viewset.get_url_name("edit"), args=[skill.pk])
    assert "Name shown in other languages" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": skill.name,
            "name_fr": "Rejointoiement à la chaux",
            "name_es": "",
            "name_ar": "",
            "synonyms": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lists = skill_lists(client.get(localise_path(job.get_absolute_url(), "fr")))
    assert lists["preferred"] == ["Rejointoiement à la chaux"]
    assert Skill.objects.filter(name="Lime mortar pointing").count() == 1  # still one row, matched in English
