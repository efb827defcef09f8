"""Reminders of incentive scheme deadlines: owners are e-mailed 7 days and 1 day before each (run daily)."""

import datetime
import logging

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from employers.emails import owner_addresses
from incentives.emails import send_event_email
from incentives.models import IncentiveDeadline
from portal.addresses import absolute_url

logger = logging.getLogger(__name__)

WEEK, DAY = 7, 1


def _send_once(deadline, field, days_left, now):
    """Mark the deadline as reminded (unless another run got there first), then send; True when sent."""
    if not IncentiveDeadline.objects.filter(pk=deadline.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    ):
        return False
    result = deadline.result
    context = {
        "deadline": deadline,
        "employer": result.employer,
        "days_left": days_left,
        "result_url": absolute_url(reverse("employers:incentive_result", args=[result.pk])),
    }
    try:
        send_event_email("incentive_deadline", owner_addresses(result.employer), context)
    except Exception:
        IncentiveDeadline.objects.filter(pk=deadline.pk).update(**{field: None})
        logger.exception("Could not send the reminder for incentive deadline %s", deadline.pk)
        return False
    return True


@task()
def send_incentive_deadline_reminders():
    """E-mail owners about deadlines 7 days and 1 day away, once each. Returns how many were sent."""
    now = timezone.now()
    today = timezone.localdate(now)
    sent = 0
    upcoming = (
        IncentiveDeadline.objects.filter(due_on__gte=today, due_on__lte=today + datetime.timedelta(days=WEEK))
        .filter(result__hire__isnull=False)
        .select_related("result__employer")
        .order_by("due_on", "pk")
    )
    for deadline in upcoming:
        days_left = (deadline.due_on - today).days
        if days_left <= DAY:
            if deadline.final_reminder_sent_at is None:
                sent += _send_once(deadline, "final_reminder_sent_at", days_left, now)
                # The week's reminder would say nothing new now.
                IncentiveDeadline.objects.filter(pk=deadline.pk, reminder_sent_at__isnull=True).update(
                    reminder_sent_at=now
                )
        elif deadline.reminder_sent_at is None:
            sent += _send_once(deadline, "reminder_sent_at", days_left, now)
    return sent
