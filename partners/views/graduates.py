"""The partner area's graduate records: the list, adding and editing one, its page and the
matching consent. Names and contact details are personal data: every view or edit of them is
recorded (PersonalDataAccess)."""

from urllib.parse import quote

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.area_cache import provider_key
from partners.forms import ConsentForm, GraduateForm, PersonalDataForm, completion_formset
from partners.models import (
    Graduate,
    GraduatePersonalData,
    GraduateProgramme,
    MatchingConsent,
    PersonalDataAccess,
)
from partners.panels import graduate_context
from partners.permissions import ANY_ROLE, COORDINATOR, partner_area
from partners.signals import graduate_matching_changed
from partners.views.area import PER_PAGE, Action, provider_graduate, provider_graduates
from partners.views.personal_data import trail_context
from portal.fragments import lazy_context, query_key

GRADUATE_ROW = (
    '<tr data-graduate="{reference}" data-status="{status}">'
    '<th scope="row" data-label="{reference_label}"><a href="{url}">{reference}</a></th>'
    '<td data-label="{status_label}">{status_text}</td>'
    '<td data-label="{programmes_label}">{programmes}</td>'
    '<td data-label="{consent_label}" data-consent="{consent}">{consent_text}</td></tr>'
)


def _graduate_rows(graduates):
    """The table's rows, formatted here rather than by a template loop (issue 22): every label is
    translated once for the page, and the programmes' names come in one query of names."""
    names = {}
    completions = (
        GraduateProgramme.objects.filter(graduate__in=[graduate.pk for graduate in graduates])
        .order_by("programme__name", "programme_id")
        .values_list("graduate_id", "programme__name")
    )
    for graduate_id, name in completions:
        names.setdefault(graduate_id, []).append(name)
    statuses = dict(Graduate.Status.choices)
    labels = {
        "reference_label": _("Reference"),
        "status_label": _("Status"),
        "programmes_label": _("Programmes"),
        "consent_label": _("Matching consent"),
    }
    given, not_matched = _("Given"), _("None: not matched")
    marker = "GRADUATE-REFERENCE"
    detail = reverse("partners:graduate_detail", args=[marker])
    return mark_safe(  # nosec B308 B703 # every value is escaped by format_html
        "\n".join(
            format_html(
                GRADUATE_ROW,
                reference=graduate.reference,
                status=graduate.status,
                url=detail.replace(marker, quote(graduate.reference)),
                status_text=statuses.get(graduate.status, graduate.status),
                programmes=", ".join(names.get(graduate.pk, ())),
                consent="yes" if graduate.has_consent else "no",
                consent_text=given if graduate.has_consent else not_matched,
                **labels,
            )
            for graduate in graduates
        )
    )


@partner_area(roles=ANY_ROLE)
def graduate_list(request):
    """References only: names are personal data, shown (and audited) on a graduate's own page."""
    consenting = MatchingConsent.objects.filter(graduate=OuterRef("pk"), withdrawn_at__isnull=True)
    graduates = (
        provider_graduates(request)
        .only("pk", "provider_id", "reference", "status", "created_at")
        .annotate(has_consent=Exists(consenting))
        .order_by("-created_at", "reference")
    )
    status = request.GET.get("status", "")
    if status in Graduate.Status.values:
        graduates = graduates.filter(status=status)
    else:
        status = ""
    query = request.GET.get("q", "").strip().upper()
    if query:
        graduates = graduates.filter(reference__icontains=query)
    filters = {key: value for key, value in (("status", status), ("q", query)) if value}

    def table():
        page = Paginator(graduates, PER_PAGE).get_page(request.GET.get("page"))
        rows = list(page.object_list)
        return {"page_obj": page, "graduates": rows, "graduate_rows": _graduate_rows(rows) if rows else ""}

    context = {
        # The table is the same for every staff member: kept per provider (area_cache), and read
        # from the database only when rendered.
        "table_key": provider_key(request.provider, "graduates", query_key(request)),
        **lazy_context(table, ("page_obj", "graduates", "graduate_rows")),
        "status": status,
        "query": query,
        "statuses": Graduate.Status.choices,
        "filter_query": urlencode(filters),
    }
    return TemplateResponse(request, "partners/area/graduates.html", context)


def _save_graduate(request, form, personal_form, formset, graduate=None):
    with transaction.atomic():
        graduate = form.save(commit=False)
        if graduate.pk is None:
            graduate.provider = request.provider
        graduate.save()
        form.save_m2m()
        personal = personal_form.save(commit=False)
        personal.graduate = graduate
        personal.save()
        graduate.completions.all().delete()
        GraduateProgramme.objects.bulk_create(
            GraduateProgramme(
                graduate=graduate,
                programme=row.cleaned_data["programme"],
                completed_on=row.cleaned_data["completed_on"],
            )
            for row in formset.forms
            if row.cleaned_data.get("programme")
        )
    return graduate


