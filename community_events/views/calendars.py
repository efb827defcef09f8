"""The public calendar files: one event (`<event address>calendar.ics`) and the feeds by kind."""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import serving

from ..calendars import event_calendar, feed_calendar
from ..models import EventKind, EventPage, SignUpSheet, visible_events

# Past events stay in the feeds this long, so that a calendar keeps what happened recently.
FEED_PAST_DAYS = 90
FEED_LIMIT = 500


def _ics(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _sequences(events):
    """{translation key: SEQUENCE} of the events' shared sheets, in one query."""
    keys = {event.translation_key for event in events}
    rows = SignUpSheet.objects.filter(event__translation_key__in=keys).values_list(
        "event__translation_key", "sequence"
    )
    return dict(rows)


def event_ics(request, path):
    """The calendar file of the event page at `path` (no online link: that is for attendees)."""
    found = serving.route(request, path)
    page = found[0] if found else None
    if not isinstance(page, EventPage) or found[1]:
        raise Http404
    if page.get_view_restrictions():
        raise Http404  # a restricted section's event is not offered as a public file
    sequence = _sequences([page]).get(page.translation_key, 0)
    return _ics(event_calendar(page, sequence), f"{page.slug}.ics")


def feed(request, kind=None):
    if kind is not None and kind not in EventKind.values:
        raise Http404
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = visible_events().filter(end__gte=since).order_by("start", "pk")
    if kind is not None:
        events = events.filter(kind=kind)
    events = list(events[:FEED_LIMIT])
    sequences = _sequences(events)
    name = _("Events") if kind is None else EventKind(kind).label
    body = feed_calendar(
        f"{_('Second Chance Portal')}: {name}",
        events,
        [sequences.get(event.translation_key, 0) for event in events],
    )
    return _ics(body, f"events-{kind or 'all'}.ics")
