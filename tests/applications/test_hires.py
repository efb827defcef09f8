"""A hire recorded from an application is the same Hire as an introduction's: retention checks at
3, 6 and 12 months (sent to the employer and the seeker's linked providers, naming the seeker by
reference), incentive deadlines when a saved result is attached, the figures and awards' counts;
and the seeker is placed. The database holds that a hire is of a graduate or an application."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from impact.figures import Period, hire_count, hires_split
from incentives.models import IncentiveDeadline, SavedIncentiveResult
from matching.models import Hire, RetentionCheck
from matching.outcomes import send_due_retention_checks
from seekers.models import JobSeeker
from tests.applications.factories import ApplicationFactory, at_stage
from tests.employers.factories import OwnerFactory
from tests.partners.factories import CoordinatorFactory, GraduateFactory
from tests.seekers.factories import ConfirmedLinkFactory, ProviderLinkFactory


@pytest.fixture
def owner(db):
    return OwnerFactory(user__email="owner@bakery.example").user


@pytest.fixture
def hired(owner):
    application = at_stage(
        ApplicationFactory(job__employer=owner.employer_memberships.get().employer), "offer", by=owner
    )
    start = timezone.localdate() - datetime.timedelta(days=100)
    application.sent_at = timezone.now() - datetime.timedelta(days=120)
    hire = application.record_hire(owner, start, 30)
    return application, hire


def test_a_hire_from_an_application_schedules_retention_checks_and_places_the_seeker(hired):
    application, hire = hired
    assert hire.application == application and hire.graduate is None
    assert hire.employer == application.job.employer and hire.job == application.job
    assert hire.person_reference == application.seeker.reference
    assert sorted(hire.retention_checks.values_list("months", flat=True)) == [3, 6, 12]
    assert JobSeeker.objects.get(pk=application.seeker_id).status == "placed"


def test_a_second_hire_of_the_same_application_is_refused(hired, owner):
    application, _hire = hired
    assert application.record_hire(owner, timezone.localdate(), 30) is None
    assert Hire.objects.count() == 1


def test_the_retention_check_goes_to_the_employer_and_the_linked_provider_by_reference(hired, mailoutbox):
    application, hire = hired
    linked = CoordinatorFactory(user__email="coordinator@linked.example")
    ConfirmedLinkFactory(seeker=application.seeker, provider=linked.provider)
    waiting = CoordinatorFactory(user__email="coordinator@waiting.example")
    ProviderLinkFactory(seeker=application.seeker, provider=waiting.provider)  # not confirmed
    mailoutbox.clear()
    assert send_due_retention_checks() == 1  # the 3-month check is due
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert recipients == {"owner@bakery.example", "coordinator@linked.example"}
    body = mailoutbox[0].body
    assert application.seeker.reference in body
    assert application.seeker.user.email not in body and application.cover_note.split()[0] not in body
    assert RetentionCheck.objects.filter(hire=hire, months=3, sent_at__isnull=False).exists()


def test_the_retention_check_calls_a_hired_seeker_a_job_seeker_not_a_graduate(hired, mailoutbox):
    application, _hire = hired
    mailoutbox.clear()
    assert send_due_retention_checks() == 1
    body = " ".join(mailoutbox[0].body.split())
    assert f"the job seeker {application.seeker.reference} started work at" in body
    assert "graduate" not in body.lower()


def test_attaching_a_saved_incentive_result_schedules_its_deadlines(hired):
    _application, hire = hired
    saved = SavedIncentiveResult.objects.create(
        employer=hire.employer,
        answers={},
        results=[
            {
                "scheme_id": 1,
                "scheme_name": "Hiring bonus",
                "outcome": "eligible",
                "steps": [{"label": "File the claim", "relative_to": "start", "days_offset": 28}],
            }
        ],
        hire=hire,
    )
    [deadline] = saved.schedule_deadlines()
    assert deadline.due_on == hire.start_date + datetime.timedelta(days=28)
    assert IncentiveDeadline.objects.get().label == "File the claim"


def test_hires_from_applications_count_in_the_figures_and_awards(hired):
    _application, hire = hired
    graduate_hire = Hire.objects.create(
        graduate=GraduateFactory(), employer=hire.employer, start_date=timezone.localdate()
    )
    period = Period.last_twelve_months()
    assert hire_count(period) == 2
    assert sum(n for _key, _label, n in hires_split(period, by="gender_responsive")) == 2
    assert sum(n for _key, _label, n in hires_split(period, by="sector")) == 2
    assert Hire.objects.filter(employer=hire.employer).count() == 2
    assert {h.person_reference for h in Hire.objects.all()} == {
        hire.person_reference,
        graduate_hire.graduate.reference,
    }


def test_a_hire_is_of_a_graduate_or_an_application_never_neither_nor_both(hired):
    application, hire = hired
    with pytest.raises(IntegrityError), transaction.atomic():
        Hire.objects.create(employer=hire.employer, start_date=timezone.localdate())
    with pytest.raises(IntegrityError), transaction.atomic():
        Hire.objects.create(
            graduate=GraduateFactory(),
            application=ApplicationFactory(),
            employer=hire.employer,
            start_date=timezone.localdate(),
        )


def test_the_incentive_result_page_offers_the_seeker_hire_to_attach(client, hired, owner):
    _application, hire = hired
    saved = SavedIncentiveResult.objects.create(employer=hire.employer, answers={}, results=[])
    client.force_login(owner)
    response = client.get(f"/employer/incentives/{saved.pk}/")
    assert response.status_code == 200
    assert f'<option value="{hire.pk}"' in response.content.decode()
    assert client.post(f"/employer/incentives/{saved.pk}/attach/", {"hire": hire.pk}).status_code == 302
    saved.refresh_from_db()
    assert saved.hire == hire
