"""The employer area: dashboard, organisation, members and invitations."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.area_cache import employer_key
from employers.dashboard import PANELS
from employers.emails import send_invitation
from employers.forms.organisation import EmployerForm, InvitationForm
from employers.models import Employer, HiringPledgeCommitment, Invitation, Membership
from employers.permissions import ANY_ROLE, EMPLOYER_AREA, OWNER, act_for, employer_area
from portal.addresses import absolute_url
from portal.fragments import lazy_context


def _next_steps(employer, membership, pledge, members):
    steps = []
    if employer.status == Employer.Status.PENDING:
        steps.append(
            _("Campaign staff are checking your organisation. We will e-mail you when it is verified.")
        )
    if employer.status == Employer.Status.SUSPENDED:
        steps.append(
            _("Your organisation is suspended, so nothing of it is public. Contact us to resolve it.")
        )
    if employer.is_verified and pledge is None and membership.is_owner:
        steps.append(_("Sign a hiring pledge to appear on the public pledge wall."))
    if membership.is_owner and len(members) == 1:
        steps.append(
            _("Invite a colleague, so that your organisation always has someone who can act for it.")
        )
    return steps


def _panels(employer, membership):
    # The commitments with their wording in one query (a prefetch of a prefetch took two).
    commitments = Prefetch("commitments", HiringPledgeCommitment.objects.select_related("commitment"))
    pledge = employer.pledges.active().prefetch_related(commitments).first()
    members = list(employer.memberships.select_related("user"))
    return {
        "pledge": pledge,
        "members": members,
        "next_steps": _next_steps(employer, membership, pledge, members),
        **{name: read(employer, pledge) for name, read in PANELS.items()},
    }


@employer_area(roles=ANY_ROLE, membership_required=False)
def dashboard(request):
    if request.employer is None:
        invitations = Invitation.objects.filter(
            email__in=EmailAddress.objects.filter(user=request.user, verified=True).values("email"),
            accepted_at__isnull=True,
        ).select_related("employer")
        return TemplateResponse(
            request,
            "employers/area/welcome.html",
            {"invitations": [invitation for invitation in invitations if invitation.is_open]},
        )
    employer, membership = request.employer, request.membership
    context = {
        "employer": employer,
        "membership": membership,
        "memberships": request.memberships,
        # The panels are the same for every member with this role: kept rendered per
        # organisation (area_cache), and read from the database only when rendered.
        "panels_key": employer_key(employer, membership),
        **lazy_context(
            lambda: _panels(employer, membership),
            ("pledge", "members", "next_steps", *PANELS),
        ),
        "suggest_mfa": membership.is_owner and not Authenticator.objects.filter(user=request.user).exists(),
    }
    return TemplateResponse(request, "employers/area/dashboard.html", context)


@employer_area(roles=ANY_ROLE, membership_required=False)
def register(request):
    form = EmployerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                employer = form.save()
                Membership.objects.create(employer=employer, user=request.user, role=Membership.Role.OWNER)
        except IntegrityError:  # the same registration number registered a moment ago
            form.add_error(
                "registration_number", EmployerForm.Meta.error_messages["registration_number"]["unique"]
            )
        else:
            act_for(request, employer)
            messages.success(
                request,
                _("%(name)s is registered. Campaign staff will verify it soon.") % {"name": employer.name},
            )
            return redirect("employers:dashboard")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "employers/area/register.html", {"form": form}, status=status)


@require_POST
@employer_area(roles=ANY_ROLE)
def switch(request):
    return EMPLOYER_AREA.switch(
        request, _("You are not a member of that organisation."), "employers:dashboard"
    )


@employer_area(roles=OWNER)
def organisation(request):
    employer = request.employer
    # While a new name or description waits for review, the form shows it (saving again keeps it).
    initial = {}
    if employer.has_pending_details:
        initial = {
            field: value
            for field, value in (
                ("name", employer.proposed_name),
                ("description", employer.proposed_description),
            )
            if value
        }
    form = EmployerForm(
        request.POST if request.method == "POST" else None, instance=employer, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        if not employer.is_verified:  # nothing is public yet: staff review it all at verification
            form.save()
            messages.success(request, _("Your organisation's details are saved."))
            return redirect("employers:organisation")
        # A verified organisation's public name and description change only once staff approve.
        proposed = {field: form.cleaned_data[field] for field in Employer.REVIEWED_FIELDS}
        with transaction.atomic():
            public = Employer.objects.select_for_update().get(pk=employer.pk)
            changed = form.save(commit=False)
            changed.name, changed.description = public.name, public.description
            changed.save()
            form.save_m2m()
            waiting = changed.propose_details(proposed["name"], proposed["description"], request.user)
        if waiting:
            messages.success(
                request,
                _(
                    "Your details are saved. The new name or description is waiting for review by campaign "
                    "staff; the current ones stay public until then."
                ),
            )
        else:
            messages.success(request, _("Your organisation's details are saved."))
        return redirect("employers:organisation")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "employers/area/organisation.html", {"form": form, "employer": employer}, status=status
    )


def _members_page(request, form=None, status=200):
    employer = request.employer
    context = {
        "employer": employer,
        "membership": request.membership,
        "members": employer.memberships.select_related("user"),
        "invitations": [i for i in employer.invitations.filter(accepted_at__isnull=True) if i.is_open],
        "form": form or InvitationForm(employer),
    }
    return TemplateResponse(request, "employers/area/members.html", context, status=status)


@employer_area(roles=ANY_ROLE)
def members(request):
    return _members_page(request)


@require_POST
@employer_area(roles=OWNER)
def invite(request):
    form = InvitationForm(request.employer, request.POST)
    if not form.is_valid():
        return _members_page(request, form, status=400)
    invitation = Invitation.objects.create(
        employer=request.employer,
        email=form.cleaned_data["email"],
        role=form.cleaned_data["role"],
        invited_by=request.user,
    )
    send_invitation(
        invitation,
        absolute_url(reverse("employers:accept_invitation", args=[invitation.token()])),
    )
    messages.success(request, _("We have e-mailed an invitation to %(email)s.") % {"email": invitation.email})
    return redirect("employers:members")


@require_POST
@employer_area(roles=OWNER)
def cancel_invitation(request, invitation_id):
    invitation = get_object_or_404(request.employer.invitations, pk=invitation_id, accepted_at__isnull=True)
    invitation.delete()
    messages.success(request, _("The invitation is cancelled."))
    return redirect("employers:members")


@require_POST
@employer_area(roles=OWNER)
def remove_member(request, membership_id):
    membership = get_object_or_404(request.employer.memberships, pk=membership_id)
    if membership.user_id == request.user.pk:
        messages.error(request, _("To leave the organisation, use 'Leave' instead."))
    elif membership.is_owner and request.employer.owners().count() == 1:
        messages.error(request, _("The last owner cannot be removed."))
    else:
        membership.delete()
        messages.success(request, _("%(person)s is no longer a member.") % {"person": membership.user})
    return redirect("employers:members")


@require_POST
@employer_area(roles=OWNER)
def make_owner(request, membership_id):
    membership = get_object_or_404(request.employer.memberships, pk=membership_id)
    membership.role = Membership.Role.OWNER
    membership.save(update_fields=["role"])
    if request.POST.get("step_down") and membership.user_id != request.user.pk:
        request.membership.role = Membership.Role.RECRUITER
        request.membership.save(update_fields=["role"])
        messages.success(
            request, _("%(person)s is now the owner; you are a recruiter.") % {"person": membership.user}
        )
    else:
        messages.success(request, _("%(person)s is now an owner.") % {"person": membership.user})
    return redirect("employers:members")


@require_POST
@employer_area(roles=ANY_ROLE)
def leave(request):
    employer, membership = request.employer, request.membership
    if membership.is_owner and employer.owners().count() == 1:
        messages.error(request, _("You are the last owner. Make another member an owner before you leave."))
        return redirect("employers:members")
    membership.delete()
    request.session.pop("acting_for_employer", None)
    messages.success(request, _("You have left %(name)s.") % {"name": employer.name})
    return redirect("employers:dashboard")


@employer_area(roles=ANY_ROLE, membership_required=False)
def accept_invitation(request, token):
    try:
        invitation = Invitation.from_token(token)
    except signing.SignatureExpired:
        return TemplateResponse(request, "employers/area/invitation.html", {"problem": "expired"}, status=410)
    except signing.BadSignature:
        invitation = None
    if invitation is None:
        return TemplateResponse(request, "employers/area/invitation.html", {"problem": "invalid"}, status=404)
    context = {"invitation": invitation, "employer": invitation.employer}
    if invitation.accepted_at is not None:
        return TemplateResponse(
            request, "employers/area/invitation.html", {**context, "problem": "used"}, status=410
        )
    if invitation.employer.memberships.filter(user=request.user).exists():
        return TemplateResponse(request, "employers/area/invitation.html", {**context, "problem": "member"})
    if not EmailAddress.objects.filter(
        user=request.user, email__iexact=invitation.email, verified=True
    ).exists():
        return TemplateResponse(
            request, "employers/area/invitation.html", {**context, "problem": "other_address"}, status=403
        )
    if request.method == "POST":
        with transaction.atomic():
            claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
                accepted_at=timezone.now(), accepted_by=request.user
            )
            if claimed:
                Membership.objects.get_or_create(
                    employer=invitation.employer, user=request.user, defaults={"role": invitation.role}
                )
        if claimed:
            act_for(request, invitation.employer)
            messages.success(request, _("You have joined %(name)s.") % {"name": invitation.employer.name})
            return redirect("employers:dashboard")
        return TemplateResponse(
            request, "employers/area/invitation.html", {**context, "problem": "used"}, status=410
        )
    return TemplateResponse(request, "employers/area/invitation.html", context)
