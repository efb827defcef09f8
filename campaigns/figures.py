"""Figures other parts of the portal show (the home page's live counters)."""

from .models import SupporterPledge


def confirmed_supporters():
    return SupporterPledge.objects.confirmed().count()
