"""The public incentive pages (to be built)."""

from django.http import Http404


def scheme_list(request):
    raise Http404


def checker(request):
    raise Http404