@partner_area(roles=ANY_ROLE)
def graduate_create(request):
    data = request.POST if request.method == "POST" else None
    form = GraduateForm(data)
    personal_form = PersonalDataForm(data)
    formset = completion_formset(request.provider, data)
    consent_form = ConsentForm(data)
    forms_valid = [f.is_valid() for f in (form, personal_form, formset, consent_form)]
    if data is not None and all(forms_valid):
        graduate = _save_graduate(request, form, personal_form, formset)
        if consent_form.has_consent:
            MatchingConsent.objects.create(
                graduate=graduate,
                given_on=consent_form.cleaned_data["given_on"],
                method=consent_form.cleaned_data["method"],
                recorded_by=request.user,
            )
        PersonalDataAccess.record(request, graduate, Action.EDIT)
        graduate_matching_changed.send(sender=Graduate, graduate=graduate)
        if consent_form.has_consent:
            messages.success(request, _("Graduate %(ref)s is recorded.") % {"ref": graduate.reference})
        else:
            messages.warning(
                request,
                _("Graduate %(ref)s is recorded without a matching consent, so they are not matched to jobs.")
                % {"ref": graduate.reference},
            )
        return redirect("partners:graduate_detail", graduate.reference)
    context = {"form": form, "personal_form": personal_form, "formset": formset, "consent_form": consent_form}
    return TemplateResponse(
        request, "partners/area/graduate_form.html", context, status=400 if data is not None else 200
    )


@partner_area(roles=ANY_ROLE)
def graduate_edit(request, reference):
    graduate = provider_graduate(request, reference)
    personal = getattr(graduate, "personal_data", None) or GraduatePersonalData(graduate=graduate)
    data = request.POST if request.method == "POST" else None
    form = GraduateForm(data, instance=graduate)
    personal_form = PersonalDataForm(data, instance=personal)
    formset = completion_formset(request.provider, data, graduate=graduate)
    if data is not None and all([form.is_valid(), personal_form.is_valid(), formset.is_valid()]):
        previous_status = Graduate.objects.values_list("status", flat=True).get(pk=graduate.pk)
        _save_graduate(request, form, personal_form, formset, graduate)
        PersonalDataAccess.record(request, graduate, Action.EDIT)
        if previous_status != graduate.status:
            graduate_matching_changed.send(sender=Graduate, graduate=graduate)
        messages.success(request, _("The record of %(ref)s is saved.") % {"ref": graduate.reference})
        return redirect("partners:graduate_detail", graduate.reference)
    # The form shows the name and contact details: that is a view of personal data.
    PersonalDataAccess.record(request, graduate, Action.VIEW)
    context = {"graduate": graduate, "form": form, "personal_form": personal_form, "formset": formset}
    return TemplateResponse(
        request, "partners/area/graduate_form.html", context, status=400 if data is not None else 200
    )


def _not_matched_because(graduate, consent):
    reasons = []
    if consent is None:
        reasons.append(_("No matching consent is recorded."))
    if graduate.status != Graduate.Status.SEEKING:
        reasons.append(_("Their status is “%(status)s”.") % {"status": graduate.get_status_display()})
    return reasons


def _detail_page(request, graduate, consent_form=None, status=200):
    if graduate.is_erased:
        context = {
            "graduate": graduate,
            "completions": graduate.completions.select_related("programme"),
            "hires": graduate.hires.select_related("job", "employer"),
            **trail_context(request, graduate),
        }
        return TemplateResponse(request, "partners/area/graduate_erased.html", context, status=status)
    consent = graduate.current_consent()
    context = {
        "graduate": graduate,
        "personal": getattr(graduate, "personal_data", None),
        "completions": graduate.completions.select_related("programme"),
        "skills": graduate.extra_skills.all(),
        "taught_skills": {
            skill for c in graduate.completions.all() for skill in c.programme.skills_taught.all()
        },
        "certifications": graduate.certifications.all(),
        "consent": consent,
        "consent_history": graduate.consents.select_related("recorded_by", "withdrawn_by"),
        "consent_form": consent_form or ConsentForm(required=True),
        "not_matched_because": _not_matched_because(graduate, consent),
        **graduate_context(request, graduate),
        "hires": graduate.hires.select_related("job", "employer"),
        "may_erase": request.staff.role in COORDINATOR,
    }
    PersonalDataAccess.record(request, graduate, Action.VIEW)
    context.update(trail_context(request, graduate))
    return TemplateResponse(request, "partners/area/graduate_detail.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def graduate_detail(request, reference):
    return _detail_page(request, provider_graduate(request, reference, erased_too=True))


@require_POST
@partner_area(roles=ANY_ROLE)
def consent_record(request, reference):
    graduate = provider_graduate(request, reference)
    form = ConsentForm(request.POST, required=True)
    if graduate.current_consent() is not None:
        messages.error(request, _("A matching consent is already recorded."))
        return redirect("partners:graduate_detail", graduate.reference)
    if not form.is_valid():
        return _detail_page(request, graduate, consent_form=form, status=400)
    MatchingConsent.objects.create(
        graduate=graduate,
        given_on=form.cleaned_data["given_on"],
        method=form.cleaned_data["method"],
        recorded_by=request.user,
    )
    graduate_matching_changed.send(sender=Graduate, graduate=graduate)
    messages.success(request, _("The matching consent is recorded."))
    return redirect("partners:graduate_detail", graduate.reference)


@require_POST
@partner_area(roles=ANY_ROLE)
def consent_withdraw(request, reference):
    graduate = provider_graduate(request, reference)
    graduate.withdraw_consent(request.user)
    messages.success(
        request,
        _("The consent is withdrawn: %(ref)s is no longer matched to jobs.") % {"ref": graduate.reference},
    )
    return redirect("partners:graduate_detail", graduate.reference)
