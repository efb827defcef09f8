"""Published job listings: the job board's search and filters, and one listing by id.

The list goes through `search.jobs.search`, the one interface the board uses, so it sees what the
board sees (published, verified employer, not past closing) whichever engine answers.
"""

import enum

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from jobs.models import ApplyMethod, JobListing, RemoteOption
from search.jobs import MAX_QUERY_LENGTH
from search.jobs import search as search_jobs
from taxonomy.classifications import EmploymentType, SectorChoices

from .links import absolute, api_url, coded, region
from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, PAGE_DESCRIPTION, envelope, past_the_end
from .schemas import Error, JobDetail, JobPage, Region, ValidationErrorOut

router = Router(tags=["jobs"])


class Sort(enum.StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    CLOSING_SOON = "closing_soon"


class PostedWithin(enum.StrEnum):
    DAY = "1"
    WEEK = "7"
    MONTH = "30"


class JobFilters(Schema):
    q: str = Field("", max_length=MAX_QUERY_LENGTH, description="Words to look for.")
    sector: list[SectorChoices] = Field([], description="ISIC Rev.4 sections; a job matches any of them.")
    region: list[Region] = Field([], description="ISO 3166-2 subdivisions; a job matches any of them.")
    employment_type: list[EmploymentType] = Field([], description="A job matches any of them.")
    remote: list[RemoteOption] = Field([], description="A job matches any of them.")
    posted_within: PostedWithin | None = Field(None, description="Published in the last 1, 7 or 30 days.")
    sort: Sort = Sort.RELEVANCE
    page: int = Field(1, ge=1, le=MAX_PAGE, description=PAGE_DESCRIPTION)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def job_summary(request, job):
    employer = job.employer
    return {
        "id": job.pk,
        "title": job.title,
        "url": absolute(request, job.get_absolute_url()),
        "api_url": api_url(request, "job", job_id=job.pk),
        "employer": {
            "name": employer.name,
            "slug": employer.slug,
            "url": absolute(request, employer.get_absolute_url()),
            "api_url": api_url(request, "employer", slug=employer.slug),
        },
        "sector": coded(job.sector, job.get_sector_display()),
        "region": region(job.region) or coded("", ""),
        "place": job.place,
        "remote": coded(job.remote, job.get_remote_display()),
        "employment_type": coded(job.employment_type, job.get_employment_type_display()),
        "hours_per_week": job.hours_per_week,
        "pay": {
            "minimum": job.pay_min,
            "maximum": job.pay_max,
            "period": job.pay_period,
            "currency": job.pay_currency,
        },
        "published_at": job.published_at,
        "start_date": job.start_date,
        "closing_date": job.closing_date,
    }


def _facets(results):
    return {
        name: [{"value": str(o.value), "label": o.label, "count": o.count} for o in options]
        for name, options in results.facets.items()
    }


@router.get(
    "/jobs",
    response={200: JobPage, 422: ValidationErrorOut, 429: Error},
    url_name="jobs",
    summary="Published fair-chance jobs",
)
def list_jobs(request, filters: Query[JobFilters]):
    """Search published jobs as the job board does, one page at a time, with counts per filter."""
    results = search_jobs(
        query=filters.q,
        filters={
            "sector": [s.value for s in filters.sector],
            "region": [r.value for r in filters.region],
            "employment_type": [e.value for e in filters.employment_type],
            "remote": [r.value for r in filters.remote],
            "posted_within": [filters.posted_within.value] if filters.posted_within else [],
        },
        sort=filters.sort.value,
        page=filters.page,
        per_page=filters.page_size,
    )
    past_the_end(filters.page, results.num_pages)
    return {
        **envelope(request, results.page, results.per_page, results.total, results.num_pages),
        "results": [job_summary(request, job) for job in results.jobs],
        "facets": _facets(results),
    }


def _apply_url(request, job):
    if job.apply_method == ApplyMethod.URL and job.apply_url:
        return job.apply_url
    # By e-mail or through the portal: the job's page says how, without handing out an address.
    return absolute(request, job.get_absolute_url())


@router.get(
    "/jobs/{job_id}",
    response={200: JobDetail, 404: Error, 422: ValidationErrorOut, 429: Error},
    url_name="job",
    summary="One published job",
)
def job_detail(request, job_id: int = Path(..., ge=1, le=2**31 - 1)):
    """A published job with its description, skills, certifications and how to apply."""
    jobs = JobListing.objects.published().select_related("employer", "occupation").with_requirements()
    job = get_object_or_404(jobs, pk=job_id)
    occupation = job.occupation
    return {
        **job_summary(request, job),
        "description_html": str(job.description_html),
        "fair_chance_statement": job.fair_chance_statement,
        "occupation": coded(occupation.code, occupation.title) if occupation else None,
        "openings": job.openings,
        "skills": [{"name": link.skill.name, "required": link.required} for link in job.skill_links.all()],
        "certifications": [
            {"name": link.certification.name, "required": link.required}
            for link in job.certification_links.all()
        ],
        "declared_requirements": [str(label) for label in job.requirement_labels()],
        "apply_method": coded(job.apply_method, job.get_apply_method_display()),
        "apply_url": _apply_url(request, job),
    }
