"""Demo employers: 30 organisations across sectors and regions, most verified, most pledged."""

import random

from django.utils import timezone

from employers.models import Employer, HiringPledge, Membership, PledgeCommitment
from portal.demo import translated_content, translations

NAMES = [
    ("Northern Bricks & Mortar", "F"),
    ("Second Helping Catering", "I"),
    ("Riverside Logistics", "H"),
    ("Greenfield Growers", "A"),
    ("Brightclean Services", "N"),
    ("Forge Metalworks", "C"),
    ("Corner Shop Collective", "G"),
    ("Caring Hands Homecare", "Q"),
    ("ByteStart IT", "J"),
    ("Harbour Hotels", "I"),
    ("Steel City Fabrication", "C"),
    ("Fresh Loaf Bakery", "C"),
    ("Open Road Haulage", "H"),
    ("Evergreen Landscapes", "A"),
    ("Sparkle Facilities", "N"),
    ("Union Street Cafe", "I"),
    ("Keystone Construction", "F"),
    ("Parcelwise Couriers", "H"),
    ("Meadow Dairy Co-op", "C"),
    ("Thrift & Threads", "G"),
    ("Hilltop Care Homes", "Q"),
    ("CodeBridge Digital", "J"),
    ("Grand Avenue Hotel", "I"),
    ("Timberline Joinery", "F"),
    ("Citywide Cleaning", "N"),
    ("Market Street Grocers", "G"),
    ("Tyne Recycling", "E"),
    ("Clyde Packaging", "C"),
    ("Lakeside Leisure", "R"),
    ("Old Mill Brewery", "C"),
]
REGIONS = ["GB-MAN", "GB-LDS", "GB-BIR", "GB-GLG", "GB-CRF", "GB-BST", "GB-LIV", "GB-NET", "GB-BFS", "GB-EDH"]
SIZES = ["1-9", "10-49", "50-249", "250-999", "1000+"]
STAGES = ["never", "where-required", "after-interview", "after-offer"]
PENDING_EVERY = 7  # every seventh is still waiting for verification


def load_employers(users, staff):
    """Create the demo employers once; `users` maps e-mail to demo user."""
    translate_commitments()
    if Employer.objects.exists():
        return
    rng = random.Random(2026)  # nosec B311 # reproducible demo data, not a secret
    commitments = list(PledgeCommitment.objects.current())
    now = timezone.now()
    for number, (name, sector) in enumerate(NAMES):
        employer = Employer.objects.create(
            name=name,
            registration_number=f"DEMO{number + 1:05d}",
            sector=sector,
            size_band=SIZES[number % len(SIZES)],
            head_office_region=REGIONS[number % len(REGIONS)],
            regions_of_operation=sorted(rng.sample(REGIONS, 2)),
            website=f"https://{name.lower().replace(' ', '-').replace('&', 'and')}.example.org",
            description=f"{name} hires for skills and attitude, and supports people starting again.",
            record_check_stage=STAGES[number % len(STAGES)],
        )
        if number == 0:
            Membership.objects.create(employer=employer, user=users["employer@example.org"], role="owner")
            Membership.objects.create(
                employer=employer, user=users["recruiter@example.org"], role="recruiter"
            )
        if number % PENDING_EVERY == PENDING_EVERY - 1:
            continue
        employer.verify(by=staff, reason="Checked against the public register (demo).")
        if number % 5 == 4:
            continue  # verified, not yet pledged
        chosen = rng.sample(commitments, rng.randint(2, 4)) if number else commitments[:4]
        pledge = HiringPledge.sign(
            employer=employer,
            user=users["employer@example.org"] if number == 0 else None,
            commitments={c: (rng.randint(2, 12) if c.needs_number else None) for c in chosen},
            signatory_name="Jordan Example" if number == 0 else f"Director of {name}",
            signatory_title="Managing director",
            is_public=number % 9 != 8,
        )
        # Spread signing dates over the past months so renewals and progress are visible.
        signed = now - timezone.timedelta(days=15 * number)
        HiringPledge.objects.filter(pk=pledge.pk).update(
            signed_at=signed, expires_at=signed + timezone.timedelta(days=365)
        )


def translate_commitments():
    """The pledge commitments in French, Spanish and Arabic (once), as an editor makes them."""
    for commitment in PledgeCommitment.objects.current():
        for code, (title, number_label) in translated_content.COMMITMENTS.get(commitment.title, {}).items():
            translations.translate_snippet(
                commitment, code, title=title, number_label=number_label if commitment.number_label else ""
            )
