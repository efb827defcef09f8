"""The partner area at /partner/: programme providers' staff, their graduates and introductions.

Every view goes through employers.partner_permissions.partner_area and looks every object up
within request.provider, so another provider's graduate or introduction is a 404. Every view,
edit, export or release of a graduate's personal data writes a PersonalDataAccess entry.
"""

import csv
import math
from urllib.parse import quote

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.addresses import absolute_url
from portal.fragments import lazy_context, query_key

from .. import matching
from ..area_cache import provider_key
from ..emails import owner_addresses, send_event_email
from ..forms_partner import (
    ConsentForm,
    ErasureForm,
    GraduateForm,
    PersonalDataForm,
    ReleaseForm,
    completion_formset,
    contact_suggestion,
)
from ..models import (
    Graduate,
    GraduatePersonalData,
    GraduateProgramme,
    Introduction,
    JobListing,
    MatchingConsent,
    Membership,
    PersonalDataAccess,
    ProviderStaff,
)
from ..models.introductions import INTRODUCTION_TTL
from ..partner_permissions import ANY_ROLE, COORDINATOR, act_for, partner_area
from ..signals import graduate_matching_changed
from .hires import hire_from_introduction

PER_PAGE = 50
Action = PersonalDataAccess.Action


def _posted(request):
    # An empty POST is still a submission: its form must be bound so that it shows what is missing.
    return request.POST if request.method == "POST" else None


def _graduates(request):
    return request.provider.graduates.all()


def _graduate(request, reference, erased_too=False):
    """One of this provider's graduates; an erased one only where asked (its page): nothing else
    may be done with it, and no form may bring personal data back."""
    graduates = _graduates(request) if erased_too else _graduates(request).filter(erased_at__isnull=True)
    return get_object_or_404(graduates.select_related("personal_data"), reference=reference)


def _introductions(request):
    return Introduction.objects.filter(graduate__provider=request.provider).select_related(
        "job__employer", "graduate"
    )


def _days_left(introduction, now):
    return max(0, math.ceil((introduction.expires_at - now).total_seconds() / 86400))


# --- dashboard -------------------------------------------------------------------------------


@partner_area(roles=ANY_ROLE, verified_provider_required=False)
def dashboard(request):
    provider = request.provider
    if not provider.is_verified:
        return TemplateResponse(request, "employers/partner/waiting.html", {"provider": provider})
    counts = dict(_graduates(request).values_list("status").annotate(n=Count("pk")).order_by())
    now = timezone.now()
    waiting = _introductions(request).open().order_by("requested_at")
    context = {
        "provider": provider,
        "seeking": counts.get(Graduate.Status.SEEKING, 0),
        "placed": counts.get(Graduate.Status.PLACED, 0),
        "not_seeking": counts.get(Graduate.Status.NOT_SEEKING, 0),
        "waiting": [(intro, _days_left(intro, now)) for intro in waiting],
        "ttl_days": INTRODUCTION_TTL.days,
    }
    return TemplateResponse(request, "employers/partner/dashboard.html", context)


@require_POST
@partner_area(roles=ANY_ROLE, verified_provider_required=False)
def switch(request):
    chosen = request.POST.get("provider", "")
    staff = next((s for s in request.staff_roles if str(s.provider_id) == chosen), None)
    if staff is None:
        messages.error(request, _("You are not a staff member of that provider."))
    else:
        act_for(request, staff.provider)
        messages.success(request, _("You now act for %(name)s.") % {"name": staff.provider.name})
    return redirect("partners:dashboard")


# --- graduates -------------------------------------------------------------------------------


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
        _graduates(request)
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
    return TemplateResponse(request, "employers/partner/graduates.html", context)


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
        request, "employers/partner/graduate_form.html", context, status=400 if data is not None else 200
    )


@partner_area(roles=ANY_ROLE)
def graduate_edit(request, reference):
    graduate = _graduate(request, reference)
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
        request, "employers/partner/graduate_form.html", context, status=400 if data is not None else 200
    )


def _matches(graduate):
    """[(match, sentences)]: the graduate's ranked jobs with their explanations."""
    return [(match, match.explanation()) for match in matching.jobs_for_graduate(graduate)]


def _not_matched_because(graduate, consent):
    reasons = []
    if consent is None:
        reasons.append(_("No matching consent is recorded."))
    if graduate.status != Graduate.Status.SEEKING:
        reasons.append(_("Their status is “%(status)s”.") % {"status": graduate.get_status_display()})
    return reasons


TRAIL_ON_PAGE = 10


def _trail_context(request, graduate):
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


