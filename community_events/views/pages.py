"""What the events index and an event page show, plugged into the page models from ready()."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.utils import timezone

from employers.models import Employer
from jobs.models import JobListing

from ..forms import EventFilterForm, JoinForm, SignUpForm
from ..jsonld import event_json
from ..models import Attendee, SignUpSheet, attendance_counts, visible_events

PER_PAGE = 12
PAST_SHOWN = 6


def _page_of(paginator, number):
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def listing_context(request, index):
    """Upcoming events (filtered, paginated), and the latest past ones with their summaries."""
    now = timezone.now()
    form = EventFilterForm(request.GET or None)
    upcoming = form.filter(visible_events().filter(end__gte=now)).order_by("start", "pk")
    page_obj = _page_of(Paginator(upcoming, PER_PAGE), request.GET.get("page"))
    chosen = {name: value for name, value in form.cleaned_data.items() if value} if form.chosen() else {}
    past = list(visible_events().filter(end__lt=now).order_by("-start", "-pk")[:PAST_SHOWN])
    return {
        "filter_form": form,
        "filters_chosen": bool(chosen),
        "filter_query": urlencode(chosen),
        "page_obj": page_obj,
        "events": list(page_obj.object_list),
        "past_events": past,
    }


def employers_with_open_jobs(event):
    """The verified employers taking part, each with its open jobs: two queries for any number."""
    jobs = JobListing.objects.published().order_by("-published_at").only("pk", "title", "slug", "employer_id")
    return list(
        event.employers.filter(status=Employer.Status.VERIFIED)
        .order_by("name")
        .prefetch_related(Prefetch("jobs", queryset=jobs, to_attr="open_jobs"))
    )


def places(event):
    """(sheet or None, places left or None for no limit, people waiting), one or two queries."""
    source = event.source_event()
    sheet = SignUpSheet.objects.filter(event=source).first()
    counts = attendance_counts([sheet.pk]).get(sheet.pk, {}) if sheet else {}
    confirmed = counts.get(Attendee.Status.CONFIRMED, 0)
    left = None if source.capacity is None else max(0, source.capacity - confirmed)
    return sheet, left, counts.get(Attendee.Status.WAITING, 0), source


def page_context(request, event):
    sheet, left, waiting, source = places(event)
    context = {
        "places_left": left,
        "capacity": source.capacity,
        "waiting_count": waiting,
        "jsonld": event_json(event, left),
        "campaign": event.the_campaign(),
        "participating_employers": employers_with_open_jobs(event) if event.kind == "job-fair" else [],
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        own = sheet.attendees.filter(email=user.email.lower()).first() if sheet else None
        context["own_place"] = own if own and own.status != Attendee.Status.CANCELLED else None
        context.setdefault("join_form", JoinForm())
    # A blank form without a CSRF token (it posts to a view that acts for no account), so the page
    # is the same for every visitor and the page cache can keep it; a visitor's errors replace it.
    context.setdefault("sign_up_form", SignUpForm())
    return context
