from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from portal import ratelimit
from portal.addresses import site_url

from .forms import SupporterPledgeForm
from .models import CampaignPage, SupporterPledge
from .tasks import send_pledge_email


def _thanks(campaign):
    # One answer whatever happened (new, pending, confirmed, refused as a bot): the form must not
    # tell whether an address has pledged.
    return HttpResponseRedirect(f"{campaign.url}pledge/thanks/")


def _base_url(request):
    return site_url()


def _render_campaign(request, campaign, form, status=200, **extra):
    response = campaign.render(
        request, context_overrides={"pledge_form": form, "visitors_pledge_form": True, **extra}
    )
    response.status_code = status
    return response


def submit_pledge(request, campaign):
    form = SupporterPledgeForm(request.POST)
    if form.is_bot():
        return _thanks(campaign)
    if not campaign.is_live:
        form.add_error(None, _("This campaign is not taking pledges at the moment."))
        return _render_campaign(request, campaign, form, status=400)
    if not ratelimit.hit("pledge", request, settings.PLEDGE_RATE_LIMIT):
        form.is_valid()
        form.add_error(
            None, _("Too many pledges have come from your connection. Please try again in an hour.")
        )
        return _render_campaign(request, campaign, form, status=429)
    if not form.is_valid():
        return _render_campaign(request, campaign, form, status=400)

    details = {field: form.cleaned_data[field] for field in form.Meta.fields if field != "email"}
    email = form.cleaned_data["email"]
    pledge = campaign.pledges.filter(email=email).first()
    if pledge is None:
        try:
            with transaction.atomic():
                # The page's language is the supporter's: their e-mails are written in it.
                pledge = SupporterPledge.objects.create(
                    campaign=campaign, email=email, language=translation.get_language(), **details
                )
        except IntegrityError:  # the same address submitted twice at once
            pledge = campaign.pledges.get(email=email)
    # A resubmission never changes the stored details (anyone can post anyone's address), and the
    # link goes out again at most once an hour and three times in all.
    if pledge.claim_confirmation_email():
        send_pledge_email.enqueue(pledge.pk, "pledge_confirmation", _base_url(request))
    return _thanks(campaign)


@csrf_exempt
@never_cache
def pledge(request, campaign_id):
    """The campaign page's pledge form posts here.

    Without a CSRF token in the form the campaign page carries nothing of one visitor, so the
    page cache can serve it (rendering it, region list and all, is the slowest public page).
    The token protects nothing here: the form acts for no account, and a pledge counts only once
    its owner follows the link e-mailed to them; the honeypot and the per-address rate limit
    stay. The page's own `pledge/` route keeps working, with the token check, for old forms.
    """
    campaign = CampaignPage.objects.live().public().filter(pk=campaign_id).first()
    if campaign is None:
        raise Http404
    if request.method != "POST":
        return redirect(campaign.url)
    return submit_pledge(request, campaign)


def _pledge_from_link(token, salt, max_age=None):
    """(pledge, problem): problem is "invalid", "expired" or "missing" when there is no pledge."""
    try:
        pledge = SupporterPledge.from_token(token, salt, max_age=max_age)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    return pledge, (None if pledge else "missing")


@never_cache
def confirm_pledge(request, token):
    pledge, problem = _pledge_from_link(
        token, SupporterPledge.CONFIRM_SALT, max_age=settings.PLEDGE_CONFIRMATION_MAX_AGE
    )
    context = {"pledge": pledge, "problem": problem, "token": token}
    if problem:
        return TemplateResponse(
            request, "campaigns/pledge_confirm.html", context, status=404 if problem != "expired" else 410
        )
    if request.method == "POST":
        if pledge.confirm():
            send_pledge_email.enqueue(pledge.pk, "pledge_confirmed", _base_url(request))
        context["just_confirmed"] = True
    context["supporters"] = pledge.campaign.confirmed_supporters()
    return TemplateResponse(request, "campaigns/pledge_confirm.html", context)


@never_cache
def erase_pledge(request, token):
    pledge, problem = _pledge_from_link(token, SupporterPledge.ERASE_SALT)
    context = {"pledge": pledge, "problem": problem, "token": token}
    if problem == "missing" and request.method == "POST":
        context.update(problem=None, erased=True)
        return TemplateResponse(request, "campaigns/pledge_erase.html", context)
    if problem:
        return TemplateResponse(request, "campaigns/pledge_erase.html", context, status=404)
    if request.method == "POST":
        context["campaign"] = pledge.campaign
        pledge.delete()
        context.update(erased=True, pledge=None)
    return TemplateResponse(request, "campaigns/pledge_erase.html", context)
