"""schema.org Event for an event page, as JSON-LD (escaped for a <script> as jobs' JobPosting)."""

from django.conf import settings

from jobs.jsonld import dumps_for_script
from portal.addresses import absolute_url

from .models import Attendance

ATTENDANCE_MODES = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def _place(event):
    address = {"@type": "PostalAddress", "addressCountry": settings.PORTAL_COUNTRY}
    if event.venue_address:
        address["streetAddress"] = " ".join(event.venue_address.split())
    if event.region:
        address["addressRegion"] = event.region_name
    return {"@type": "Place", "name": event.venue_name, "address": address}


def event_data(event, places_left=None):
    """The Event of a published event page, as a dict. The online link is for attendees only:
    the VirtualLocation points at the event page, where they sign up."""
    url = absolute_url(event.url or "/")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance],
        "organizer": {"@type": "Organization", "name": event.organiser},
        "inLanguage": event.language_code,
        "isAccessibleForFree": True,
    }
    locations = []
    if event.is_in_person:
        locations.append(_place(event))
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    offers = {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": getattr(settings, "PORTAL_CURRENCY", "GBP"),
        "url": url,
    }
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        if places_left is not None:
            data["remainingAttendeeCapacity"] = places_left
            offers["availability"] = (
                "https://schema.org/InStock" if places_left > 0 else "https://schema.org/SoldOut"
            )
    data["offers"] = offers
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": event.audience}
    return data


def event_json(event, places_left=None):
    return dumps_for_script(event_data(event, places_left))
