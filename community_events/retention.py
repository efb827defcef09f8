"""Retention of attendees' personal data (run by `manage.py enforce_retention`).

A sign-up never confirmed holds no place; after EVENT_UNCONFIRMED_RETENTION_MONTHS (3) it is
deleted with its address. After EVENT_ATTENDEE_RETENTION_MONTHS (12) from the end of an event, its
attendees' names, addresses and needs are erased; their status and attendance stay, so the impact
figures still count them.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat

from portal.retention import rule

from .models import Attendee

ERASED_DOMAIN = "erased.invalid"


@rule
def unconfirmed_sign_ups(now):
    months = getattr(settings, "EVENT_UNCONFIRMED_RETENTION_MONTHS", 3)
    deleted, _ = Attendee.objects.pending().filter(created_at__lt=now - relativedelta(months=months)).delete()
    return f"Event sign-ups: {deleted} unconfirmed for {months} months deleted with their addresses."


@rule
def past_attendees(now):
    months = getattr(settings, "EVENT_ATTENDEE_RETENTION_MONTHS", 12)
    erased = (
        Attendee.objects.filter(sheet__event__end__lt=now - relativedelta(months=months))
        .exclude(email__endswith=f"@{ERASED_DOMAIN}")
        .update(
            # Unique per event: the row's own id keeps the one-address-one-place constraint.
            email=Concat(
                Value("attendee-"),
                Cast(F("pk"), output_field=CharField()),
                Value(f"@{ERASED_DOMAIN}"),
            ),
            name="",
            accessibility_needs="",
            user=None,
        )
    )
    return f"Event attendees: personal data of {erased} erased {months} months after their event."
