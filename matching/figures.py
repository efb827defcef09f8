"""Figures about matching that other parts of the portal show (the home page's live counter)."""

from matching.models import Hire


def hires():
    """People hired through the portal (recorded hires, whatever became of them since)."""
    return Hire.objects.count()
