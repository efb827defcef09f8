"""Asking for a place, confirming it, the attendee's own page and cancelling.

The attendee's links carry a signed token (the attendee's id and a random value, never the
address). Nothing changes on GET: a link opened by a mail scanner shows a button, and only the
POST of that button confirms or cancels.
"""

import functools

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal import ratelimit
from portal.visibility import public_q

from .. import signups
from ..calendars import event_calendar
from ..forms import JoinForm, SignUpForm
from ..models import Attendee, EventPage, SignUpSheet

# How long the e-mailed confirmation link works.
CONFIRMATION_MAX_AGE = 7 * 24 * 3600


def _public_event(event_id):
    event = EventPage.objects.live().filter(public_q(), pk=event_id).first()
    if event is None:
        raise Http404
    return event


def _render_event(request, event, status, **overrides):
    """The event page again, with the visitor's form and its errors (never cached: a 4xx)."""
    context = {**event.get_context(request), **overrides}
    return TemplateResponse(request, event.get_template(request), context, status=status)


def _private(response):
    """Pages of one attendee: never cached anywhere, never indexed, the address in no other site's Referer."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"  # "no-referrer" would make forms post Origin: null
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@never_cache
def sign_up(request, event_id):
    """The event page's form posts here, without a CSRF token: the form acts for no account and
    a place is held only once its owner follows the e-mailed link (see campaigns' pledges)."""
    event = _public_event(event_id)
    if request.method != "POST":
        return redirect(event.url)
    form = SignUpForm(request.POST)
    if form.is_bot():
        return HttpResponseRedirect(reverse("events:thanks", args=[event.pk]))
    if not event.takes_sign_ups:
        form.is_valid()
        form.add_error(None, _("This event is not taking sign-ups."))
        return _render_event(request, event, 400, sign_up_form=form)
    if not ratelimit.hit("event-sign-up", request, settings.EVENT_SIGN_UP_RATE_LIMIT):
        form.is_valid()
        form.add_error(
            None, _("Too many sign-ups have come from your connection. Please try again in an hour.")
        )
        return _render_event(request, event, 429, sign_up_form=form)
    if not form.is_valid():
        return _render_event(request, event, 400, sign_up_form=form)
    signups.ask_for_place(
        event,
        email=form.cleaned_data["email"],
        name=form.cleaned_data["name"],
        accessibility_needs=form.cleaned_data["accessibility_needs"],
        language=translation.get_language(),
    )
    # One answer whether the address was new or known: the page must not tell who signed up.
    return HttpResponseRedirect(reverse("events:thanks", args=[event.pk]))


def thanks(request, event_id):
    event = _public_event(event_id)
    return TemplateResponse(request, "events/thanks.html", {"page": event, "event": event})


@login_required
@require_POST
def join(request, event_id):
    """One click for a signed-in person whose address is verified."""
    event = _public_event(event_id)
    verified = EmailAddress.objects.filter(user=request.user, email__iexact=request.user.email, verified=True)
    if not verified.exists():
        messages.error(request, _("Verify your e-mail address first, or sign up with the form."))
        return redirect(event.url)
    if not event.takes_sign_ups:
        messages.error(request, _("This event is not taking sign-ups."))
        return redirect(event.url)
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _render_event(request, event, 400, join_form=form)
    result = signups.join(event, request.user, form.cleaned_data["accessibility_needs"])
    attendee = result.attendee
    if result.already:
        messages.info(request, _("You are already signed up for this event: you keep your one place."))
    elif attendee.status == Attendee.Status.CONFIRMED:
        messages.success(request, _("Your place is confirmed. We have e-mailed you the details."))
    else:
        messages.success(
            request,
            _("The event is full: you are number %(position)d on the waiting list.")
            % {"position": attendee.waiting_position()},
        )
    return redirect(event.url)


def attendee_link(salt, max_age=None):
    """The view behind an attendee's signed link gets the attendee; a tampered or unknown link
    answers 404 and an expired one 410 with the same problem page, never cached."""

    def decorate(view):
        @never_cache
        @functools.wraps(view)
        def wrapper(request, token):
            try:
                attendee = Attendee.from_token(token, salt, max_age=max_age)
            except signing.SignatureExpired:
                return _problem(request, "expired")
            except signing.BadSignature:
                attendee = None
            if attendee is None:
                return _problem(request, "invalid")
            return view(request, attendee, token)

        return wrapper

    return decorate


def _problem(request, problem):
    status = 410 if problem == "expired" else 404
    return _private(
        TemplateResponse(request, "events/link_problem.html", {"problem": problem}, status=status)
    )


@attendee_link(Attendee.CONFIRM_SALT, CONFIRMATION_MAX_AGE)
def confirm(request, attendee, token):
    context = {"attendee": attendee, "event": attendee.event, "token": token}
    if request.method == "POST":
        if attendee.event.takes_sign_ups or attendee.status != Attendee.Status.PENDING:
            signups.confirm(attendee)
            attendee.refresh_from_db()
            context["just_confirmed"] = True
        else:
            context["closed"] = True
    context["place_url"] = reverse("events:place", args=[attendee.attendee_token()])
    context["position"] = attendee.waiting_position()
    return _private(TemplateResponse(request, "events/confirm.html", context))


@attendee_link(Attendee.ATTENDEE_SALT)
def place(request, attendee, token):
    """The attendee's own view of the event: their status and, with a place, the online link."""
    event = attendee.event_in_own_language()
    context = {
        "attendee": attendee,
        "event": event,
        "page": event,
        "token": token,
        "position": attendee.waiting_position(),
        "online_link": event.online_link if attendee.status == Attendee.Status.CONFIRMED else "",
    }
    return _private(TemplateResponse(request, "events/place.html", context))


@attendee_link(Attendee.ATTENDEE_SALT)
def cancel(request, attendee, token):
    context = {"attendee": attendee, "event": attendee.event, "token": token}
    if request.method == "POST":
        signups.cancel(attendee)
        attendee.refresh_from_db()
        context["just_cancelled"] = True
    return _private(TemplateResponse(request, "events/cancel.html", context))


@attendee_link(Attendee.ATTENDEE_SALT)
def place_calendar(request, attendee, token):
    """The attendee's own calendar file: with the online link once they hold a place."""
    event = attendee.event_in_own_language()
    sequence = SignUpSheet.objects.filter(pk=attendee.sheet_id).values_list("sequence", flat=True).first()
    body = event_calendar(event, sequence or 0, online_link=attendee.status == Attendee.Status.CONFIRMED)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return _private(response)
