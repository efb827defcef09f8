"""Background task of the job board: listings past their closing date expire (run daily)."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from jobs.models import JobListing

logger = logging.getLogger(__name__)


@task()
def expire_past_closing_jobs():
    """Expire every published listing whose closing date has passed. Returns how many expired.

    The rule is JobListing.objects.past_closing(), the same the public board hides them by, so a
    listing is off the board on the day after its closing date whether or not this has run yet.
    Each listing is locked and checked again before it moves, so two workers never expire one
    listing twice; one failing does not stop the others.
    """
    today = timezone.localdate()
    expired = 0
    candidates = list(JobListing.objects.past_closing(today).order_by("pk").values_list("pk", flat=True))
    for pk in candidates:
        try:
            with transaction.atomic():
                job = JobListing.objects.select_for_update().filter(pk=pk).past_closing(today).first()
                if job is None:
                    continue  # closed, renewed or expired meanwhile
                job.expire()
        except Exception:
            logger.exception("Could not expire job listing %s", pk)
            continue
        expired += 1
    return expired
