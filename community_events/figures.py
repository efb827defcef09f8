"""What events add to the impact figures: attendance per event, and employers recruited at job
fairs. Each takes the time bounds [since, until) of a period and an optional region.

Recruited at a job fair, in plain words: an employer listed as taking part in a job fair that
began in the period, whose first hiring pledge was signed after the fair began (it had none
before), or whose first hire through the portal started on or after the fair's day. An employer
at several fairs counts once.
"""

from django.db.models import Count, Min, Q

from employers.models import Employer
from matching.models import Hire

from .models import Attendee, EventKind, EventPage

RECRUITED_DEFINITION = (
    "an employer taking part in a job fair held in the period that signed its first hiring pledge "
    "after the fair began, or made its first hire through the portal on or after the fair's day"
)


def _held(since, until, region=None):
    events = EventPage.objects.live().filter(start__gte=since, start__lt=until, cancelled=False)
    if region:
        events = events.filter(region=region)
    # Translations share one sheet: the default language's page stands for the event.
    return events.filter(sign_up_sheet__isnull=False)


def attendance_by_event(since, until, region=None):
    """[(title, places taken, attended, did not come)] for events held in the period, by date."""
    confirmed = Attendee.Status.CONFIRMED
    rows = (
        _held(since, until, region)
        .order_by("start", "pk")
        .values_list("title")
        .annotate(
            taken=Count("sign_up_sheet__attendees", filter=Q(sign_up_sheet__attendees__status=confirmed)),
            came=Count(
                "sign_up_sheet__attendees",
                filter=Q(sign_up_sheet__attendees__presence=Attendee.Presence.ATTENDED),
            ),
            missed=Count(
                "sign_up_sheet__attendees",
                filter=Q(sign_up_sheet__attendees__presence=Attendee.Presence.NO_SHOW),
            ),
        )
    )
    return [tuple(row) for row in rows]


def job_fair_employers(since, until, region=None):
    """{"fairs", "taking_part", "recruited"} for job fairs held in the period."""
    fairs = list(_held(since, until, region).filter(kind=EventKind.JOB_FAIR).values_list("pk", "start"))
    if not fairs:
        return {"fairs": 0, "taking_part": 0, "recruited": 0}
    links = EventPage.employers.through.objects.filter(eventpage_id__in=[pk for pk, _start in fairs])
    first_fair = {}
    starts = dict(fairs)
    for event_id, employer_id in links.values_list("eventpage_id", "employer_id"):
        moment = starts[event_id]
        if employer_id not in first_fair or moment < first_fair[employer_id]:
            first_fair[employer_id] = moment
    firsts = (
        Employer.objects.filter(pk__in=first_fair)
        .annotate(first_pledge=Min("pledges__signed_at"))
        .values_list("pk", "first_pledge")
    )
    first_hire = dict(
        Hire.objects.filter(job__employer_id__in=first_fair)
        .order_by()
        .values_list("job__employer_id")
        .annotate(first=Min("start_date"))
    )
    recruited = 0
    for employer_id, first_pledge in firsts:
        fair = first_fair[employer_id]
        pledged_after = first_pledge is not None and first_pledge > fair
        hired_after = first_hire.get(employer_id) is not None and first_hire[employer_id] >= fair.date()
        recruited += pledged_after or hired_after
    return {"fairs": len(fairs), "taking_part": len(first_fair), "recruited": recruited}
