"""The demo's events (portal/demo/__init__.py): a job fair with pledged employers inside the live
campaign, an online information session for employers, a full open day with a waiting list, a
community run, and a past training day and a past job fair with attendance and their summaries."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from employers.models import Employer, HiringPledge
from portal.site_setup import ensure_child

from .models import Attendance, Attendee, EventIndexPage, EventKind, EventPage, SignUpSheet

FIRST_NAMES = [
    "Alex",
    "Sam",
    "Jordan",
    "Priya",
    "Tomasz",
    "Amina",
    "Chris",
    "Leila",
    "Femi",
    "Grace",
    "Rui",
    "Mei",
]


def _at(days, hour):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


EVENTS = [
    {
        "slug": "manchester-fair-chance-job-fair",
        "title": "Manchester fair-chance job fair",
        "kind": EventKind.JOB_FAIR,
        "summary": "Meet employers who have pledged to give people with convictions a fair chance.",
        "days": 21,
        "hours": (10, 15),
        "venue": ("Central Library", "St Peter's Square\nManchester M2 5PD", "GB-MAN"),
        "capacity": 120,
        "audience": "People with convictions looking for work, and the people who support them",
        "accessibility": "Step-free access throughout; a quiet room; BSL interpreters on request.",
        "attendees": 14,
        "in_campaign": True,
    },
    {
        "slug": "hiring-with-convictions-information-session",
        "title": "Hiring people with convictions: an information session for employers",
        "kind": EventKind.EMPLOYER_SESSION,
        "summary": "How fair-chance hiring works: record checks, incentives, support after the hire.",
        "days": 9,
        "hours": (12, 13),
        "online": "https://meet.example.org/second-chance-employers",
        "capacity": None,
        "audience": "Employers, recruiters and HR teams",
        "accessibility": "Live captions; the recording is sent to everyone signed up.",
        "attendees": 6,
    },
    {
        "slug": "open-day-at-the-training-kitchen",
        "title": "Open day at the training kitchen",
        "kind": EventKind.OPEN_DAY,
        "summary": "See where graduates learn to cook, and taste what they make.",
        "days": 12,
        "hours": (11, 14),
        "venue": ("The Training Kitchen", "12 Kirkgate\nLeeds LS1 6BY", "GB-LDS"),
        "capacity": 8,
        "audience": "Anyone curious; employers in hospitality especially",
        "accessibility": "Ground floor; accessible toilet.",
        "attendees": 8,
        "waiting": 3,
    },
    {
        "slug": "yellow-ribbon-community-run",
        "title": "Yellow ribbon community run",
        "kind": EventKind.COMMUNITY,
        "summary": "Five kilometres in the park, side by side, for second chances.",
        "days": 30,
        "hours": (9, 12),
        "venue": ("Roundhay Park", "Mansion Lane\nLeeds LS8 2HH", "GB-LDS"),
        "capacity": None,
        "audience": "Everyone",
        "attendees": 5,
    },
    {
        "slug": "food-hygiene-training-day",
        "title": "Food hygiene training day",
        "kind": EventKind.TRAINING,
        "summary": "Level 2 food hygiene, taught in a day, with the certificate at the end.",
        "days": -14,
        "hours": (9, 16),
        "venue": ("The Training Kitchen", "12 Kirkgate\nLeeds LS1 6BY", "GB-LDS"),
        "capacity": 12,
        "audience": "Graduates of kitchen programmes",
        "attendees": 10,
        "outcome": "Ten people came and nine passed the Level 2 certificate; two started work the next month.",
    },
    {
        "slug": "leeds-autumn-job-fair",
        "title": "Leeds autumn job fair",
        "kind": EventKind.JOB_FAIR,
        "summary": "Employers from construction, hospitality and logistics met people ready to work.",
        "days": -40,
        "hours": (10, 15),
        "venue": ("Leeds Town Hall", "The Headrow\nLeeds LS1 3AD", "GB-LDS"),
        "capacity": 80,
        "audience": "People with convictions looking for work",
        "attendees": 9,
        "outcome": "Nine people met five employers; three were invited to interview on the day.",
    },
]


def load(site):
    index = ensure_child(
        site.home,
        EventIndexPage,
        "events",
        title="Events",
        introduction="Job fairs, open days and community events: come and meet the people behind second chances.",
    )
    campaign = next(iter(getattr(site, "campaigns", {}).values()), None)
    pledged = list(
        Employer.objects.verified()
        .filter(pledges__in=HiringPledge.objects.active())
        .distinct()
        .order_by("name")[:5]
    )
    site.events = [make_event(index, campaign, pledged, event) for event in EVENTS]


def make_event(index, campaign, pledged, spec):
    parent = campaign if spec.get("in_campaign") and campaign is not None else index
    existing = EventPage.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    start, end = _at(spec["days"], spec["hours"][0]), _at(spec["days"], spec["hours"][1])
    name, address, region = spec.get("venue", ("", "", ""))
    online = spec.get("online", "")
    event = EventPage(
        slug=spec["slug"],
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        start=start,
        end=end,
        attendance=Attendance.ONLINE if online and not name else Attendance.IN_PERSON,
        venue_name=name,
        venue_address=address,
        region=region,
        online_link=online,
        capacity=spec["capacity"],
        audience=spec.get("audience", ""),
        organiser="Second Chance Portal",
        accessibility=spec.get("accessibility", ""),
        outcome_summary=spec.get("outcome", ""),
        body=[("paragraph", RichText(f"<p>{spec['summary']} Sign up below: it takes a minute.</p>"))],
    )
    parent.add_child(instance=event)
    if spec["kind"] == EventKind.JOB_FAIR:
        event.employers.set(pledged)
    event.save_revision().publish()
    add_attendees(event, spec)
    return event


def add_attendees(event, spec):
    sheet = SignUpSheet.for_event(event)
    now = timezone.now()
    past = spec["days"] < 0
    for n in range(spec.get("attendees", 0) + spec.get("waiting", 0)):
        waiting = n >= spec.get("attendees", 0)
        presence = ""
        if past:
            presence = Attendee.Presence.NO_SHOW if n % 5 == 4 else Attendee.Presence.ATTENDED
        Attendee.objects.get_or_create(
            sheet=sheet,
            email=f"{event.slug[:20]}.{n}@attendees.example.org",
            defaults={
                "name": f"{FIRST_NAMES[n % len(FIRST_NAMES)]} Demo{n}",
                "status": Attendee.Status.WAITING if waiting else Attendee.Status.CONFIRMED,
                "confirmed_at": None if waiting else now,
                "queued_at": now + datetime.timedelta(seconds=n) if waiting else None,
                "presence": presence,
                "language": "en-gb",
            },
        )


def counts():
    return [f"{EventPage.objects.live().count()} events", f"{Attendee.objects.count()} event sign-ups"]
