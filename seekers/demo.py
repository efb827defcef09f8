"""Demo job seekers: a few profiles (some findable by employers), and the login seeker@example.org,
a findable seeker whose skills are those the demo jobs ask for most (so matched jobs appear),
with work history, a confirmed link to the first demo provider, an introduction from the demo
employer waiting for an answer and one accepted.

Every person here is made up: e-mail addresses end in example.invalid (the demo login's aside).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from employers.models import Membership
from jobs.models import JobListing
from partners.demo import FIRST_PROVIDER, SECOND_PROVIDER
from partners.models import ProgrammeProvider
from seekers.models import JobSeeker, ProviderLink, SeekerIntroduction, WorkHistoryEntry
from taxonomy.models import Skill

ROLES = {"seeker@example.org": "findable job seeker with matched jobs, introductions and a provider link"}

# (first name, regions, remote, hours, languages, findable, status)
SEEKERS = [
    ("Ade", ["GB-MAN"], False, 37, ["en"], True, JobSeeker.Status.SEEKING),
    ("Bea", ["GB-LDS", "GB-BIR"], True, 24, ["en", "pl"], True, JobSeeker.Status.SEEKING),
    ("Cal", [], True, None, ["en", "ar"], False, JobSeeker.Status.SEEKING),
    ("Dee", ["GB-GLG"], False, 16, ["en"], True, JobSeeker.Status.PLACED),
]


def _popular_skills(count):
    """The skills the published demo jobs ask for most: a demo seeker holding them sees matches."""
    published = Q(job_links__job__status=JobListing.Status.PUBLISHED)
    return list(
        Skill.objects.annotate(asked=Count("job_links", filter=published))
        .filter(asked__gt=0)
        .order_by("-asked", "pk")[:count]
    )


def _history(seeker, role, employer_name, years_ago, years):
    today = timezone.localdate()
    started = today.replace(day=1) - datetime.timedelta(days=365 * years_ago)
    WorkHistoryEntry.objects.create(
        seeker=seeker,
        role=role,
        employer_name=employer_name,
        started_on=started,
        ended_on=started + datetime.timedelta(days=365 * years),
    )


def load(site):
    """Create the demo seekers once (after the demo jobs, providers and employers)."""
    if JobSeeker.objects.exists():
        return
    User = get_user_model()
    skills = _popular_skills(8)
    for number, (name, regions, remote, hours, languages, findable, status) in enumerate(SEEKERS):
        user = User.objects.create(email=f"{name.lower()}@seekers.example.invalid", first_name=name)
        user.set_unusable_password()
        user.save()
        seeker = JobSeeker.objects.create(
            user=user,
            preferred_regions=regions,
            wants_remote=remote,
            hours_per_week=hours,
            languages=languages,
            findable=findable,
            status=status,
            personal_statement="I learn fast and I turn up on time. (demo)",
        )
        seeker.skills.set(skills[number : number + 3])
        _history(seeker, "Warehouse operative", "A demo warehouse", 6, 2)

    user = site.users.get("seeker@example.org")
    if user is None:
        return
    seeker = JobSeeker.objects.create(
        user=user,
        findable=True,
        hours_per_week=37,
        languages=["en", "fr"],
        wants_remote=True,
        preferred_employment_types=["full-time", "part-time"],
        available_from=timezone.localdate() + datetime.timedelta(days=7),
        personal_statement=(
            "I trained as a cook and kept a kitchen running for two years. I am reliable and I like "
            "working in a team. (demo)"
        ),
    )
    seeker.skills.set(skills[:5])
    _history(seeker, "Kitchen porter", "The Corner Café (demo)", 8, 3)
    _history(seeker, "Line cook", "Harbour Kitchen (demo)", 4, 2)

    first = ProgrammeProvider.objects.filter(name=FIRST_PROVIDER).first()
    second = ProgrammeProvider.objects.filter(name=SECOND_PROVIDER).first()
    coordinator = site.users.get("partner@example.org")
    if first is not None:
        link = ProviderLink.objects.create(seeker=seeker, provider=first)
        link.confirm(coordinator)
    if second is not None:
        ProviderLink.objects.create(seeker=JobSeeker.objects.exclude(pk=seeker.pk).first(), provider=second)

    owner = site.users.get("employer@example.org")
    membership = Membership.objects.filter(user=owner).select_related("employer").first() if owner else None
    if membership is None:
        return
    jobs = list(JobListing.objects.published().filter(employer=membership.employer).order_by("pk")[:2])
    if jobs:
        accepted = SeekerIntroduction.objects.create(
            job=jobs[0], seeker=seeker, requested_by=owner, message="We liked your profile. (demo)"
        )
        accepted.accept()
    if len(jobs) > 1:
        SeekerIntroduction.objects.create(
            job=jobs[1],
            seeker=seeker,
            requested_by=owner,
            message="Would you like to talk about this job? (demo)",
        )


def counts():
    return [f"{JobSeeker.objects.count()} job seekers"]
