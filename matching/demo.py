"""Demo hires (about 10 graduates placed, retention answered for the checks already due) and
introductions in each state, over the demo's graduates and jobs."""

import datetime
import random

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from employers.models import Employer
from jobs.models import JobListing
from matching.models import Hire, Introduction, RetentionCheck
from partners.demo import FIRST_PROVIDER
from partners.models import Graduate, PersonalDataAccess

PLACED_EVERY = 20  # graduates 9, 29, ...: placed, with a hire (10 of them)


def load(site):
    """Create the demo hires and introductions once."""
    if Hire.objects.exists() or Introduction.objects.exists():
        return
    rng = random.Random(2028)  # nosec B311 # reproducible demo data, not a secret
    graduates = list(Graduate.objects.select_related("provider").order_by("pk"))
    coordinator = site.users.get("partner@example.org")
    _hires(rng, graduates, coordinator, timezone.localdate())
    _introductions(rng, graduates, site.users, coordinator, timezone.now())


def _hires(rng, graduates, coordinator, today):
    """About 10 graduates placed; retention answered for the checks already due."""
    jobs = list(JobListing.objects.published().select_related("employer").order_by("pk")[:40])
    if not jobs:
        return
    answers = [RetentionCheck.Answer.EMPLOYED] * 6 + [
        RetentionCheck.Answer.LEFT,
        RetentionCheck.Answer.UNKNOWN,
    ]
    for number, graduate in enumerate(graduates):
        if number % PLACED_EVERY != 9:
            continue
        job = rng.choice(jobs)
        # The receiver in matching.outcomes places the graduate and schedules the checks.
        hire = Hire.objects.create(
            graduate=graduate,
            job=job,
            employer=job.employer,
            start_date=today - relativedelta(months=rng.randint(1, 14)),
            recorded_by=coordinator if graduate.provider.name == FIRST_PROVIDER else None,
        )
        for check in hire.retention_checks.filter(due_on__lt=today).order_by("months"):
            answer = rng.choice(answers)
            asked = timezone.make_aware(datetime.datetime.combine(check.due_on, datetime.time(9)))
            RetentionCheck.objects.filter(pk=check.pk).update(
                sent_at=asked, answer=answer, answered_at=asked + datetime.timedelta(days=rng.randint(0, 5))
            )
            if answer == RetentionCheck.Answer.LEFT:
                break  # nobody is asked again after leaving


def _introductions(rng, graduates, users, coordinator, now):
    """Introductions in each state for Northern Bricks & Mortar's published jobs."""
    employer = Employer.objects.filter(name="Northern Bricks & Mortar").first()
    if employer is None:
        return
    requester = users.get("recruiter@example.org") or users.get("employer@example.org")
    jobs = list(JobListing.objects.published().filter(employer=employer).order_by("pk"))
    if not jobs:
        # The demo job mix leaves this employer with drafts only: publish three of them.
        for job in JobListing.objects.filter(employer=employer, status=JobListing.Status.DRAFT).order_by(
            "pk"
        )[:3]:
            job.submit(by=requester)
            job.approve(by=users.get("moderator@example.org"))
            jobs.append(job)
    if not jobs:
        return
    seeking = [
        g
        for g in Graduate.objects.matchable()
        .filter(pk__in=[g.pk for g in graduates])
        .select_related("provider")
        .order_by("pk")
        if g.provider.name == FIRST_PROVIDER
    ]
    Status = Introduction.Status
    plan = [
        (Status.REQUESTED, 2),
        (Status.REQUESTED, 6),
        (Status.ACCEPTED, 9),
        (Status.ACCEPTED, 12),
        (Status.DECLINED, 8),
        (Status.EXPIRED, 20),
    ]
    for number, (status, days_ago) in enumerate(plan):
        if number >= len(seeking):
            break
        graduate = seeking[number]
        requested_at = now - datetime.timedelta(days=days_ago, hours=rng.randint(0, 8))
        answered_at = None
        if status == Status.EXPIRED:
            answered_at = requested_at + datetime.timedelta(days=14)
        elif status != Status.REQUESTED:
            answered_at = requested_at + datetime.timedelta(days=rng.randint(1, 4))
        released = ""
        if status == Status.ACCEPTED:
            data = graduate.personal_data
            released = f"{data.full_name.split(' (')[0]}, {data.phone}"
        Introduction.objects.create(
            job=jobs[number % len(jobs)],
            graduate=graduate,
            requested_by=requester,
            message="We liked the skills on this profile. Could we meet for an informal chat on site?",
            status=status,
            requested_at=requested_at,
            answered_at=answered_at,
            answered_by=coordinator if status in (Status.ACCEPTED, Status.DECLINED) else None,
            released_contact=released,
        )
        if status == Status.ACCEPTED:
            access = PersonalDataAccess.objects.create(
                graduate=graduate,
                user=coordinator,
                action=PersonalDataAccess.Action.RELEASE,
            )
            PersonalDataAccess.objects.filter(pk=access.pk).update(at=answered_at)
