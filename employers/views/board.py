"""The public fair-chance job board."""

from django.contrib.syndication.views import Feed
from django.http import Http404


def job_board(request):
    raise Http404


def job_page(request, job_id, slug):
    raise Http404


def report_job(request, job_id, slug):
    raise Http404


class LatestJobsFeed(Feed):
    title = "Fair-chance jobs"
    link = "/jobs/"

    def items(self):
        return []
