"""Fill the bench database with a national programme's worth of data, reproducibly.

    .venv/bin/python bench/generate.py                 # 100,000 jobs ... 200,000 supporters
    .venv/bin/python bench/generate.py --scale 0.05    # a quick run at 5 %
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/other .venv/bin/python bench/generate.py

Drops and re-creates the database named in DATABASE_URL (default portal_bench_national), migrates
it and loads the demo content (home page, indexes, taxonomy, demo accounts), then adds at full
scale 5,000 employers, 100,000 job listings with their skills and certifications, 1,500 hiring
pledges, 10,000 graduates with consents, 2,000 stories, 20 campaigns and 200,000 supporters.
Rows go through the real models: bulk_create in batches for plain tables, Page.save() with tree
paths computed here for Wagtail pages (treebeard's add_child looks up the last child and updates
the parent for every page), so every page is valid and live. The same --seed gives the same data.
"""

import argparse
import datetime
import random
import resource
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

FULL_SCALE = {
    "employers": 5_000,
    "jobs": 100_000,
    "pledges": 1_500,
    "graduates": 10_000,
    "stories": 2_000,
    "campaigns": 20,
    "supporters": 200_000,
}
BATCH = 5_000

TITLES = [
    "Chef de partie",
    "Commis chef",
    "Kitchen porter",
    "Line cook",
    "Warehouse operative",
    "Forklift driver",
    "Picker packer",
    "Delivery driver",
    "Groundworker",
    "Bricklayer's labourer",
    "Scaffolder",
    "Site labourer",
    "Painter and decorator",
    "Plasterer",
    "Electrician's mate",
    "Retail assistant",
    "Barista",
    "Cleaner",
    "Caretaker",
    "Customer service adviser",
    "Call centre agent",
    "Care assistant",
    "Gardener",
    "Landscaper",
    "Recycling operative",
    "Production operative",
    "Machine operator",
    "Welder",
    "Mechanic apprentice",
    "Joiner",
    "Van driver",
    "Stock controller",
    "Housekeeper",
    "Hotel porter",
    "Waiter",
    "Bar staff",
    "Barber",
    "Bike mechanic",
    "Roofer",
    "Plumber's mate",
]
WORDS = [
    "team",
    "shift",
    "training",
    "support",
    "kitchen",
    "warehouse",
    "site",
    "customers",
    "safety",
    "tools",
    "weekly",
    "pay",
    "mentor",
    "induction",
    "fair",
    "chance",
    "friendly",
    "supervisor",
    "morning",
    "evening",
    "weekend",
    "contract",
    "local",
    "community",
    "hours",
    "learning",
    "qualification",
    "progression",
    "uniform",
    "transport",
    "canteen",
    "pension",
    "holiday",
    "overtime",
    "stock",
    "orders",
    "delivery",
    "quality",
    "cleaning",
    "cooking",
    "service",
    "building",
]
PLACES = [
    "Salford",
    "Stockport",
    "Leeds",
    "Bradford",
    "Sheffield",
    "Liverpool",
    "Birmingham",
    "Coventry",
    "Cardiff",
    "Swansea",
    "Glasgow",
    "Edinburgh",
    "Belfast",
    "Bristol",
    "Norwich",
    "Hull",
    "York",
    "Derby",
    "Leicester",
    "Nottingham",
    "Newcastle",
    "Sunderland",
    "Plymouth",
]
FIRST_NAMES = ["Amira", "Joe", "Grace", "Wei", "Olu", "Hannah", "Ravi", "Maya", "Tom", "Aisha"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=8, help="same seed, same data (default 8)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of full scale (default 1)")
    parser.add_argument("--keep", action="store_true", help="do not drop the database first")
    return parser.parse_args(argv)


def counts(scale):
    return {name: max(1, int(round(number * scale))) for name, number in FULL_SCALE.items()}


