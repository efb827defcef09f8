"""When staff publish an event whose time, venue or link changed, or that they cancelled, the
people holding a place (or waiting for one) are told by e-mail and calendars get a higher
SEQUENCE. Only the default language's page decides: its translations share its sheet.
"""

from django.db import transaction
from django.utils import timezone

from . import signups
from .models import EventPage, SignUpSheet
from .tasks import tell_attendees


def event_published(sender, instance, **kwargs):
    event = instance.specific if not isinstance(instance, EventPage) else instance
    if not isinstance(event, EventPage) or event.source_event().pk != event.pk:
        return
    fingerprint = event.schedule_fingerprint()
    template = None
    with transaction.atomic():
        sheet, created = SignUpSheet.objects.select_for_update().get_or_create(
            event=event, defaults={"announced": fingerprint, "told_cancelled": event.cancelled}
        )
        if created:
            return
        if sheet.announced != fingerprint:
            sheet.sequence += 1
            sheet.announced = fingerprint
            sheet.changed_at = timezone.now()
            template = "event_cancelled" if event.cancelled and not sheet.told_cancelled else "event_changed"
            sheet.told_cancelled = event.cancelled
            sheet.save(update_fields=["sequence", "announced", "changed_at", "told_cancelled"])
    if template:
        tell_attendees.enqueue(sheet.pk, template)
    # More places than before: the waiting list moves up.
    signups.capacity_changed(sheet)
