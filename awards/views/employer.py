"""Award nominations in the employer area (included by employers/urls/area.py in its namespace).
An employer nominates only itself: the organisation is the one acting (request.employer), never
a field of the form. It sees the nominations of itself (not who made them: a provider's
statement is for the panel), and another employer's nomination is a 404."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from awards.forms import NominationForm
from awards.models import Nomination, RoundRefused
from awards.nominations import categories_for, nominate
from employers.permissions import OWNER, employer_area


def own_nominations(request):
    return Nomination.objects.filter(employer=request.employer).select_related("category__round")


@employer_area()
def nominations(request):
    context = {
        "nominations": list(own_nominations(request).order_by("-created_at")),
        "can_nominate": request.employer.is_verified and bool(categories_for(request.employer)),
    }
    return TemplateResponse(request, "awards/employer/nominations.html", context)


@employer_area(roles=OWNER)
def nominate_self(request):
    form = NominationForm(request.POST or None, categories=categories_for(request.employer))
    if request.method == "POST":
        if form.is_valid():
            try:
                nomination = nominate(
                    category=form.cleaned_data["category"],
                    employer=request.employer,
                    statement=form.cleaned_data["statement"],
                    nominated_by=Nomination.NominatedBy.EMPLOYER,
                    nominator=request.user,
                )
            except RoundRefused as refusal:
                form.add_error("category", str(refusal))
            else:
                messages.success(
                    request, _("Your organisation is nominated: the judging panel will read it.")
                )
                return redirect("employers:award_nomination", nomination.pk)
        return TemplateResponse(request, "awards/employer/nominate.html", {"form": form}, status=400)
    return TemplateResponse(request, "awards/employer/nominate.html", {"form": form})


@employer_area()
def nomination(request, nomination_id):
    found = get_object_or_404(own_nominations(request), pk=nomination_id)
    shows_statement = found.nominated_by == Nomination.NominatedBy.EMPLOYER
    return TemplateResponse(
        request, "awards/employer/nomination.html", {"nomination": found, "shows_statement": shows_statement}
    )
