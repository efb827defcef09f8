"""The database engine of matching's candidate retrieval (called by `search.matching` only).

Hard filters run in SQL: the job side through JobListing.objects.published() and the
restriction flags; the graduate side through Graduate.objects.matchable(). The place rule runs
in SQL for jobs on every database (regions are a column), and for graduates on PostgreSQL (their
preferred regions are a JSON list: `@>` and `?|`); on SQLite the graduate side leaves it to
employers.matching, which re-checks every pair in Python anyway.

Ranking a graduate's jobs costs two or three queries whatever the number of jobs: the
candidates sharing a skill with the graduate (matched counts grouped in SQL), those sharing a
certification, and, unless the `limit`-th best of those already scores more on skills and
certifications than any job without one can score at all, the `limit` best of all candidates by
the preference part of the score alone (sector, employment type, availability, same region, in
CASE expressions). A job in none of these lists scores only its preference part, so it cannot
beat the `limit` best of the last.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, Value, When

from employers.models import (
    RESTRICTION_CLASHES,
    Graduate,
    JobCertification,
    JobListing,
    JobSkill,
    RemoteOption,
)

JOB_FIELDS = ("sector", "employment_type", "start_date", "region", "published_at")


@dataclass
class JobRow:
    pk: int
    sector: str
    employment_type: str
    start_date: object
    region: str
    published_at: object
    req_skills: int = 0
    pref_skills: int = 0
    req_certs: int = 0
    pref_certs: int = 0


class MatchingDatabaseEngine:
    name = "database"

    # Jobs for a graduate -------------------------------------------------------------------
    def candidate_jobs(self, graduate, regions=None):
        if not Graduate.objects.matchable().filter(pk=graduate.pk).exists():
            return JobListing.objects.none()
        return self._jobs_for(graduate, regions)

    def _jobs_for(self, graduate, regions=None):
        from employers.matching import place_regions

        regions = regions or place_regions(graduate)
        jobs = JobListing.objects.published()
        clashes = {
            job_field: False for field, job_field in RESTRICTION_CLASHES.items() if getattr(graduate, field)
        }
        if clashes:
            jobs = jobs.filter(**clashes)
        if not regions.anywhere:
            in_preferred = Q(region__in=sorted(regions.preferred))
            remote = Q(remote=RemoteOption.REMOTE)
            if not graduate.wants_remote:
                remote &= in_preferred
            if graduate.willing_to_relocate:
                on_site = ~Q(remote=RemoteOption.REMOTE)
            else:
                reachable = regions.preferred | regions.nearby
                on_site = ~Q(remote=RemoteOption.REMOTE) & Q(region__in=sorted(reachable))
            jobs = jobs.filter(remote | on_site)
        return jobs

    def job_ranking_rows(self, graduate, regions, skill_ids, certification_ids, limit):
        """See search.matching.job_ranking_rows; the caller has checked the graduate is matchable."""
        from employers.matching import WEIGHTS

        candidates = self._jobs_for(graduate, regions)

        def weighted(condition, weight):
            return Case(When(condition, then=Value(weight)), default=Value(0.0), output_field=FloatField())

        parts = []
        if graduate.preferred_sectors:
            parts.append(weighted(Q(sector__in=graduate.preferred_sectors), WEIGHTS["sector_preference"]))
        if graduate.preferred_employment_types:
            parts.append(
                weighted(
                    Q(employment_type__in=graduate.preferred_employment_types),
                    WEIGHTS["employment_type_preference"],
                )
            )
        parts.append(
            weighted(
                Q(start_date__isnull=True) | Q(start_date__gte=graduate.available_from),
                WEIGHTS["available_before_start"],
            )
            if graduate.available_from
            else Value(WEIGHTS["available_before_start"], output_field=FloatField())
        )
        if regions.preferred:
            parts.append(weighted(Q(region__in=sorted(regions.preferred)), WEIGHTS["same_region"]))
        preference = parts[0]
        for part in parts[1:]:
            preference = preference + part
        # The most any job can score without a shared skill or certification.
        ceiling = sum(
            WEIGHTS[name]
            for name, applies in (
                ("sector_preference", bool(graduate.preferred_sectors)),
                ("employment_type_preference", bool(graduate.preferred_employment_types)),
                ("available_before_start", True),
                ("same_region", bool(regions.preferred)),
            )
            if applies
        )
        order = [F("published_at").desc(nulls_last=True), F("pk").desc()]
        rows = {}
        related = [f"job__{name}" for name in JOB_FIELDS]

        # 1. Jobs sharing a skill or certification: matched counts grouped in SQL.
        def overlap(model, column, ids, req_name, pref_name):
            if not ids:
                return
            grouped = (
                model.objects.filter(job__in=candidates.values("pk"), **{f"{column}__in": sorted(ids)})
                .values("job_id", *related)
                .annotate(
                    req=Count("pk", filter=Q(required=True)), pref=Count("pk", filter=Q(required=False))
                )
                .order_by()
                .values_list("job_id", *related, "req", "pref")
            )
            for job_id, *fields, req, pref in grouped:
                row = rows.get(job_id) or rows.setdefault(job_id, JobRow(job_id, *fields))
                setattr(row, req_name, req)
                setattr(row, pref_name, pref)

        overlap(JobSkill, "skill_id", skill_ids, "req_skills", "pref_skills")
        overlap(JobCertification, "certification_id", certification_ids, "req_certs", "pref_certs")
        if len(rows) >= limit:
            # Skill and certification points alone: if the `limit`-th best already beats any
            # job without a shared skill or certification, the second query is not needed.
            points = sorted(
                (
                    row.req_skills * WEIGHTS["required_skill"]
                    + row.pref_skills * WEIGHTS["preferred_skill"]
                    + row.req_certs * WEIGHTS["required_certification"]
                    + row.pref_certs * WEIGHTS["preferred_certification"]
                    for row in rows.values()
                ),
                reverse=True,
            )
            if points[limit - 1] > ceiling:
                return list(rows.values())
        rows = list(rows.values())

        # 2. The best of all candidates by the preference part of the score alone.
        seen = {row.pk for row in rows}
        best = candidates.annotate(preference_score=preference).order_by(F("preference_score").desc(), *order)
        for pk, *fields in best.values_list("pk", *JOB_FIELDS)[:limit]:
            if pk not in seen:
                rows.append(JobRow(pk, *fields))
        return rows

    # Graduates for a job -------------------------------------------------------------------
    def candidate_graduates(self, job):
        if not JobListing.objects.published().filter(pk=job.pk).exists():
            return Graduate.objects.none()
        from employers.matching import region_ancestors, regions_under

        graduates = Graduate.objects.matchable()
        clashes = {
            field: False for field, job_field in RESTRICTION_CLASHES.items() if getattr(job, job_field)
        }
        if clashes:
            graduates = graduates.filter(**clashes)
        if connection.vendor == "postgresql":
            ancestors = region_ancestors(job.region)
            anywhere = Q(preferred_regions=[])
            in_preferred = Q()
            for code in [job.region, *ancestors]:
                in_preferred |= Q(preferred_regions__contains=[code])
            if job.remote == RemoteOption.REMOTE:
                place = anywhere | in_preferred | Q(wants_remote=True)
            else:
                # Travel: a preferred region whose parent is one of the job region's ancestors.
                siblings = set()
                for ancestor in ancestors:
                    siblings |= regions_under(ancestor)
                place = anywhere | in_preferred | Q(willing_to_relocate=True)
                if siblings:
                    place |= Q(willing_to_travel=True, preferred_regions__has_any_keys=sorted(siblings))
            graduates = graduates.filter(place)
        return graduates.order_by("reference")
