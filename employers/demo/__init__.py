"""The demo's employers, jobs, example incentive schemes and programme providers with graduates
(portal/demo/__init__.py calls these after the stories and campaigns)."""

from ..incentive_examples import seed_example_schemes
from ..models import Employer, JobListing
from .employers import load_employers
from .jobs import load_jobs
from .partners import FIRST_PROVIDER, SECOND_PROVIDER, load_partners

ROLES = {
    "employer@example.org": "owner of Northern Bricks & Mortar (verified, pledged)",
    "recruiter@example.org": "recruiter at Northern Bricks & Mortar",
    "partner@example.org": f"coordinator at {FIRST_PROVIDER} (verified, with graduates)",
    "caseworker@example.org": f"case worker at {SECOND_PROVIDER} (verified, with graduates)",
}


def load(site):
    load_employers(site.users, staff=site.users["moderator@example.org"])
    load_jobs()
    seed_example_schemes()  # demo content only: production never shows the examples
    load_partners(site.users)


def report():
    return [
        f"{Employer.objects.verified().count()} verified employers, {Employer.objects.count()} in all.",
        f"{JobListing.objects.published().count()} published jobs, {JobListing.objects.count()} in all.",
    ]
