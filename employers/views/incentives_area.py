"""Saved incentive results in the employer area (to be built); through employers.permissions."""

from django.http import Http404

from ..permissions import ANY_ROLE, employer_area


@employer_area(roles=ANY_ROLE)
def saved_results(request):
    raise Http404


@employer_area(roles=ANY_ROLE)
def save_result(request):
    raise Http404


@employer_area(roles=ANY_ROLE)
def saved_result(request, result_id):
    raise Http404
