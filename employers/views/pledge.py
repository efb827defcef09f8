"""Signing, withdrawing and reporting progress on a hiring pledge (employer area)."""

from django.http import Http404

from ..permissions import ANY_ROLE, OWNER, employer_area


@employer_area(roles=ANY_ROLE)
def pledge(request):
    raise Http404


@employer_area(roles=OWNER)
def sign(request):
    raise Http404


@employer_area(roles=OWNER)
def withdraw(request):
    raise Http404


@employer_area(roles=OWNER)
def progress(request):
    raise Http404
