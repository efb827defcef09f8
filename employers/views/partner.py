"""The partner area at /partner/: programme providers' staff, their graduates and introductions.

Every view goes through employers.partner_permissions.partner_area and looks every object up
within request.provider (the lookups here), so another provider's graduate or introduction is a
404. Every view, edit, export or release of a graduate's personal data writes a PersonalDataAccess
entry. This module holds the dashboard and the lookups; the graduates' records are in
partner_graduates, their personal data's trail, export and erasure in partner_personal_data, and
introductions and hires in partner_introductions.
"""

import math

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import Graduate, Introduction, PersonalDataAccess
from ..models.introductions import INTRODUCTION_TTL
from ..partner_permissions import ANY_ROLE, PARTNER_AREA, partner_area

PER_PAGE = 50
Action = PersonalDataAccess.Action


def posted(request):
    # An empty POST is still a submission: its form must be bound so that it shows what is missing.
    return request.POST if request.method == "POST" else None


def provider_graduates(request):
    return request.provider.graduates.all()


def provider_graduate(request, reference, erased_too=False):
    """One of this provider's graduates; an erased one only where asked (its page): nothing else
    may be done with it, and no form may bring personal data back."""
    graduates = (
        provider_graduates(request)
        if erased_too
        else provider_graduates(request).filter(erased_at__isnull=True)
    )
    return get_object_or_404(graduates.select_related("personal_data"), reference=reference)


def provider_introductions(request):
    return Introduction.objects.filter(graduate__provider=request.provider).select_related(
        "job__employer", "graduate"
    )


def days_left(introduction, now):
    return max(0, math.ceil((introduction.expires_at - now).total_seconds() / 86400))


@partner_area(roles=ANY_ROLE, verified_provider_required=False)
def dashboard(request):
    provider = request.provider
    if not provider.is_verified:
        return TemplateResponse(request, "employers/partner/waiting.html", {"provider": provider})
    counts = dict(provider_graduates(request).values_list("status").annotate(n=Count("pk")).order_by())
    now = timezone.now()
    waiting = provider_introductions(request).open().order_by("requested_at")
    context = {
        "provider": provider,
        "seeking": counts.get(Graduate.Status.SEEKING, 0),
        "placed": counts.get(Graduate.Status.PLACED, 0),
        "not_seeking": counts.get(Graduate.Status.NOT_SEEKING, 0),
        "waiting": [(intro, days_left(intro, now)) for intro in waiting],
        "ttl_days": INTRODUCTION_TTL.days,
    }
    return TemplateResponse(request, "employers/partner/dashboard.html", context)


@require_POST
@partner_area(roles=ANY_ROLE, verified_provider_required=False)
def switch(request):
    return PARTNER_AREA.switch(
        request, _("You are not a staff member of that provider."), "partners:dashboard"
    )
