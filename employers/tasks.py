"""Background tasks of the hiring pledge: renewal reminders and progress requests (run daily)."""

import logging

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from employers.emails import owner_addresses, send_event_email
from employers.models import Employer, HiringPledge
from portal.addresses import absolute_url

logger = logging.getLogger(__name__)


def _not_superseded(queryset, now):
    """Leave out a pledge whose organisation already signed a newer one (a renewal) that is active."""
    newer = HiringPledge.objects.active(now).filter(
        employer=OuterRef("employer"), signed_at__gt=OuterRef("signed_at")
    )
    return (
        queryset.filter(employer__status=Employer.Status.VERIFIED)
        .exclude(Exists(newer))
        .select_related("employer")
        .order_by("pk")
    )


def _claim(pledge, field, previous, now):
    """Mark the pledge as reminded, unless another worker got there first; True when we did."""
    return bool(HiringPledge.objects.filter(pk=pledge.pk, **{field: previous}).update(**{field: now}))


def _send_once(pledge, field, event, context, now):
    previous = getattr(pledge, field)
    if not _claim(pledge, field, previous, now):
        return False
    try:
        send_event_email(event, owner_addresses(pledge.employer), context)
    except Exception:
        # Undo the mark so that tomorrow's run tries again, and carry on with the others.
        HiringPledge.objects.filter(pk=pledge.pk, **{field: now}).update(**{field: previous})
        logger.exception("Could not send %s for pledge %s", event, pledge.reference)
        return False
    return True


@task()
def send_renewal_reminders():
    """E-mail the owners of pledges expiring within 30 days, once per pledge. Returns how many."""
    now = timezone.now()
    renew_url = absolute_url(reverse("employers:sign_pledge"))
    progress_url = absolute_url(reverse("employers:pledge_progress"))
    sent = 0
    for pledge in _not_superseded(HiringPledge.objects.due_for_renewal_reminder(now), now):
        context = {
            "pledge": pledge,
            "employer": pledge.employer,
            "renew_url": renew_url,
            "progress_url": progress_url,
        }
        sent += _send_once(pledge, "renewal_reminder_sent_at", "pledge_renewal_reminder", context, now)
    return sent


@task()
def request_progress_reports():
    """E-mail the owners of pledges due a progress report (every 6 months). Returns how many."""
    now = timezone.now()
    progress_url = absolute_url(reverse("employers:pledge_progress"))
    sent = 0
    due = HiringPledge.objects.due_for_progress_request(now).prefetch_related("commitments__commitment")
    for pledge in _not_superseded(due, now):
        context = {
            "pledge": pledge,
            "employer": pledge.employer,
            "commitments": list(pledge.commitments.all()),
            "progress_url": progress_url,
        }
        sent += _send_once(pledge, "progress_requested_at", "pledge_progress_request", context, now)
    return sent
