"""Signing, withdrawing and reporting progress on a hiring pledge (employer area)."""

import datetime
import logging

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from employers.emails import owner_addresses, send_event_email
from employers.forms.pledge import ProgressReportForm, SignPledgeForm, WithdrawPledgeForm
from employers.models import Employer, HiringPledge, ProgressItem, ProgressReport
from employers.permissions import ANY_ROLE, OWNER, employer_area
from portal import page_cache

RENEWAL_WINDOW = datetime.timedelta(days=30)
logger = logging.getLogger(__name__)


def _email_owners(event, employer, context):
    """The pledge is saved whatever happens here: a failing mail server must not show an error page."""
    try:
        send_event_email(event, owner_addresses(employer), context)
    except Exception:
        logger.exception("Could not send %s to the owners of employer %s", event, employer.pk)


def _day(moment):
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def _posted(request):
    """The submitted data, even when empty (an empty submission still shows its errors)."""
    return request.POST if request.method == "POST" else None


def current_pledge(employer):
    """The newest active pledge: during renewal an older one may still be running out."""
    return employer.pledges.active().first()


def can_sign(employer, pledge=None):
    """(allowed, reason): verified, and no active pledge unless it expires within 30 days."""
    if not employer.is_verified:
        return False, _(
            "Only verified organisations can sign a hiring pledge. Campaign staff verify your "
            "organisation first; we will e-mail you when it is done."
        )
    if pledge is None:
        pledge = current_pledge(employer)
    if pledge is not None and pledge.expires_at > timezone.now() + RENEWAL_WINDOW:
        return False, _(
            "Your organisation already has an active pledge, %(reference)s, until %(date)s. "
            "You can renew it from %(renew)s."
        ) % {
            "reference": pledge.reference,
            "date": _day(pledge.expires_at),
            "renew": _day(pledge.expires_at - RENEWAL_WINDOW),
        }
    return True, ""


def _with_details(queryset):
    return queryset.select_related("signed_by", "withdrawn_by").prefetch_related(
        "commitments__commitment",
        Prefetch(
            "progress_reports",
            queryset=ProgressReport.objects.select_related("submitted_by").prefetch_related(
                Prefetch("items", queryset=ProgressItem.objects.select_related("commitment__commitment"))
            ),
        ),
    )


def _latest_progress_by_commitment(pledge):
    """For each HiringPledgeCommitment id, the newest ProgressItem reported for it."""
    latest = {}
    for report in pledge.progress_reports.all():  # newest first
        for item in report.items.all():
            latest.setdefault(item.commitment_id, (item, report))
    return latest


@employer_area(roles=ANY_ROLE)
def pledge(request):
    employer = request.employer
    pledges = list(_with_details(employer.pledges.all()))
    current = next((p for p in pledges if p.is_active), None)
    history = [p for p in pledges if p is not current]
    rows = []
    if current is not None:
        latest = _latest_progress_by_commitment(current)
        rows = [(item, *latest.get(item.pk, (None, None))) for item in current.commitments.all()]
    allowed, blocked_reason = can_sign(employer, current)
    context = {
        "employer": employer,
        "membership": request.membership,
        "pledge": current,
        "commitment_rows": rows,
        "latest_report": next(iter(current.progress_reports.all()), None) if current else None,
        "history": history,
        "can_sign": allowed and request.membership.is_owner,
        "renewal_due": allowed and current is not None,
        "sign_blocked_reason": "" if allowed else blocked_reason,
        "progress_overdue": current.progress_overdue if current else False,
    }
    return TemplateResponse(request, "employers/area/pledge.html", context)


@employer_area(roles=OWNER)
def sign(request):
    employer = request.employer
    allowed, reason = can_sign(employer)
    if not allowed:
        messages.error(request, reason)
        return redirect("employers:pledge")
    renewing = current_pledge(employer)
    initial = {"signatory_name": request.user.get_full_name()}
    form = SignPledgeForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Lock the organisation so that two owners signing at once make one pledge, not two.
            locked = Employer.objects.select_for_update().get(pk=employer.pk)
            allowed, reason = can_sign(locked)
            if allowed:
                new = HiringPledge.sign(
                    employer=locked,
                    user=request.user,
                    commitments=form.cleaned_data["commitments"],
                    signatory_name=form.cleaned_data["signatory_name"].strip(),
                    signatory_title=form.cleaned_data["signatory_title"].strip(),
                    is_public=form.cleaned_data["is_public"],
                )
        if not allowed:
            messages.error(request, reason)
            return redirect("employers:pledge")
        _email_owners(
            "pledge_signed",
            employer,
            {
                "pledge": new,
                "employer": employer,
                "commitments": list(new.commitments.select_related("commitment")),
            },
        )
        messages.success(
            request,
            _("Thank you. Your hiring pledge %(reference)s is signed and active until %(date)s.")
            % {"reference": new.reference, "date": _day(new.expires_at)},
        )
        return redirect("employers:pledge")
    status = 400 if request.method == "POST" else 200
    context = {"employer": employer, "form": form, "renewing": renewing}
    return TemplateResponse(request, "employers/area/pledge_sign.html", context, status=status)


@employer_area(roles=OWNER)
def withdraw(request):
    employer = request.employer
    # During a renewal the old pledge may still be active: withdrawing withdraws both.
    active = list(employer.pledges.active())
    if not active:
        messages.error(request, _("Your organisation has no active pledge to withdraw."))
        return redirect("employers:pledge")
    form = WithdrawPledgeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        with transaction.atomic():
            for each in active:
                each.withdraw(request.user, reason)
        for each in active:
            _email_owners(
                "pledge_withdrawn",
                employer,
                {"pledge": each, "employer": employer, "withdrawn_by": request.user},
            )
        messages.success(
            request,
            _("Your hiring pledge %(reference)s is withdrawn. It stays in your history.")
            % {"reference": ", ".join(each.reference for each in active)},
        )
        return redirect("employers:pledge")
    status = 400 if request.method == "POST" else 200
    context = {"employer": employer, "pledge": active[0], "form": form}
    return TemplateResponse(request, "employers/area/pledge_withdraw.html", context, status=status)


@employer_area(roles=OWNER)
def progress(request):
    employer = request.employer
    current = current_pledge(employer)
    if current is None:
        messages.error(request, _("Progress can be reported only on an active pledge."))
        return redirect("employers:pledge")
    previous = current.progress_reports.prefetch_related("items").first()
    form = ProgressReportForm(_posted(request), pledge=current, previous=previous)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            report = ProgressReport.objects.create(pledge=current, submitted_by=request.user)
            ProgressItem.objects.bulk_create(
                ProgressItem(report=report, commitment=item, state=state, number=number)
                for item, state, number in form.answers()
            )
            page_cache.forget_pages()  # bulk_create sends no signal; the pledge page shows the items
        messages.success(
            request,
            _("Thank you. Your progress on pledge %(reference)s is recorded.")
            % {"reference": current.reference},
        )
        return redirect("employers:pledge")
    status = 400 if request.method == "POST" else 200
    context = {"employer": employer, "pledge": current, "form": form, "previous": previous}
    return TemplateResponse(request, "employers/area/pledge_progress.html", context, status=status)
