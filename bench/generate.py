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
The rows of each domain are built in bench/rows_employers.py, rows_partners.py and rows_pages.py.
"""

import argparse
import random
import resource
import sys
import time
from pathlib import Path

from django.conf import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
from rows_employers import EmployerRows
from rows_pages import PageRows
from rows_partners import PartnerRows
from vocabulary import WORDS

FULL_SCALE = {
    "employers": 5_000,
    "jobs": 100_000,
    "pledges": 1_500,
    "graduates": 10_000,
    "stories": 2_000,
    "campaigns": 20,
    "supporters": 200_000,
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=8, help="same seed, same data (default 8)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of full scale (default 1)")
    parser.add_argument("--keep", action="store_true", help="do not drop the database first")
    return parser.parse_args(argv)


def counts(scale):
    return {name: max(1, int(round(number * scale))) for name, number in FULL_SCALE.items()}


class Generator(EmployerRows, PartnerRows, PageRows):
    """Every domain's rows (bench/rows_*.py) from one random source, so one seed gives one
    database; the pools they draw from (regions, sectors, skills, certifications) made here."""

    def __init__(self, seed, sizes):
        self.rng = random.Random(seed)
        self.sizes = sizes
        self.seed = seed
        from django.utils import timezone

        self.now = timezone.now()
        self.today = timezone.localdate()

    # Shared pools -----------------------------------------------------------------------------
    def pools(self):
        from employers.models import PledgeCommitment
        from portal.regions import region_choices
        from taxonomy.classifications import SectorChoices
        from taxonomy.models import Certification, Skill

        codes = sorted(code for code, _name in region_choices())
        # Jobs cluster in some regions, as they do: a few dozen busy ones and a long tail.
        self.regions = codes
        self.busy_regions = self.rng.sample(codes, 40)
        self.sectors = list(SectorChoices.values)
        self.skills = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
        self.certifications = list(Certification.objects.order_by("pk").values_list("pk", flat=True))
        self.commitments = list(
            PledgeCommitment.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk")
        )
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
