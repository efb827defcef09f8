"""What matching shows on the employer dashboard: the introductions still in play."""

from django.db.models import Exists, OuterRef

from matching.models import Hire, Introduction

OPEN_INTRODUCTIONS_SHOWN = 20


def open_introductions(employer):
    """Introductions for the organisation's jobs still in play: waiting for the programme's answer,
    or accepted and not yet a hire. Newest first; one query."""
    hired = Hire.objects.filter(job=OuterRef("job"), graduate=OuterRef("graduate"))
    return (
        Introduction.objects.filter(
            job__employer=employer,
            status__in=[Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED],
        )
        .exclude(Exists(hired))
        .select_related("job", "graduate")
        .order_by("-requested_at", "-pk")[:OPEN_INTRODUCTIONS_SHOWN]
    )


def dashboard_introductions(employer, pledge):
    return list(open_introductions(employer))
