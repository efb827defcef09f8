"""Demo applications: the demo job seekers' applications in several states (sent, viewed,
shortlisted, interview, not this time, hired, with its hire and retention checks), and one in
progress for seeker@example.org (shortlisted for a job of the demo employer).

Built directly, with the steps each would have taken, rather than through the transitions: the
demo sends no e-mail. Every person here is made up (seekers' demo).
"""

import datetime

from django.utils import timezone

from applications.models import Application, ApplicationStep, RejectionReason
from employers.models import Membership
from jobs.models import ApplyMethod, JobListing
from matching.models import Hire
from seekers.models import JobSeeker

# The steps from "sent" to each demo state.
STEPS = {
    Application.Status.SENT: [],
    Application.Status.VIEWED: [Application.Status.VIEWED],
    Application.Status.SHORTLISTED: [Application.Status.VIEWED, Application.Status.SHORTLISTED],
    Application.Status.INTERVIEW: [
        Application.Status.VIEWED,
        Application.Status.SHORTLISTED,
        Application.Status.INTERVIEW,
    ],
    Application.Status.NOT_THIS_TIME: [Application.Status.VIEWED, Application.Status.NOT_THIS_TIME],
    Application.Status.HIRED: [
        Application.Status.VIEWED,
        Application.Status.INTERVIEW,
        Application.Status.OFFER,
        Application.Status.HIRED,
    ],
}
# Demo seekers (by first name, seekers/demo.py) and the state of their application.
OTHERS = [
    ("Ade", Application.Status.INTERVIEW),
    ("Bea", Application.Status.SENT),
    ("Cal", Application.Status.NOT_THIS_TIME),
    ("Dee", Application.Status.HIRED),
    ("Bea", Application.Status.VIEWED),
]


def _portal_jobs():
    return list(
        JobListing.objects.published()
        .filter(apply_method=ApplyMethod.PORTAL)
        .select_related("employer")
        .order_by("pk")
    )


def _apply(seeker, job, status, days_ago, note, by=None):
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    application = Application.objects.create(
        job=job,
        seeker=seeker,
        shares_profile=True,
        shares_cv=seeker.has_cv,
        cover_note=note,
        record_check_stage=job.employer.record_check_stage,
        status=status,
        sent_at=sent,
        updated_at=sent,
    )
    ApplicationStep.objects.create(application=application, status=Application.Status.SENT, at=sent)
    for number, step in enumerate(STEPS[status], start=1):
        at = sent + datetime.timedelta(days=number)
        ApplicationStep.objects.create(application=application, status=step, at=at, by=by)
        application.updated_at = at
        if step == Application.Status.VIEWED:
            application.viewed_at = at
    if status == Application.Status.INTERVIEW:
        application.interview_at = timezone.now() + datetime.timedelta(days=4)
        application.interview_place = "The demo kitchen, 1 Example Street (ask for Sam)"
    if status == Application.Status.NOT_THIS_TIME:
        application.rejection_reason = RejectionReason.EXPERIENCE
    application.save()
    if status == Application.Status.HIRED:
        Hire.objects.create(
            application=application,
            job=job,
            employer=job.employer,
            start_date=timezone.localdate(application.updated_at),
            hours_per_week=30,
            recorded_by=by,
        )
    return application


def _demo_employer_job(membership, own_jobs):
    """A job of the demo employer that takes applications through the portal: past the first two
    (the seekers' demo introduces the demo login to those) when it can; one of its published jobs
    is switched to the portal if none is (the demo jobs draw their apply method at random)."""
    if membership is None:
        return None
    published = list(JobListing.objects.published().filter(employer=membership.employer).order_by("pk"))
    later = [job for job in own_jobs if job not in published[:2]]
    if later or own_jobs:
        return (later or own_jobs)[0]
    if not published:
        return None
    job = (published[2:] or published)[0]
    JobListing.objects.filter(pk=job.pk).update(apply_method=ApplyMethod.PORTAL, apply_url="", apply_email="")
    job.apply_method = ApplyMethod.PORTAL
    return job


def load(site):
    """Create the demo applications once (after the demo jobs and job seekers)."""
    if Application.objects.exists():
        return
    jobs = _portal_jobs()
    if not jobs:
        return
    owner = site.users.get("employer@example.org")
    membership = Membership.objects.filter(user=owner).select_related("employer").first() if owner else None
    own_jobs = [job for job in jobs if membership and job.employer_id == membership.employer_id]
    seekers = {
        seeker.user.first_name: seeker
        for seeker in JobSeeker.objects.active()
        .filter(user__email__endswith="@seekers.example.invalid")
        .select_related("user")
    }
    for number, (name, status) in enumerate(OTHERS):
        seeker = seekers.get(name)
        if seeker is None:
            continue
        job = jobs[(number * 3) % len(jobs)]
        if Application.objects.filter(job=job, seeker=seeker).exists():
            continue
        _apply(seeker, job, status, 20 - number * 3, "I would love to work with you. (demo)", by=owner)
    demo_seeker = JobSeeker.objects.active().filter(user__email="seeker@example.org").first()
    if demo_seeker is None:
        return
    job = _demo_employer_job(membership, own_jobs) or jobs[0]
    _apply(
        demo_seeker,
        job,
        Application.Status.SHORTLISTED,
        5,
        "I kept a busy kitchen running for two years and I would like to bring that to your team. (demo)",
        by=owner,
    )


def counts():
    return [f"{Application.objects.count()} applications"]
