"""Figures other parts of the portal show (the home page's live counters), and the wall's base set."""

from django.db.models import Exists, OuterRef

from .models import Employer, HiringPledge


def on_the_wall():
    """Verified employers with at least one active, public hiring pledge: the pledge wall's rows."""
    pledged = HiringPledge.objects.active().public().filter(employer=OuterRef("pk"))
    return Employer.objects.verified().filter(Exists(pledged))


def pledged_employers():
    return on_the_wall().count()


def open_jobs():
    """Job listings the public can see right now (the job board's own rule)."""
    from .models import JobListing

    return JobListing.objects.published().count()


def hires():
    """People hired through the portal (recorded hires, whatever became of them since)."""
    from .models import Hire

    return Hire.objects.count()
