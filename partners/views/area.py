"""The partner area at /partner/: programme providers' staff, their graduates and introductions.

Every view goes through partners.permissions.partner_area and looks every object up
within request.provider (the lookups here), so another provider's graduate or introduction is a
404. Every view, edit, export or release of a graduate's personal data writes a PersonalDataAccess
entry. This module holds the dashboard and the lookups; the graduates' records are in
partner_graduates, their personal data's trail, export and erasure in partner_personal_data, and
introductions and hires in partner_introductions.
"""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.models import Graduate, PersonalDataAccess
from partners.panels import dashboard_context
from partners.permissions import ANY_ROLE, PARTNER_AREA, partner_area

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


@partner_area(roles=ANY_ROLE, verified_provider_required=False)
def dashboard(request):
    provider = request.provider
    if not provider.is_verified:
        return TemplateResponse(request, "partners/area/waiting.html", {"provider": provider})
    counts = dict(provider_graduates(request).values_list("status").annotate(n=Count("pk")).order_by())
    context = {
        "provider": provider,
        "seeking": counts.get(Graduate.Status.SEEKING, 0),
        "placed": counts.get(Graduate.Status.PLACED, 0),
        "not_seeking": counts.get(Graduate.Status.NOT_SEEKING, 0),
        **dashboard_context(request),
    }
    return TemplateResponse(request, "partners/area/dashboard.html", context)


@require_POST
@partner_area(roles=ANY_ROLE, verified_provider_required=False)
def switch(request):
    return PARTNER_AREA.switch(
        request, _("You are not a staff member of that provider."), "partners:dashboard"
    )
