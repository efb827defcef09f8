"""Dates follow the visitor's language: a French reader sees "20 mai", an Arabic one "20 مايو"; the
English pages keep the dates they have always shown."""

import datetime
import re
from html import unescape

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from portal.languages import localise_path
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def job():
    closing = datetime.date(timezone.localdate().year + 1, 5, 20)
    return JobListingFactory(title="Site labourer", closing_date=closing)


def text_of(response):
    assert response.status_code == 200
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_the_french_job_page_gives_the_closing_date_in_french(client, job):
    text = text_of(client.get(localise_path(job.get_absolute_url(), "fr")))
    assert f"20 mai {job.closing_date.year}" in text
    assert f"20 May {job.closing_date.year}" not in text


def test_the_arabic_job_page_gives_the_closing_date_in_arabic(client, job):
    text = text_of(client.get(localise_path(job.get_absolute_url(), "ar")))
    assert f"20 مايو، {job.closing_date.year}" in text
    assert f"20 May {job.closing_date.year}" not in text


def test_the_spanish_job_page_gives_the_closing_date_in_spanish(client, job):
    text = text_of(client.get(localise_path(job.get_absolute_url(), "es")))
    assert f"20 de mayo de {job.closing_date.year}" in text


def test_the_english_job_page_keeps_its_dates(client, job):
    text = text_of(client.get(job.get_absolute_url()))
    assert f"20 May {job.closing_date.year}" in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-gb", "20 May 2031, 14:05"),
        ("fr", "20 mai 2031 14:05"),
        ("ar", "20 مايو، 2031، 2:05 م"),
    ],
)
def test_a_date_with_its_time_follows_the_language(language, expected):
    # Django's Arabic formats have none for a date with a time: without the portal's, an Arabic
    # page would fall back to the American "May 20, 2031, 2:05 p.m.".
    moment = datetime.datetime(2031, 5, 20, 14, 5)
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == expected
