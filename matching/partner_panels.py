"""What matching shows in the partner area (registered with partners.panels): the introductions
waiting for the provider's answer on the dashboard, and a graduate's ranked jobs with their
explanations and introductions on the graduate's page."""

import math

from django.utils import timezone

from matching import scoring
from matching.models import INTRODUCTION_TTL, Introduction


def provider_introductions(request):
    return Introduction.objects.filter(graduate__provider=request.provider).select_related(
        "job__employer", "graduate"
    )


def days_left(introduction, now):
    return max(0, math.ceil((introduction.expires_at - now).total_seconds() / 86400))


def dashboard_introductions(request):
    now = timezone.now()
    waiting = provider_introductions(request).open().order_by("requested_at")
    return {
        "waiting": [(intro, days_left(intro, now)) for intro in waiting],
        "ttl_days": INTRODUCTION_TTL.days,
    }


def graduate_matches(request, graduate):
    if graduate.is_erased:
        return {}
    introductions = list(graduate.introductions.select_related("job__employer").order_by("-requested_at"))
    return {
        # [(match, sentences)]: the graduate's ranked jobs with their explanations
        "matches": [(match, match.explanation()) for match in scoring.jobs_for_graduate(graduate)],
        "introduced_job_ids": {
            i.job_id
            for i in introductions
            if i.status in (Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED)
        },
        "introductions": introductions,
    }
