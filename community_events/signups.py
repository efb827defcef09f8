"""Places at an event: asking for one, confirming it, cancelling it, moving the waiting list up.

Every change that depends on how many places are taken runs inside one transaction holding the
event's sign-up sheet row (SELECT ... FOR UPDATE on PostgreSQL; SQLite writes one at a time), so
two people confirming the last place at once never both get it. The e-mails are collected inside
and queued once the transaction is over, never for a change that was rolled back.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Attendee, SignUpSheet
from .tasks import send_attendee_email


class SignUp:
    """What became of a request for a place: the attendee, and whether it was already there."""

    def __init__(self, attendee, already):
        self.attendee = attendee
        self.already = already


def _send(notices):
    for attendee, template in notices:
        send_attendee_email.enqueue(attendee.pk, template)


def _lock(sheet):
    return SignUpSheet.objects.select_for_update().get(pk=sheet.pk)


def _free_places(sheet):
    capacity = sheet.event.capacity
    if capacity is None:
        return None
    return max(0, capacity - sheet.attendees.confirmed().count())


def _place_or_queue(sheet, attendee, now):
    """Give a place when one is free, else a place on the waiting list (the sheet is locked)."""
    free = _free_places(sheet)
    if free is None or free > 0:
        attendee.status = Attendee.Status.CONFIRMED
        attendee.confirmed_at = now
    else:
        attendee.status = Attendee.Status.WAITING
        attendee.queued_at = now
    attendee.cancelled_at = None
    attendee.save(update_fields=["status", "confirmed_at", "queued_at", "cancelled_at"])
    return attendee.status


def ask_for_place(event, *, email, name, accessibility_needs="", language=""):
    """A visitor without an account asks for a place: a pending attendee, confirmed by e-mail.

    A second request with the same address never makes a second place: the first one is kept
    as it is (anyone may post anyone's address) and its owner is told by e-mail."""
    sheet = SignUpSheet.for_event(event)
    attendee = sheet.attendees.filter(email=email).first()
    if attendee is None:
        try:
            with transaction.atomic():
                attendee = Attendee.objects.create(
                    sheet=sheet,
                    email=email,
                    name=name,
                    accessibility_needs=accessibility_needs,
                    language=language,
                )
        except IntegrityError:  # the same address sent twice at once
            return SignUp(sheet.attendees.get(email=email), already=True)
        if attendee.claim_confirmation_email():
            send_attendee_email.enqueue(attendee.pk, "confirm_sign_up")
        return SignUp(attendee, already=False)
    if attendee.status == Attendee.Status.CANCELLED:
        # Someone who cancelled may ask again; the link confirms the place afresh.
        Attendee.objects.filter(pk=attendee.pk, status=Attendee.Status.CANCELLED).update(
            status=Attendee.Status.PENDING
        )
        attendee.refresh_from_db()
    if attendee.claim_confirmation_email():
        template = "confirm_sign_up" if attendee.status == Attendee.Status.PENDING else "already_signed_up"
        send_attendee_email.enqueue(attendee.pk, template)
    return SignUp(attendee, already=True)


def confirm(attendee):
    """Follow the e-mailed link: a place, or a place on the waiting list when the event is full.
    Only a pending attendee changes; returns the status (the same for a link followed twice)."""
    with transaction.atomic():
        sheet = _lock(attendee.sheet)
        attendee = Attendee.objects.select_for_update().get(pk=attendee.pk)
        if attendee.status != Attendee.Status.PENDING:
            return attendee.status
        status = _place_or_queue(sheet, attendee, timezone.now())
    _send([(attendee, "place_confirmed" if status == Attendee.Status.CONFIRMED else "waiting")])
    return status


def join(event, user, accessibility_needs=""):
    """A signed-in person with a verified address takes a place in one click."""
    sheet = SignUpSheet.for_event(event)
    with transaction.atomic():
        sheet = _lock(sheet)
        attendee = sheet.attendees.filter(email=user.email.lower()).first()
        if attendee is not None and attendee.status in (Attendee.Status.CONFIRMED, Attendee.Status.WAITING):
            return SignUp(attendee, already=True)
        if attendee is None:
            attendee = Attendee.objects.create(
                sheet=sheet,
                email=user.email.lower(),
                name=user.get_full_name() or user.email.split("@")[0],
                user=user,
                accessibility_needs=accessibility_needs,
                language=getattr(user, "language", "") or "",
            )
        status = _place_or_queue(sheet, attendee, timezone.now())
    _send([(attendee, "place_confirmed" if status == Attendee.Status.CONFIRMED else "waiting")])
    return SignUp(attendee, already=False)


def cancel(attendee):
    """Give the place up (from the link in every e-mail). A freed place goes to the first person
    waiting, who is told. Returns the people moved up; cancelling twice changes nothing."""
    with transaction.atomic():
        sheet = _lock(attendee.sheet)
        attendee = Attendee.objects.select_for_update().get(pk=attendee.pk)
        if attendee.status == Attendee.Status.CANCELLED:
            return []
        held_a_place = attendee.status == Attendee.Status.CONFIRMED
        attendee.status = Attendee.Status.CANCELLED
        attendee.cancelled_at = timezone.now()
        attendee.save(update_fields=["status", "cancelled_at"])
        moved_up = _fill_free_places(sheet) if held_a_place else []
    _send([(attendee, "cancelled_by_you")] + [(person, "moved_up") for person in moved_up])
    return moved_up


def _fill_free_places(sheet):
    """Move people up from the waiting list into free places, first come first served (with the
    sheet locked: inside `cancel`, or after staff raised the capacity); the caller tells them."""
    if sheet.event.is_past or sheet.event.cancelled:
        return []
    free = _free_places(sheet)
    waiting = sheet.attendees.waiting()
    if free is not None:
        waiting = waiting[:free]
    moved_up = list(waiting)
    now = timezone.now()
    for attendee in moved_up:
        attendee.status = Attendee.Status.CONFIRMED
        attendee.confirmed_at = now
        attendee.save(update_fields=["status", "confirmed_at"])
    return moved_up


def capacity_changed(sheet):
    """Staff published the event with more places: the first people waiting move up, told."""
    with transaction.atomic():
        moved_up = _fill_free_places(_lock(sheet))
    _send([(person, "moved_up") for person in moved_up])
    return moved_up


def record_presence(attendee_ids, sheet, presence):
    """Staff mark who came after the event (attended / did not come), confirmed attendees only."""
    return sheet.attendees.confirmed().filter(pk__in=attendee_ids).update(presence=presence)
