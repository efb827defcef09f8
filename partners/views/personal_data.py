"""A graduate's personal data in the partner area beyond their record: the trail of who saw it
(coordinators only), the export the person may ask for, and its erasure."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from employers.models import Membership
from partners.forms import ErasureForm
from partners.models import PersonalDataAccess, ProviderStaff
from partners.permissions import ANY_ROLE, COORDINATOR, partner_area
from partners.views.area import PER_PAGE, Action, posted, provider_graduate
from portal.spreadsheets import safe_cell

TRAIL_ON_PAGE = 10


def trail_context(request, graduate):
    if not _may_read_trail(request):
        return {}
    entries = _trail(request, graduate)
    latest = list(entries[: TRAIL_ON_PAGE + 1])
    return {
        "trail": _trail_rows(request, latest[:TRAIL_ON_PAGE]),
        "trail_has_more": len(latest) > TRAIL_ON_PAGE,
    }


def _trail(request, graduate):
    """The audit entries of the graduate's personal data, newest first."""
    return graduate.personal_data_accesses.select_related("user").order_by("-at", "-pk")


def _trail_rows(request, entries):
    """[(entry, who, where)]: `where` says whether the person is one of this provider's staff or
    which employer they act for (an employer sees the contact an accepted introduction released)."""
    entries = list(entries)
    user_ids = {entry.user_id for entry in entries if entry.user_id}
    staff_ids = set(
        ProviderStaff.objects.filter(provider=request.provider, user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    employers = {}
    for user_id, name in Membership.objects.filter(user_id__in=user_ids - staff_ids).values_list(
        "user_id", "employer__name"
    ):
        employers.setdefault(user_id, []).append(name)
    rows = []
    for entry in entries:
        if entry.user_id is None:
            who = (
                _("Nobody (the retention rules)")
                if entry.path == "enforce_retention"
                else _("A deleted account")
            )
            where = ""
        else:
            who = entry.user.get_full_name() or entry.user.email
            if entry.user_id in staff_ids:
                where = _("Staff of %(provider)s") % {"provider": request.provider.name}
            elif entry.user_id in employers:
                where = _("Employer: %(names)s") % {"names": ", ".join(sorted(employers[entry.user_id]))}
            else:
                where = _("Not one of your staff")
        rows.append((entry, who, where))
    return rows


def _may_read_trail(request):
    # Coordinators oversee their staff; case workers, whose own accesses the trail records, do not read it.
    return request.staff.role in COORDINATOR


@partner_area(roles=COORDINATOR)
def graduate_trail(request, reference):
    """The whole trail of a graduate's personal data, page by page (coordinators only)."""
    graduate = provider_graduate(request, reference, erased_too=True)
    page = Paginator(_trail(request, graduate), PER_PAGE).get_page(request.GET.get("page"))
    context = {"graduate": graduate, "page_obj": page, "trail": _trail_rows(request, page.object_list)}
    return TemplateResponse(request, "partners/area/graduate_trail.html", context)


@partner_area(roles=COORDINATOR)
def graduate_erase(request, reference):
    """Erasure on the person's request, by a coordinator, after typing the reference."""
    graduate = provider_graduate(request, reference)
    form = ErasureForm(posted(request), graduate=graduate)
    if request.method == "POST" and form.is_valid():
        graduate.erase(request.user, request=request)
        messages.success(
            request,
            _("The personal data of %(ref)s is erased; the reference and outcome counts remain.")
            % {"ref": graduate.reference},
        )
        return redirect("partners:graduate_detail", graduate.reference)
    context = {"graduate": graduate, "form": form}
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "partners/area/graduate_erase.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def graduate_export(request, reference):
    graduate = provider_graduate(request, reference)
    personal = getattr(graduate, "personal_data", None)
    consent = graduate.current_consent()
    rows = [
        ("reference", graduate.reference),
        ("provider", request.provider.name),
        ("full_name", personal.full_name if personal else ""),
        ("email", personal.email if personal else ""),
        ("phone", personal.phone if personal else ""),
        ("notes", personal.notes if personal else ""),
        ("status", graduate.get_status_display()),
        *(
            (f"programme: {c.programme.name}", c.completed_on.isoformat())
            for c in graduate.completions.select_related("programme")
        ),
        ("other_skills", "; ".join(s.name for s in graduate.extra_skills.all())),
        ("certifications", "; ".join(c.name for c in graduate.certifications.all())),
        ("available_from", graduate.available_from.isoformat() if graduate.available_from else ""),
        ("preferred_regions", "; ".join(graduate.preferred_regions)),
        ("willing_to_travel", graduate.willing_to_travel),
        ("willing_to_relocate", graduate.willing_to_relocate),
        ("open_to_remote_work", graduate.wants_remote),
        ("preferred_sectors", "; ".join(graduate.preferred_sectors)),
        ("preferred_employment_types", "; ".join(graduate.preferred_employment_types)),
        *((field, getattr(graduate, field)) for field in graduate.restrictions()),
        ("personal_statement", graduate.personal_statement),
        ("matching_consent_given_on", consent.given_on.isoformat() if consent else ""),
        ("matching_consent_method", consent.get_method_display() if consent else ""),
    ]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{graduate.reference}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow(["field", "value"])
    writer.writerows((name, safe_cell(value)) for name, value in rows)
    PersonalDataAccess.record(request, graduate, Action.EXPORT)
    return response
