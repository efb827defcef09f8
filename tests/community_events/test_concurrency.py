"""Places stay within capacity when many people confirm or cancel at the same moment
(SELECT ... FOR UPDATE on the event's sign-up sheet). Real threads, real PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from community_events import signups
from community_events.models import Attendee
from tests.community_events.factories import (
    AttendeeFactory,
    EventIndexPageFactory,
    EventPageFactory,
    PendingAttendeeFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def run_together(count, action):
    barrier, errors = threading.Barrier(count), []

    def work(index):
        try:
            barrier.wait()
            action(index)
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def test_eight_people_confirming_three_places_at_once(home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), capacity=3)
    people = PendingAttendeeFactory.create_batch(8, event=event)
    run_together(8, lambda index: signups.confirm(Attendee.objects.get(pk=people[index].pk)))
    assert Attendee.objects.confirmed().count() == 3
    waiting = list(Attendee.objects.waiting())
    assert len(waiting) == 5
    assert [person.waiting_position() for person in waiting] == [1, 2, 3, 4, 5]


def test_cancellations_at_once_move_up_exactly_as_many_people(home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), capacity=4)
    holders = AttendeeFactory.create_batch(4, event=event)
    for _ in range(6):
        signups.confirm(PendingAttendeeFactory(event=event))
    run_together(3, lambda index: signups.cancel(Attendee.objects.get(pk=holders[index].pk)))
    assert Attendee.objects.confirmed().count() == 4
    assert Attendee.objects.waiting().count() == 3
