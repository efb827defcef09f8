"""Job listings in the employer area: every view goes through employers.permissions."""

from django.http import Http404

from ..permissions import ANY_ROLE, employer_area


@employer_area(roles=ANY_ROLE)
def job_list(request):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_create(request):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_detail(request, job_id):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_edit(request, job_id):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_preview(request, job_id):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_submit(request, job_id):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_close(request, job_id):
    raise Http404


@employer_area(roles=ANY_ROLE)
def job_renew(request, job_id):
    raise Http404
