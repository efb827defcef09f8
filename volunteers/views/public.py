"""The public side of volunteering: the application, the confirmation link that opens the
volunteer area, and the referee's form.

No account is created for an address its owner has not shown they read: an application by a
visitor who is not logged in creates the volunteer record only, and the confirmation e-mail sent
to the typed address carries a signed link; whoever opens it may set a password (the account is
then made with that address verified) or, if the address has an account already, must log in to
it first. A logged-in person with a verified address applies as themselves.
"""

from urllib.parse import urlencode

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import ratelimit
from portal.accounts.areas import forget_areas
from portal.addresses import site_url
from volunteers.emails import send_event_email
from volunteers.forms import ReferenceForm, SetPasswordForm, VolunteerApplicationForm
from volunteers.models import CLAIM_LINK_MAX_AGE, CLAIM_SALT, Reference, Volunteer

DEFAULT_RATE = "5/h"
LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def _signed_in_address(request):
    """The verified address of the person logged in, or None."""
    if not request.user.is_authenticated:
        return None
    verified = EmailAddress.objects.filter(user=request.user, verified=True, email__iexact=request.user.email)
    return request.user.email if verified.exists() else None


@never_cache
def apply(request):
    account_email = _signed_in_address(request)
    if account_email and Volunteer.objects.filter(user=request.user, erased_at__isnull=True).exists():
        messages.info(request, _("You have applied already: your volunteer area shows where things stand."))
        return redirect("volunteers:area")
    form = VolunteerApplicationForm(
        request.POST if request.method == "POST" else None,
        initial={"email": account_email} if account_email else None,
    )
    if account_email:
        # The account's address, verified already: not one to type (or to swap for another's).
        del form.fields["email"]
    context = {"form": form, "account_email": account_email}
    if request.method != "POST":
        return TemplateResponse(request, "volunteers/public/apply.html", context)
    if form.is_bot():
        return redirect("volunteers:thanks")
    rate = getattr(settings, "VOLUNTEER_APPLICATION_RATE_LIMIT", DEFAULT_RATE)
    if not ratelimit.hit("volunteer-application", request, rate):
        form.is_valid()
        form.add_error(
            None, _("Too many applications have come from your connection. Please try again in an hour.")
        )
        return TemplateResponse(request, "volunteers/public/apply.html", context, status=429)
    if not form.is_valid():
        return TemplateResponse(request, "volunteers/public/apply.html", context, status=400)
    with transaction.atomic():
        volunteer = form.save(commit=False)
        volunteer.language = translation.get_language() or ""
        if account_email:
            volunteer.email, volunteer.user = account_email, request.user
        volunteer.save()
        form.save_m2m()
    claim_url = (
        None
        if volunteer.user_id
        else site_url() + reverse("volunteers:claim", args=[volunteer.claim_token()])
    )
    send_event_email(
        "application_received",
        [volunteer.email],
        {"volunteer": volunteer, "claim_url": claim_url, "area_url": site_url() + reverse("volunteers:area")},
        language=volunteer.language,
    )
    return redirect("volunteers:area" if volunteer.user_id else "volunteers:thanks")


def thanks(request):
    return TemplateResponse(request, "volunteers/public/thanks.html", {})


def _claimed_volunteer(token):
    """(volunteer, problem) for a confirmation link: problem "expired", "invalid" or "used"."""
    try:
        data = signing.loads(token, salt=CLAIM_SALT, max_age=CLAIM_LINK_MAX_AGE)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    volunteer = Volunteer.objects.filter(pk=data.get("v"), erased_at__isnull=True).first()
    if volunteer is None or volunteer.email != data.get("e"):
        return None, "invalid"
    if volunteer.user_id:
        return volunteer, "used"
    return volunteer, None


@never_cache
def claim(request, token):
    volunteer, problem = _claimed_volunteer(token)
    context = {"problem": problem, "token": token}
    if problem:
        status = {"expired": 410, "used": 410}.get(problem, 404)
        return TemplateResponse(request, "volunteers/public/claim.html", context, status=status)
    User = get_user_model()
    if request.user.is_authenticated:
        if Volunteer.objects.filter(user=request.user, erased_at__isnull=True).exists():
            context["problem"] = "has_record"
            return TemplateResponse(request, "volunteers/public/claim.html", context, status=409)
        if request.method == "POST":
            return _link(request, volunteer, request.user)
        context["link_account"] = True
        return TemplateResponse(request, "volunteers/public/claim.html", context)
    if User.objects.filter(email__iexact=volunteer.email).exists():
        context["log_in_first"] = f"{reverse('account_login')}?{urlencode({'next': request.path})}"
        return TemplateResponse(request, "volunteers/public/claim.html", context)
    form = SetPasswordForm(request.POST if request.method == "POST" else None, email=volunteer.email)
    context.update(form=form, email=volunteer.email)
    if request.method == "POST":
        if not form.is_valid():
            return TemplateResponse(request, "volunteers/public/claim.html", context, status=400)
        with transaction.atomic():
            user = User.objects.create_user(
                volunteer.email, form.cleaned_data["password1"], first_name=volunteer.full_name[:150]
            )
            # The link came to this address: its owner opened it.
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        login(request, user, backend=LOGIN_BACKEND)
        return _link(request, volunteer, user)
    return TemplateResponse(request, "volunteers/public/claim.html", context)


def _link(request, volunteer, user):
    linked = Volunteer.objects.filter(pk=volunteer.pk, user__isnull=True).update(user=user)
    if not linked:
        return TemplateResponse(request, "volunteers/public/claim.html", {"problem": "used"}, status=410)
    forget_areas()  # the header now shows the volunteer area
    messages.success(request, _("Welcome to your volunteer area."))
    return redirect("volunteers:area")


@never_cache
def give_reference(request, token):
    try:
        reference = Reference.from_token(token)
        problem = None if reference else "invalid"
    except signing.SignatureExpired:
        reference, problem = None, "expired"
    except signing.BadSignature:
        reference, problem = None, "invalid"
    if reference is not None and reference.given_at is not None:
        problem = "used"
    context = {"problem": problem, "reference": reference}
    if problem:
        return TemplateResponse(
            request, "volunteers/public/reference.html", context, status=404 if problem == "invalid" else 410
        )
    form = ReferenceForm(request.POST if request.method == "POST" else None)
    context["form"] = form
    if request.method == "POST":
        if not form.is_valid():
            return TemplateResponse(request, "volunteers/public/reference.html", context, status=400)
        if not reference.give(form.cleaned_data["known_for"], form.cleaned_data["text"]):
            context.update(problem="used", form=None)
            return TemplateResponse(request, "volunteers/public/reference.html", context, status=410)
        context.update(given=True, form=None)
    return TemplateResponse(request, "volunteers/public/reference.html", context)
