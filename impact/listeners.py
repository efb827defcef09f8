"""Counting what other apps do, through their signals: the impact app reaches into nobody."""

from django.dispatch import receiver
from django.utils import timezone

from matching.signals import matches_shown

from .models import MatchesShown


@receiver(matches_shown)
def count_matches_shown(sender, job, count, **kwargs):
    MatchesShown.record(timezone.localdate(), job.sector, job.region, count)