def _detail_page(request, graduate, consent_form=None, status=200):
    if graduate.is_erased:
        context = {
            "graduate": graduate,
            "completions": graduate.completions.select_related("programme"),
            "hires": graduate.hires.select_related("job", "employer"),
            **_trail_context(request, graduate),
        }
        return TemplateResponse(request, "employers/partner/graduate_erased.html", context, status=status)
    consent = graduate.current_consent()
    matches = _matches(graduate)
    introductions = list(graduate.introductions.select_related("job__employer").order_by("-requested_at"))
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
        "matches": matches,
        "introduced_job_ids": {
            i.job_id
            for i in introductions
            if i.status in (Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED)
        },
        "introductions": introductions,
        "hires": graduate.hires.select_related("job", "employer"),
        "may_erase": request.staff.role in COORDINATOR,
    }
    PersonalDataAccess.record(request, graduate, Action.VIEW)
    context.update(_trail_context(request, graduate))
    return TemplateResponse(request, "employers/partner/graduate_detail.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def graduate_detail(request, reference):
    return _detail_page(request, _graduate(request, reference, erased_too=True))


@partner_area(roles=COORDINATOR)
def graduate_trail(request, reference):
    """The whole trail of a graduate's personal data, page by page (coordinators only)."""
    graduate = _graduate(request, reference, erased_too=True)
    page = Paginator(_trail(request, graduate), PER_PAGE).get_page(request.GET.get("page"))
    context = {"graduate": graduate, "page_obj": page, "trail": _trail_rows(request, page.object_list)}
    return TemplateResponse(request, "employers/partner/graduate_trail.html", context)


@partner_area(roles=COORDINATOR)
def graduate_erase(request, reference):
    """Erasure on the person's request, by a coordinator, after typing the reference."""
    graduate = _graduate(request, reference)
    form = ErasureForm(_posted(request), graduate=graduate)
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
    return TemplateResponse(request, "employers/partner/graduate_erase.html", context, status=status)


@require_POST
@partner_area(roles=ANY_ROLE)
def consent_record(request, reference):
    graduate = _graduate(request, reference)
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
    graduate = _graduate(request, reference)
    graduate.withdraw_consent(request.user)
    messages.success(
        request,
        _("The consent is withdrawn: %(ref)s is no longer matched to jobs.") % {"ref": graduate.reference},
    )
    return redirect("partners:graduate_detail", graduate.reference)


_CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A spreadsheet must not run what a person typed: neutralise formula-like cells."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_CSV_DANGEROUS) else text


@partner_area(roles=ANY_ROLE)
def graduate_export(request, reference):
    graduate = _graduate(request, reference)
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
    writer.writerows((name, _cell(value)) for name, value in rows)
    PersonalDataAccess.record(request, graduate, Action.EXPORT)
    return response


# --- suggesting a job, answering introductions, hires ---------------------------------------------


def _employer_job_url(request, job):
    return absolute_url(reverse("employers:job_matches", args=[job.pk]))


def _requester_addresses(introduction):
    """Whoever asked for the introduction, else the employer's owners."""
    user = introduction.requested_by
    if user is not None and user.email and introduction.job.employer.memberships.filter(user=user).exists():
        return [user.email]
    return owner_addresses(introduction.job.employer)


@partner_area(roles=ANY_ROLE)
def suggest(request, reference, job_id):
    """Put a graduate forward for a job. The graduate has agreed to it with their case worker, so the
    introduction is recorded as accepted at once, with the contact the staff chose to release."""
    graduate = _graduate(request, reference)
    job = get_object_or_404(JobListing.objects.published().select_related("employer"), pk=job_id)
    if not Graduate.objects.matchable().filter(pk=graduate.pk).exists():
        messages.error(
            request, _("Only a graduate who is seeking work and consents to matching can be suggested.")
        )
        return redirect("partners:graduate_detail", graduate.reference)
    existing = graduate.introductions.filter(
        job=job, status__in=[Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED]
    ).first()
    if existing is not None:
        if existing.status == Introduction.Status.REQUESTED:
            messages.info(
                request, _("The employer has already asked to meet this graduate: answer the request.")
            )
            return redirect("partners:introduction", existing.pk)
        messages.info(request, _("This graduate is already introduced for this job."))
        return redirect("partners:graduate_detail", graduate.reference)
    form = ReleaseForm(_posted(request), initial={"released_contact": contact_suggestion(graduate)})
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        try:
            introduction = Introduction.objects.create(
                job=job,
                graduate=graduate,
                origin=Introduction.Origin.PARTNER,
                requested_by=request.user,
                status=Introduction.Status.ACCEPTED,
                requested_at=now,
                answered_at=now,
                answered_by=request.user,
                released_contact=form.cleaned_data["released_contact"],
            )
        except IntegrityError:  # pragma: no cover - only an open request is unique
            messages.error(request, _("This graduate is already introduced for this job."))
            return redirect("partners:graduate_detail", graduate.reference)
        PersonalDataAccess.record(request, graduate, Action.RELEASE)
        send_event_email(
            "job_suggested",
            owner_addresses(job.employer),
            {
                "introduction": introduction,
                "job": job,
                "employer": job.employer,
                "provider": request.provider,
                "reference": graduate.reference,
                "job_url": _employer_job_url(request, job),
            },
        )
        messages.success(
            request,
            _("%(ref)s is suggested to %(employer)s for “%(job)s”; the employer is told by e-mail.")
            % {"ref": graduate.reference, "employer": job.employer.name, "job": job.title},
        )
        return redirect("partners:graduate_detail", graduate.reference)
    # The form is prefilled with the name and contact details: a view of personal data.
    PersonalDataAccess.record(request, graduate, Action.VIEW)
    context = {"graduate": graduate, "job": job, "form": form}
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "employers/partner/suggest.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def introduction(request, introduction_id):
    intro = get_object_or_404(
        _introductions(request).select_related("graduate__personal_data"), pk=introduction_id
    )
    graduate = intro.graduate
    is_open = intro.status == Introduction.Status.REQUESTED
    form = ReleaseForm(
        request.POST if request.method == "POST" and "decline" not in request.POST else None,
        initial={"released_contact": contact_suggestion(graduate)},
    )
    if request.method == "POST" and is_open:
        context = {
            "introduction": intro,
            "job": intro.job,
            "employer": intro.job.employer,
            "provider": request.provider,
            "reference": graduate.reference,
            "job_url": _employer_job_url(request, intro.job),
        }
        if "decline" in request.POST:
            if intro.decline(request.user):
                send_event_email("introduction_declined", _requester_addresses(intro), context)
                messages.success(request, _("The request is declined; the employer is told politely."))
            else:
                messages.error(request, _("This request was answered or expired meanwhile."))
            return redirect("partners:dashboard")
        if "accept" in request.POST and form.is_valid():
            if intro.accept(request.user, form.cleaned_data["released_contact"]):
                PersonalDataAccess.record(request, graduate, Action.RELEASE)
                send_event_email("introduction_accepted", _requester_addresses(intro), context)
                messages.success(request, _("The introduction is accepted; the employer is told by e-mail."))
            else:
                messages.error(request, _("This request was answered or expired meanwhile."))
            return redirect("partners:dashboard")
        if "accept" not in request.POST:
            # Neither button was pressed (a crafted request): say what the page expects.
            form.add_error(None, _("Choose whether to accept or decline the request."))
    shows_personal_data = is_open or bool(intro.released_contact)
    if shows_personal_data:
        PersonalDataAccess.record(request, graduate, Action.VIEW)
    context = {
        "introduction": intro,
        "graduate": graduate,
        "form": form,
        "is_open": is_open,
        "days_left": _days_left(intro, timezone.now()),
        "hire": getattr(intro, "hire", None),
        "may_record_hire": intro.status == Introduction.Status.ACCEPTED and not graduate.is_erased,
    }
    status = 400 if request.method == "POST" and is_open else 200
    return TemplateResponse(request, "employers/partner/introduction.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def hire(request, reference):
    """Hires are recorded from where they happen, an accepted introduction: this page lists them."""
    graduate = _graduate(request, reference)
    accepted = (
        graduate.introductions.filter(status=Introduction.Status.ACCEPTED, hire__isnull=True)
        .select_related("job__employer")
        .order_by("-answered_at")
    )
    context = {"graduate": graduate, "introductions": accepted}
    return TemplateResponse(request, "employers/partner/hire.html", context)


@partner_area(roles=ANY_ROLE)
def introduction_hire(request, introduction_id):
    """Record the hire an accepted introduction led to: the job and the graduate are fixed."""
    intro = get_object_or_404(
        _introductions(request).filter(status=Introduction.Status.ACCEPTED, graduate__erased_at__isnull=True),
        pk=introduction_id,
    )
    return hire_from_introduction(
        request,
        intro,
        template="employers/partner/introduction_hire.html",
        done_url=reverse("partners:graduate_detail", args=[intro.graduate.reference]),
        extra={"graduate": intro.graduate},
    )
