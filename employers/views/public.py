"""Public pages of the employer side. Only verified employers and public pledges appear."""

from django.http import Http404


def pledge_wall(request):
    raise Http404


def employer_profile(request, slug):
    raise Http404


def pledge_verification(request, reference):
    raise Http404


def pledge_badge(request, reference):
    raise Http404


def pledge_certificate(request, reference):
    raise Http404


def pledge_certificate_pdf(request, reference):
    raise Http404
