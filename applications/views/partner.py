"""Applications of the job seekers linked to a programme provider, in the partner area (included
by partners/urls.py, "partners:..."): read-only, to support them (which jobs, which employers,
where each stands). What the seeker sent is not shown: it went only to the employer."""

from django.template.response import TemplateResponse

from applications.access import applications_for_provider
from partners.permissions import partner_area


@partner_area()
def seeker_applications(request):
    applications = applications_for_provider(request.provider).select_related("seeker", "job__employer")
    return TemplateResponse(
        request,
        "applications/partner/list.html",
        {"applications": list(applications.order_by("seeker__reference", "-sent_at", "-pk"))},
    )
