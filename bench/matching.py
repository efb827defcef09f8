"""Time matching one graduate against 10,000 and 100,000 open jobs on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_matching .venv/bin/python bench/matching.py

The database named in DATABASE_URL is migrated and filled by this script (it creates it if it
is missing); never point it at a database you care about. Jobs are bulk-created with 3 to 5
skills each (a pool of 300 skills, some with synonyms) and sometimes a certification, spread
over a dozen regions. Prints p50/p95 of `employers.matching.jobs_for_graduate` and its query
count for a few kinds of graduate, and writes bench/results/matching.json.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_matching")

import django  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_JOB_SIZES", "10000,100000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
REGIONS = ["GB-MAN", "GB-LDS", "GB-BIR", "GB-LIV", "GB-SHF", "GB-BRD", "GB-KIR", "GB-CRF", "GB-GLG", "GB-EDH"]
SECTORS = ["F", "I", "H", "C", "G", "N", "Q"]
TYPES = ["full-time", "part-time", "temporary", "apprenticeship"]


def ensure_database():
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def taxonomy():
    from employers.models import Certification, Skill

    skills = [
        Skill.objects.get_or_create(
            name=f"Bench skill {n}", defaults={"synonyms": f"Bench alias {n}" if n % 10 == 0 else ""}
        )[0]
        for n in range(300)
    ]
    certs = [Certification.objects.get_or_create(name=f"Bench certificate {n}")[0] for n in range(20)]
    return skills, certs


def fill(size, skills, certs):
    """Bring the number of published bench jobs to `size`."""
    from django.db import transaction
    from django.utils import timezone

    from employers.models import Employer, JobCertification, JobListing, JobSkill

    employer, _ = Employer.objects.get_or_create(
        name="Bench Employer",
        defaults={"sector": "F", "size_band": "10-49", "head_office_region": "GB-MAN", "status": "verified"},
    )
    have = JobListing.objects.count()
    if have >= size:
        JobListing.objects.filter(
            pk__in=JobListing.objects.order_by("-pk").values("pk")[: have - size]
        ).delete()
        return
    rng = random.Random(size)
    now = timezone.now()
    with transaction.atomic():
        for start in range(have, size, 5000):
            batch = [
                JobListing(
                    employer=employer,
                    title=f"Bench job {n}",
                    slug=f"bench-job-{n}",
                    description="<p>A job.</p>",
                    sector=rng.choice(SECTORS),
                    region=rng.choice(REGIONS),
                    remote=rng.choice(["on-site"] * 8 + ["hybrid", "remote"]),
                    employment_type=rng.choice(TYPES),
                    status="published",
                    published_at=now - timezone.timedelta(minutes=n),
                    start_date=(now + timezone.timedelta(days=rng.randint(-10, 90))).date()
                    if n % 3
                    else None,
                    night_shifts=n % 17 == 0,
                    requires_driving=n % 11 == 0,
                )
                for n in range(start, min(size, start + 5000))
            ]
            JobListing.objects.bulk_create(batch)
            links, cert_links = [], []
            for job in batch:
                for skill in rng.sample(skills, rng.randint(3, 5)):
                    links.append(JobSkill(job=job, skill=skill, required=rng.random() < 0.6))
                if rng.random() < 0.3:
                    cert_links.append(JobCertification(job=job, certification=rng.choice(certs)))
            JobSkill.objects.bulk_create(links)
            JobCertification.objects.bulk_create(cert_links)


def graduates(skills, certs):
    import datetime

    from employers.models import Graduate, MatchingConsent, ProgrammeProvider

    provider, _ = ProgrammeProvider.objects.get_or_create(
        name="Bench Provider", defaults={"kind": "ngo", "region": "GB-MAN", "status": "verified"}
    )
    shapes = {
        "Manchester, travels (England)": {"preferred_regions": ["GB-MAN"], "willing_to_travel": True},
        "Manchester only, no night shifts": {"preferred_regions": ["GB-MAN"], "no_night_shifts": True},
        "willing to relocate (every job)": {"preferred_regions": ["GB-LDS"], "willing_to_relocate": True},
        "no region preference, remote": {"preferred_regions": [], "wants_remote": True},
    }
    result = {}
    for n, (name, fields) in enumerate(shapes.items()):
        graduate = Graduate.objects.filter(provider=provider, personal_statement=name).first()
        if graduate is None:
            graduate = Graduate.objects.create(
                provider=provider,
                personal_statement=name,
                preferred_sectors=["F", "C"],
                preferred_employment_types=["full-time"],
                available_from=datetime.date.today(),
                **fields,
            )
            graduate.extra_skills.add(*skills[n * 7 : n * 7 + 6], skills[0])  # skills[0] has a synonym
            graduate.certifications.add(certs[n])
            MatchingConsent.objects.create(graduate=graduate, given_on=datetime.date.today(), method="verbal")
        result[name] = graduate
    return result


def time_matching(people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from employers.matching import jobs_for_graduate

    rows = []
    for name, graduate in people.items():
        jobs_for_graduate(graduate)
        with CaptureQueriesContext(connection) as queries:
            matches = jobs_for_graduate(graduate)
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            jobs_for_graduate(graduate)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        rows.append(
            {
                "graduate": name,
                "matches": len(matches),
                "top_score": matches[0].score if matches else None,
                "queries": len(queries),
                "p50_ms": round(statistics.median(samples), 1),
                "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
            }
        )
    return rows


def main():
    ensure_database()
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from employers.models import JobListing
    from search import matching

    call_command("migrate", verbosity=0)
    skills, certs = taxonomy()
    people = graduates(skills, certs)
    report = {}
    for size in SIZES:
        fill(size, skills, certs)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        total = JobListing.objects.published().count()
        rows = time_matching(people)
        for row, graduate in zip(rows, people.values(), strict=True):
            row["candidates"] = matching.candidate_jobs(graduate).count()
        report[size] = {"open_jobs": total, "rounds": ROUNDS, "graduates": rows}
        print(f"\n{total} open jobs, {ROUNDS} rounds each: jobs_for_graduate(limit=20)")
        print(f"{'graduate':36} {'candidates':>10} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for row in rows:
            print(
                f"{row['graduate']:36} {row['candidates']:>10} {row['queries']:>7} "
                f"{row['p50_ms']:>8} {row['p95_ms']:>8}"
            )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "matching.json").write_text(json.dumps(report, indent=2))
    print("written bench/results/matching.json")


if __name__ == "__main__":
    main()
