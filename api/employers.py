"""Verified employers with an active public hiring pledge: the pledge wall, as data.

Only what the wall and the profile show the public; never members, signatories or e-mails.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from employers.figures import MAX_SEARCH_LENGTH, filtered_wall, on_the_wall
from employers.models import HiringPledge
from employers.models.pledges import HiringPledgeCommitment
from taxonomy.classifications import SectorChoices, SizeBand

from .links import absolute, api_url, coded, region
from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, PAGE_DESCRIPTION, paginate
from .schemas import EmployerOut, EmployerPage, Error, Region, ValidationErrorOut

router = Router(tags=["employers"])


class WallFilters(Schema):
    q: str = Field("", max_length=MAX_SEARCH_LENGTH, description="Part of the employer's name.")
    sector: SectorChoices | None = Field(None, description="ISIC Rev.4 section.")
    region: Region | None = Field(
        None, description="Head office or operating in this ISO 3166-2 subdivision."
    )
    size: SizeBand | None = None
    page: int = Field(1, ge=1, le=MAX_PAGE, description=PAGE_DESCRIPTION)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def with_public_pledges(employers):
    """Each employer's active public pledges, newest first, with commitments: three queries in all."""
    commitments = HiringPledgeCommitment.objects.select_related("commitment")
    pledges = (
        HiringPledge.objects.active()
        .public()
        .order_by("-signed_at", "-pk")
        .prefetch_related(Prefetch("commitments", commitments))
    )
    return employers.prefetch_related(Prefetch("pledges", pledges, to_attr="public_pledges"))


def employer_out(request, employer):
    pledge = employer.public_pledges[0]
    return {
        "name": employer.name,
        "slug": employer.slug,
        "url": absolute(request, employer.get_absolute_url()),
        "api_url": api_url(request, "employer", slug=employer.slug),
        "sector": coded(employer.sector, employer.get_sector_display()),
        "size": coded(employer.size_band, employer.get_size_band_display()),
        "head_office_region": region(employer.head_office_region) or coded("", ""),
        "regions_of_operation": [region(code) for code in employer.regions_of_operation if code],
        "website": employer.website,
        "description": employer.description,
        "record_check_stage": coded(employer.record_check_stage, employer.get_record_check_stage_display()),
        "pledge": {
            "reference": pledge.reference,
            "signed_at": pledge.signed_at,
            "expires_at": pledge.expires_at,
            "verification_url": absolute(request, pledge.get_absolute_url()),
            "commitments": [
                {
                    "title": item.commitment.title,
                    "number": item.number,
                    "number_label": item.commitment.number_label if item.number is not None else "",
                }
                for item in pledge.commitments.all()
            ],
        },
    }


@router.get(
    "/employers",
    response={200: EmployerPage, 422: ValidationErrorOut, 429: Error},
    url_name="employers",
    summary="Employers on the pledge wall",
)
def list_employers(request, filters: Query[WallFilters]):
    """Verified employers with an active public hiring pledge, by name, filtered as the wall is."""
    params = {
        "q": filters.q,
        "sector": filters.sector.value if filters.sector else "",
        "region": filters.region.value if filters.region else "",
        "size": filters.size.value if filters.size else "",
    }
    employers, _active = filtered_wall(params)
    rows, page = paginate(
        request, with_public_pledges(employers).order_by("name", "pk"), filters.page, filters.page_size
    )
    # A pledge that expired between the two queries leaves its employer off this page.
    return {
        **page,
        "results": [employer_out(request, employer) for employer in rows if employer.public_pledges],
    }


@router.get(
    "/employers/{slug}",
    response={200: EmployerOut, 404: Error, 422: ValidationErrorOut, 429: Error},
    url_name="employer",
    summary="One employer on the pledge wall",
)
def employer_detail(request, slug: str = Path(..., max_length=180, pattern=r"^[-a-zA-Z0-9_]+$")):
    """An employer on the pledge wall, by the slug of its profile address."""
    employer = get_object_or_404(with_public_pledges(on_the_wall()), slug=slug)
    if not employer.public_pledges:  # expired a moment ago
        raise Http404
    return employer_out(request, employer)
