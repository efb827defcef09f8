"""Award nominations in the partner area (included by partners/urls.py in its namespace, so the
partner app imports nothing of this one). A provider nominates any verified employer, always in
its own name: the provider is the one acting (request.provider), never a field of the form, and
another provider's nomination is a 404."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from awards.forms import EmployerNominationForm
from awards.models import Nomination, RoundRefused
from awards.nominations import nominate, open_categories
from partners.permissions import ANY_ROLE, partner_area


def provider_nominations(request):
    return Nomination.objects.filter(provider=request.provider).select_related("employer", "category__round")


@partner_area(roles=ANY_ROLE)
def nominations(request):
    context = {
        "nominations": list(provider_nominations(request).order_by("-created_at")),
        "open_categories": list(open_categories()),
    }
    return TemplateResponse(request, "awards/partner/nominations.html", context)


@partner_area(roles=ANY_ROLE)
def nominate_employer(request):
    form = EmployerNominationForm(request.POST or None, categories=open_categories())
    if request.method == "POST":
        if form.is_valid():
            try:
                nomination = nominate(
                    category=form.cleaned_data["category"],
                    employer=form.cleaned_data["employer"],
                    statement=form.cleaned_data["statement"],
                    nominated_by=Nomination.NominatedBy.PROVIDER,
                    nominator=request.user,
                    provider=request.provider,
                )
            except RoundRefused as refusal:
                form.add_error("category", str(refusal))
            else:
                messages.success(request, _("Thank you: the nomination is with the judging panel."))
                return redirect("partners:award_nomination", nomination.pk)
        return TemplateResponse(request, "awards/partner/nominate.html", {"form": form}, status=400)
    return TemplateResponse(request, "awards/partner/nominate.html", {"form": form})


@partner_area(roles=ANY_ROLE)
def nomination(request, nomination_id):
    found = get_object_or_404(provider_nominations(request), pk=nomination_id)
    return TemplateResponse(request, "awards/partner/nomination.html", {"nomination": found})