class Generator:
    def __init__(self, seed, sizes):
        self.rng = random.Random(seed)
        self.sizes = sizes
        self.seed = seed
        from django.utils import timezone

        self.now = timezone.now()
        self.today = timezone.localdate()

    # Shared pools -----------------------------------------------------------------------------
    def pools(self):
        from employers.models import Certification, PledgeCommitment, Skill
        from employers.taxonomy import SectorChoices
        from portal.regions import region_choices

        codes = sorted(code for code, _name in region_choices())
        # Jobs cluster in some regions, as they do: a few dozen busy ones and a long tail.
        self.regions = codes
        self.busy_regions = self.rng.sample(codes, 40)
        self.sectors = list(SectorChoices.values)
        self.skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
        self.certifications = list(Certification.objects.order_by("pk").values_list("pk", flat=True))
        self.commitments = list(PledgeCommitment.objects.order_by("pk"))
        if len(self.skills) < 50:  # the seeded taxonomy is small: add bench skills, some with synonyms
            Skill.objects.bulk_create(
                Skill(name=f"Bench skill {n}", synonyms=f"Bench alias {n}" if n % 10 == 0 else "")
                for n in range(300)
            )
            self.skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
        if len(self.certifications) < 10:
            Certification.objects.bulk_create(Certification(name=f"Bench certificate {n}") for n in range(20))
            self.certifications = list(Certification.objects.order_by("pk").values_list("pk", flat=True))

    def region(self):
        return (
            self.rng.choice(self.busy_regions) if self.rng.random() < 0.8 else self.rng.choice(self.regions)
        )

    def words(self, low, high):
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    # Employers, jobs, pledges -------------------------------------------------------------------
    def employers(self):
        from employers.models import Employer

        total = self.sizes["employers"]
        with common.Progress("employers", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    verified = self.rng.random() < 0.92
                    batch.append(
                        Employer(
                            name=f"{self.rng.choice(PLACES)} {self.rng.choice(WORDS).title()} Ltd {n}",
                            slug=f"bench-employer-{n}",
                            sector=self.rng.choice(self.sectors),
                            size_band=self.rng.choice(["1-9", "10-49", "50-249", "250-999", "1000+"]),
                            head_office_region=self.region(),
                            description=self.words(10, 40),
                            status=Employer.Status.VERIFIED if verified else Employer.Status.PENDING,
                        )
                    )
                Employer.objects.bulk_create(batch)
                bar.advance(len(batch))
        self.employer_ids = list(
            Employer.objects.filter(slug__startswith="bench-employer-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    def jobs(self):
        from employers.models import JobCertification, JobListing, JobSkill

        total = self.sizes["jobs"]
        statuses = ["published"] * 85 + ["draft"] * 5 + ["pending"] * 4 + ["closed"] * 6
        types = ["full-time"] * 5 + ["part-time"] * 3 + ["temporary", "apprenticeship", "work-placement"]
        with common.Progress("jobs", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    title = self.rng.choice(TITLES)
                    status = self.rng.choice(statuses)
                    published = status in ("published", "closed")
                    batch.append(
                        JobListing(
                            employer_id=self.rng.choice(self.employer_ids),
                            title=title,
                            slug=f"{title.lower().replace(' ', '-').replace(chr(39), '')}-{n}",
                            description=f"<p>{self.words(30, 90)}</p><p>{self.words(10, 40)}</p>",
                            sector=self.rng.choice(self.sectors),
                            region=self.region(),
                            place=self.rng.choice(PLACES),
                            remote=self.rng.choice(["on-site"] * 8 + ["hybrid", "remote"]),
                            employment_type=self.rng.choice(types),
                            status=status,
                            published_at=self.now
                            - datetime.timedelta(minutes=self.rng.randint(0, 90 * 24 * 60))
                            if published
                            else None,
                            start_date=self.today + datetime.timedelta(days=self.rng.randint(-10, 90))
                            if self.rng.random() < 0.6
                            else None,
                            closing_date=self.today + datetime.timedelta(days=self.rng.randint(-20, 60))
                            if self.rng.random() < 0.5
                            else None,
                            night_shifts=self.rng.random() < 0.06,
                            requires_driving=self.rng.random() < 0.09,
                            handles_cash=self.rng.random() < 0.1,
                            works_with_vulnerable_people=self.rng.random() < 0.04,
                            pay_min=self.rng.randint(11, 14),
                            pay_max=self.rng.randint(14, 20),
                        )
                    )
                JobListing.objects.bulk_create(batch)
                skills, certifications = [], []
                for job in batch:
                    for skill in self.rng.sample(self.skills, self.rng.randint(3, 5)):
                        skills.append(JobSkill(job=job, skill_id=skill, required=self.rng.random() < 0.6))
                    if self.rng.random() < 0.3:
                        certifications.append(
                            JobCertification(
                                job=job,
                                certification_id=self.rng.choice(self.certifications),
                                required=self.rng.random() < 0.5,
                            )
                        )
                JobSkill.objects.bulk_create(skills)
                JobCertification.objects.bulk_create(certifications)
                bar.advance(len(batch))

    def pledges(self):
        from employers.models import HiringPledge, HiringPledgeCommitment
        from employers.models.pledges import PLEDGE_TERM

        total = min(self.sizes["pledges"], len(self.employer_ids))
        signers = self.rng.sample(self.employer_ids, total)
        with common.Progress("pledges", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    signed = self.now - datetime.timedelta(days=self.rng.randint(0, 300))
                    batch.append(
                        HiringPledge(
                            reference=f"HP-BENCH-{n:05d}",
                            employer_id=signers[n],
                            signatory_name=f"{self.rng.choice(FIRST_NAMES)} Signer",
                            signatory_title="Director",
                            authority_confirmed=True,
                            is_public=self.rng.random() < 0.9,
                            signed_at=signed,
                            expires_at=signed + PLEDGE_TERM,
                        )
                    )
                HiringPledge.objects.bulk_create(batch)
                HiringPledgeCommitment.objects.bulk_create(
                    HiringPledgeCommitment(
                        pledge=pledge, commitment=commitment, number=self.rng.randint(1, 5)
                    )
                    for pledge in batch
                    for commitment in self.rng.sample(self.commitments, min(2, len(self.commitments)))
                )
                bar.advance(len(batch))

    # Graduates --------------------------------------------------------------------------------
    def graduates(self):
        from employers.models import Graduate, MatchingConsent, ProgrammeProvider

        providers = ProgrammeProvider.objects.bulk_create(
            ProgrammeProvider(
                name=f"Bench provider {n}",
                kind=self.rng.choice(["prison", "probation", "ngo", "training"]),
                region=self.region(),
                status=ProgrammeProvider.Status.VERIFIED,
            )
            for n in range(50)
        )
        total = self.sizes["graduates"]
        references = set(Graduate.objects.values_list("reference", flat=True))
        alphabet = "".join(c for c in string.ascii_uppercase + string.digits if c not in "01IO")
        extra_skill = Graduate.extra_skills.through
        held = Graduate.certifications.through
        with common.Progress("graduates", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for _n in range(start, min(total, start + BATCH)):
                    reference = None
                    while reference is None or reference in references:
                        code = "".join(self.rng.choice(alphabet) for _ in range(8))
                        reference = f"G-{code[:4]}-{code[4:]}"
                    references.add(reference)
                    batch.append(
                        Graduate(reference=reference, provider=self.rng.choice(providers), **self.place())
                    )
                Graduate.objects.bulk_create(batch)
                MatchingConsent.objects.bulk_create(
                    MatchingConsent(
                        graduate=graduate,
                        given_on=self.today - datetime.timedelta(days=self.rng.randint(0, 300)),
                        method="verbal",
                    )
                    for graduate in batch
                )
                extra_skill.objects.bulk_create(
                    extra_skill(graduate_id=graduate.pk, skill_id=skill)
                    for graduate in batch
                    for skill in self.rng.sample(self.skills, self.rng.randint(2, 8))
                )
                held.objects.bulk_create(
                    held(graduate_id=graduate.pk, certification_id=self.rng.choice(self.certifications))
                    for graduate in batch
                    if self.rng.random() < 0.4
                )
                bar.advance(len(batch))

    def place(self):
        """Preferences of one graduate: most want one or two regions, some are open to most."""
        kind = self.rng.random()
        fields = {
            "preferred_sectors": self.rng.sample(self.sectors, self.rng.randint(0, 3)),
            "preferred_employment_types": self.rng.sample(
                ["full-time", "part-time", "temporary"], self.rng.randint(0, 2)
            ),
            "available_from": self.today + datetime.timedelta(days=self.rng.randint(-30, 60)),
            "no_night_shifts": self.rng.random() < 0.2,
            "no_driving": self.rng.random() < 0.3,
            "no_cash_handling": self.rng.random() < 0.1,
            "status": "seeking" if self.rng.random() < 0.9 else "placed",
        }
        if kind < 0.45:
            fields["preferred_regions"] = [self.region()]
        elif kind < 0.65:
            fields.update(preferred_regions=[self.region()], willing_to_travel=True)
        elif kind < 0.75:
            fields["preferred_regions"] = [self.region(), self.region()]
        elif kind < 0.85:
            fields.update(preferred_regions=[self.region()], willing_to_relocate=True)
        elif kind < 0.93:
            fields["preferred_regions"] = []
        else:
            fields.update(preferred_regions=[self.region()], wants_remote=True)
        return fields

    # Pages ------------------------------------------------------------------------------------
    def add_pages(self, parent, pages, label):
        """Save new children of `parent` with tree paths computed here, one INSERT pair each."""
        from wagtail.models import Page

        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        step = int(last.path[-Page.steplen :], 36) if last else 0
        with common.Progress(label, len(pages)) as bar:
            for page in pages:
                step += 1
                page.path = Page._get_path(parent.path, parent.depth + 1, step)
                page.depth = parent.depth + 1
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.live = True
                page.has_unpublished_changes = False
                page.first_published_at = page.last_published_at = page.first_published_at or self.now
                page.draft_title = page.title
                page.locale_id = parent.locale_id
                page.save(clean=False)
                bar.advance()
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))

    def stories(self):
        from wagtail.rich_text import RichText

        from stories.models import StoryConsent, StoryIndexPage, StoryPage, Theme

        index = StoryIndexPage.objects.get()
        themes = list(Theme.objects.all())
        consent = StoryConsent.objects.create(
            subject_reference="BENCH-001",
            given_on=self.today - datetime.timedelta(days=30),
            expires_on=self.today + datetime.timedelta(days=3 * 365),
        )
        pages = []
        for n in range(self.sizes["stories"]):
            name = self.rng.choice(FIRST_NAMES)
            title = f"{name} found work as a {self.rng.choice(TITLES).lower()}"
            page = StoryPage(
                title=title,
                slug=f"bench-story-{n}",
                display_name=name,
                standfirst=self.words(12, 30).capitalize() + ".",
                programme_type="",
                region=self.region(),
                consent=consent,
                first_published_at=self.now - datetime.timedelta(hours=n),
                body=[
                    ("paragraph", RichText(f"<p>{self.words(40, 120)}</p>")),
                    ("quote", {"quote": self.words(8, 20).capitalize() + ".", "attribution": name}),
                    ("paragraph", RichText(f"<p>{self.words(40, 120)}</p>")),
                ],
            )
            page.themes = self.rng.sample(themes, min(2, len(themes)))
            pages.append(page)
        self.add_pages(index, pages, "stories")

    def campaigns(self):
        from campaigns.models import Audience, CampaignIndexPage, CampaignPage, SupporterPledge

        index = CampaignIndexPage.objects.get()
        audiences = list(Audience.objects.all())
        pages = []
        for n in range(self.sizes["campaigns"]):
            start = self.today - datetime.timedelta(days=self.rng.randint(-30, 300))
            page = CampaignPage(
                title=f"Second chances in {self.rng.choice(PLACES)} {n}",
                slug=f"bench-campaign-{n}",
                introduction=self.words(12, 30).capitalize() + ".",
                start_date=start,
                end_date=start + datetime.timedelta(days=self.rng.randint(60, 500)),
                supporter_target=self.rng.choice([1_000, 5_000, 20_000]),
                body=[
                    ("hero", {"heading": "Open a door", "text": self.words(8, 16)}),
                    ("pledge_form", {"heading": "Pledge your support", "text": self.words(6, 12)}),
                ],
            )
            page.audiences = self.rng.sample(audiences, min(2, len(audiences)))
            pages.append(page)
        self.add_pages(index, pages, "campaigns")
        ids = [page.pk for page in pages]
        total = self.sizes["supporters"]
        with common.Progress("supporters", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    confirmed = self.rng.random() < 0.9
                    shown = self.rng.random() < 0.3
                    batch.append(
                        SupporterPledge(
                            campaign_id=self.rng.choice(ids),
                            email=f"supporter{n}@bench.example.org",
                            name=self.rng.choice(FIRST_NAMES) if shown else "",
                            show_name=shown,
                            region=self.region(),
                            status="confirmed" if confirmed else "pending",
                            confirmed_at=self.now - datetime.timedelta(minutes=n) if confirmed else None,
                        )
                    )
                SupporterPledge.objects.bulk_create(batch)
                bar.advance(len(batch))


def generate(seed=8, scale=1.0, fresh=True):
    import os

    for name, value in common.BENCH_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    common.ensure_database(os.environ["DATABASE_URL"], fresh=fresh)
    common.configure()
    import logging

    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction

    logging.getLogger("wagtail").setLevel(logging.WARNING)  # not a line per page created
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    sizes = counts(scale)
    generator = Generator(seed, sizes)
    with transaction.atomic():
        generator.pools()
        generator.employers()
        generator.jobs()
        generator.pledges()
        generator.graduates()
    with transaction.atomic():
        generator.stories()
        generator.campaigns()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load
    cache.clear()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seconds = time.monotonic() - started
    summary = {
        "seed": seed,
        "scale": scale,
        **sizes,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_mb),
    }
    print(", ".join(f"{name} {value}" for name, value in summary.items()))
    return summary


def main():
    args = parse_args()
    generate(seed=args.seed, scale=args.scale, fresh=not args.keep)


if __name__ == "__main__":
    main()
