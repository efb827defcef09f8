"""The public fair-chance job board: search with facets, job pages, reports, the feed.

Everything here shows only JobListing.objects.published() (published, employer verified, not
past its closing date), and search goes through `search.jobs`, never an engine directly.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from employers.models import HiringPledge
from jobs.apply_options import apply_options
from jobs.filters import ReportJobForm
from jobs.job_page_panels import job_page_panels
from jobs.jsonld import job_posting_json
from jobs.models import ApplyMethod, JobListing
from portal.addresses import absolute_url, tag_uri
from portal.fragments import lazy, query_key
from portal.languages import localise_path
from portal.ratelimit import hit
from search.jobs import FACET_LABELS, SORT_LABELS
from search.jobs import search as search_jobs

PAGE_SIZE = 20
FEED_SIZE = 20
REPORT_RATE = "10/h"


def pledges_by_employer(employer_ids):
    """{employer id: its newest active public pledge's reference}, in one query."""
    rows = (
        HiringPledge.objects.active()
        .public()
        .filter(employer_id__in=set(employer_ids))
        .order_by("employer_id", "signed_at", "pk")
        .values_list("employer_id", "reference")
    )
    return dict(rows)  # later rows win: the newest pledge of each employer


def job_board(request):
    # Searched only when the shared fragment of the board is rendered, not when it comes from
    # the cache (portal/fragments.py): the board is the same for everyone who asks the same.
    results = SimpleLazyObject(lambda: _board_results(request.GET))
    return render(
        request,
        "jobs/board/job_board.html",
        {
            "results": results,
            "jobs": lazy(lambda: results.jobs),
            "page_obj": results,
            "filter_query": lazy(lambda: results.filter_query),
            "facets": lazy(
                lambda: [(n, FACET_LABELS[n], options) for n, options in results.facets.items() if options]
            ),
            "sorts": list(SORT_LABELS.items()),
            "canonical_url": absolute_url(localise_path("/jobs/")),
            "board_key": query_key(request),
        },
    )


def _board_results(params):
    results = search_jobs(
        query=params.get("q", ""),
        filters=params,
        sort=params.get("sort", "relevance"),
        page=params.get("page", 1),
        per_page=PAGE_SIZE,
    )
    pledges = pledges_by_employer(job.employer_id for job in results.jobs)
    for job in results.jobs:
        job.pledge_reference = pledges.get(job.employer_id)
    return results


def _visible_job(job_id):
    jobs = JobListing.objects.published().select_related("employer", "occupation")
    return get_object_or_404(jobs, pk=job_id)


def _job_page(request, job, form=None, status=200):
    pledge = (
        HiringPledge.objects.active()
        .public()
        .filter(employer_id=job.employer_id)
        .order_by("-signed_at", "-pk")
        .first()
    )
    skills = list(job.skill_links.select_related("skill").order_by("-required", "skill__name"))
    certifications = list(
        job.certification_links.select_related("certification").order_by("-required", "certification__name")
    )
    return render(
        request,
        "jobs/board/job_page.html",
        {
            "job": job,
            "employer": job.employer,
            "pledge": pledge,
            "required_skills": [link.skill for link in skills if link.required],
            "preferred_skills": [link.skill for link in skills if not link.required],
            "required_certifications": [link.certification for link in certifications if link.required],
            "preferred_certifications": [link.certification for link in certifications if not link.required],
            "requirements": job.requirement_labels(),
            "panels": job_page_panels(job),  # what apps above jobs add (jobs/job_page_panels.py)
            "apply_methods": ApplyMethod,
            # what apps above jobs offer under "How to apply" (jobs/apply_options.py)
            "apply_options": apply_options(request, job) if job.apply_method == ApplyMethod.PORTAL else [],
            "form": form or ReportJobForm(),
            "jsonld": job_posting_json(job),
            "canonical_url": absolute_url(job.get_absolute_url()),
        },
        status=status,
    )


def job_page(request, job_id, slug):
    job = _visible_job(job_id)
    if slug != job.slug:
        return redirect(job.get_absolute_url(), permanent=True)
    return _job_page(request, job)


@require_POST
def report_job(request, job_id, slug):
    job = _visible_job(job_id)
    form = ReportJobForm(request.POST)
    if not hit("job-report", request, REPORT_RATE):
        form.is_valid()  # keep what was typed, shown again with the reason it was not sent
        form.add_error(None, _("Too many reports from your connection. Please try again in an hour."))
        return _job_page(request, job, form, status=429)
    if not form.is_valid():
        return _job_page(request, job, form, status=400)
    report = form.save(commit=False)
    report.job = job
    report.save()
    return render(request, "jobs/board/report_thanks.html", {"job": job})


class LatestJobsFeed(Feed):
    title = gettext_lazy("Second Chance Portal: fair-chance jobs")
    description = gettext_lazy("The newest jobs from verified employers who welcome people with convictions.")

    def link(self):
        return absolute_url(localise_path("/jobs/"))

    def feed_url(self):
        return absolute_url(localise_path("/jobs/feed/"))

    def items(self):
        return (
            JobListing.objects.published()
            .select_related("employer")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return f"{item.title} — {item.employer.name}"

    def item_description(self, item):
        """HTML, as RSS readers expect in a description: paragraphs and list items stay apart.

        The description goes out as the pages show it, cleaned again by nh3 (jobs.richtext);
        Truncator keeps the tags balanced when it cuts after 60 words.
        """
        where = item.where
        about = format_html(
            "<p>{} · {} · {}</p>", item.employer.name, where, item.get_employment_type_display()
        )
        return about + Truncator(str(item.description_html)).words(60, html=True)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.employer.name

    def item_categories(self, item):
        return [item.get_sector_display()]

    def item_guid(self, item):
        return tag_uri("job", item.pk)

    item_guid_is_permalink = False
