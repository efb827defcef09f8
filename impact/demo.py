"""Demo data for the impact dashboard: supporters spread over the year, and matches shown."""

import datetime
import random

from django.utils import timezone

from campaigns.models import SupporterPledge
from impact.models import MatchesShown
from jobs.models import JobListing


def load_impact():
    """Once: the demo's supporters all confirmed within minutes, which draws no line over time."""
    if MatchesShown.objects.exists():
        return
    rng = random.Random(9)  # nosec B311 # demo data, not security
    now = timezone.now()
    year_ago = now - datetime.timedelta(days=330)
    pledges = list(SupporterPledge.objects.confirmed().select_related("campaign").order_by("pk"))
    for pledge in pledges:
        started = datetime.datetime.combine(pledge.campaign.start_date, datetime.time(9), tzinfo=datetime.UTC)
        since = max(started, year_ago)
        until = now
        if pledge.campaign.end_date:
            ended = datetime.datetime.combine(
                pledge.campaign.end_date, datetime.time(18), tzinfo=datetime.UTC
            )
            until = min(now, ended)
        if since >= until:
            continue
        # More people join as a campaign goes on: skew towards the recent end.
        share = rng.random() ** 0.6
        pledge.confirmed_at = since + (until - since) * share
    SupporterPledge.objects.bulk_update(pledges, ["confirmed_at"], batch_size=500)

    places = sorted({(job.sector, job.region) for job in JobListing.objects.published()})
    today = timezone.localdate()
    counters = [
        MatchesShown(
            day=today - datetime.timedelta(days=days),
            sector=sector,
            region=region,
            pages=pages,
            profiles=pages * rng.randint(2, 8),
        )
        for days in range(0, 90, 3)
        for sector, region in places
        if (pages := rng.randint(0, 3))
    ]
    MatchesShown.objects.bulk_create(counters, ignore_conflicts=True)


def load(site):
    load_impact()
