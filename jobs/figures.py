"""Figures about jobs that other parts of the portal show (the home page's live counter)."""

from jobs.models import JobListing


def open_jobs():
    """Job listings the public can see right now (the job board's own rule)."""
    return JobListing.objects.published().count()
