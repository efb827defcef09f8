"""Published stories and campaigns: summaries and links to their pages.

Only live pages outside every view restriction, as the site lists them (portal.visibility).
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from ninja import Field, Query, Router, Schema

from campaigns.models import CampaignPage, SupporterPledge
from portal.visibility import visible
from stories.models import ProgrammeType, StoryPage

from .links import coded, page_url, region
from .pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, PAGE_DESCRIPTION, paginate
from .schemas import CampaignPage as CampaignPageOut
from .schemas import Error, Region, ValidationErrorOut
from .schemas import StoryPage as StoryPageOut

router = Router(tags=["stories and campaigns"])


class Paging(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description=PAGE_DESCRIPTION)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class StoryFilters(Paging):
    theme: str = Field("", max_length=80, description="The slug of a theme.")
    programme_type: ProgrammeType | None = None
    region: Region | None = Field(None, description="ISO 3166-2 subdivision.")


def story_out(request, story):
    return {
        "id": story.pk,
        "title": story.title,
        "standfirst": story.standfirst,
        "url": page_url(request, story),
        "themes": [{"name": theme.name, "slug": theme.slug} for theme in story.themes.all()],
        "programme_type": (
            coded(story.programme_type, story.get_programme_type_display()) if story.programme_type else None
        ),
        "region": region(story.region),
        "first_published_at": story.first_published_at,
        "last_published_at": story.last_published_at,
    }


@router.get(
    "/stories",
    response={200: StoryPageOut, 422: ValidationErrorOut, 429: Error},
    url_name="stories",
    summary="Published success stories",
)
def list_stories(request, filters: Query[StoryFilters]):
    """Published success stories, newest first."""
    stories = visible(StoryPage.objects.all()).prefetch_related("themes")
    if filters.theme:
        stories = stories.filter(themes__slug=filters.theme).distinct()
    if filters.programme_type:
        stories = stories.filter(programme_type=filters.programme_type.value)
    if filters.region:
        stories = stories.filter(region=filters.region.value)
    rows, page = paginate(
        request, stories.order_by("-first_published_at", "-pk"), filters.page, filters.page_size
    )
    return {**page, "results": [story_out(request, story) for story in rows]}


def campaign_out(request, campaign):
    return {
        "id": campaign.pk,
        "title": campaign.title,
        "introduction": campaign.introduction,
        "url": page_url(request, campaign),
        "phase": campaign.phase,
        "start_date": campaign.start_date,
        "end_date": campaign.end_date,
        "audiences": [
            {"name": audience.name, "slug": audience.slug} for audience in campaign.audiences.all()
        ],
        "supporter_target": campaign.supporter_target,
        "confirmed_supporters": campaign.confirmed_count,
        "first_published_at": campaign.first_published_at,
    }


@router.get(
    "/campaigns",
    response={200: CampaignPageOut, 422: ValidationErrorOut, 429: Error},
    url_name="campaigns",
    summary="Published campaigns",
)
def list_campaigns(request, filters: Query[Paging]):
    """Published campaigns, the latest to start first, with their confirmed supporters."""
    # A correlated count, as on the campaign index: one query whatever the number of supporters.
    confirmed = (
        SupporterPledge.objects.confirmed()
        .filter(campaign=OuterRef("pk"))
        .order_by()
        .values("campaign")
        .annotate(count=Count("pk"))
        .values("count")
    )
    campaigns = (
        visible(CampaignPage.objects.all())
        .prefetch_related("audiences")
        .annotate(confirmed_count=Coalesce(Subquery(confirmed), 0))
        .order_by("-start_date", "-pk")
    )
    rows, page = paginate(request, campaigns, filters.page, filters.page_size)
    return {**page, "results": [campaign_out(request, campaign) for campaign in rows]}
