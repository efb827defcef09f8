"""The demo's employers (portal/demo/__init__.py calls this after the stories and campaigns; the
jobs, partners, matching and incentives apps add theirs after it)."""

from employers.demo.employers import load_employers
from employers.models import Employer

ROLES = {
    "employer@example.org": "owner of Northern Bricks & Mortar (verified, pledged)",
    "recruiter@example.org": "recruiter at Northern Bricks & Mortar",
}


def load(site):
    load_employers(site.users, staff=site.users["moderator@example.org"])


def report():
    return [f"{Employer.objects.verified().count()} verified employers, {Employer.objects.count()} in all."]
