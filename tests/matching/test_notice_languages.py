"""Retention checks go to the employer's owners and the programme's staff, each in their own
language: dates with the language's month names, one-click links under its prefix that work."""

import datetime
import re

import pytest
import time_machine

from matching.models import Hire, RetentionCheck
from matching.outcomes import send_due_retention_checks
from tests.employers.factories import OwnerFactory
from tests.jobs.factories import JobListingFactory
from tests.partners.factories import CoordinatorFactory, GraduateFactory, ProgrammeProviderFactory


@pytest.fixture
def hire(db):
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    CoordinatorFactory(provider=provider, user__email="coordinator@provider.example.org", user__language="es")
    job = JobListingFactory(title="Trainee bricklayer", employer__name="Northern Bricks")
    OwnerFactory(employer=job.employer, user__email="owner@bricks.example.org")
    graduate = GraduateFactory(provider=provider)
    return Hire.objects.create(
        graduate=graduate, job=job, employer=job.employer, start_date=datetime.date(2026, 1, 15)
    )


def test_the_retention_check_reaches_each_recipient_in_their_language(client, hire, mailoutbox):
    with time_machine.travel(datetime.datetime(2026, 4, 15, 9, tzinfo=datetime.UTC)):
        assert send_due_retention_checks() == 1
    by_address = {address: message for message in mailoutbox for address in message.to}
    assert set(by_address) == {"coordinator@provider.example.org", "owner@bricks.example.org"}
    spanish, english = by_address["coordinator@provider.example.org"], by_address["owner@bricks.example.org"]
    assert spanish is not english

    assert spanish.extra_headers["Content-Language"] == "es"
    assert "15 de enero de 2026" in spanish.body  # Django's own Spanish date format
    assert "15 January 2026" in english.body
    spanish_links = re.findall(r"https?://[^/\s]+(/\S*/outcomes/retention/\S+/)", spanish.body)
    english_links = re.findall(r"https?://[^/\s]+(/\S*outcomes/retention/\S+/)", english.body)
    assert len(spanish_links) == 3 and all(link.startswith("/es/") for link in spanish_links)
    assert len(english_links) == 3 and not any(link.startswith("/es/") for link in english_links)

    with time_machine.travel(datetime.datetime(2026, 4, 16, 9, tzinfo=datetime.UTC)):
        page = client.get(spanish_links[0])
        assert page.status_code == 200 and '<html lang="es"' in page.content.decode()
        assert client.post(spanish_links[0]).status_code == 200
    assert hire.retention_checks.get(months=3).answer == RetentionCheck.Answer.EMPLOYED
