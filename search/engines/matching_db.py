"""The database engine of matching's candidate retrieval (called by `search.matching` only).

Hard filters run in SQL: the job side through JobListing.objects.published() and the
restriction flags; the graduate side through Graduate.objects.matchable(). The place rule runs
in SQL for jobs on every database (regions are a column), and for graduates on PostgreSQL (their
preferred regions are a JSON list: `@>` and `?|`); on SQLite the graduate side leaves it to
matching.scoring, which re-checks every pair in Python anyway.

Ranking a graduate's jobs costs two queries whatever the number of jobs: one statement scores
every candidate (the preference part in CASE expressions, plus the weighted counts of shared
skills and certifications, grouped first and joined one row per job) and returns the top
`limit` in the final order, then the fields the score reads for those jobs.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, FloatField, Q, Value, When

from jobs.models import JobCertification, JobListing, JobSkill, RemoteOption
from matching.places import place_regions
from matching.scoring import WEIGHTS
from partners.models import RESTRICTION_CLASHES, Graduate
from portal.regions import region_ancestors, regions_under

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
        regions = regions or place_regions(graduate)
        jobs = JobListing.objects.published()
        # A job seeker (seekers app) declares no work restrictions: the flags are a graduate's.
        clashes = {
            job_field: False
            for field, job_field in RESTRICTION_CLASHES.items()
            if getattr(graduate, field, False)
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
        # The whole ranking in one statement: each candidate's preference part (above), plus the
        # weighted counts of the graduate's skills and certifications it asks for (grouped
        # first, then joined one row per job), ordered by score, required skills, newest; only
        # the top `limit` rows come back, whatever the number of candidates.
        base_sql, base_params = (
            candidates.annotate(preference=preference)
            .order_by()
            .values_list("pk", *JOB_FIELDS, "preference")
            .query.sql_with_params()
        )
        joins, join_params, counts, points, weights = [], [], [], ["c.preference"], []
        shared = (
            ("s", JobSkill, "skill_id", skill_ids, ("required_skill", "preferred_skill")),
            (
                "k",
                JobCertification,
                "certification_id",
                certification_ids,
                ("required_certification", "preferred_certification"),
            ),
        )
        for alias, model, column, ids, (required, preferred) in shared:
            if not ids:
                counts += ["0", "0"]
                continue
            grouped_sql, grouped_params = (
                model.objects.filter(**{f"{column}__in": sorted(ids)})
                .order_by()
                .values("job_id")
                .annotate(
                    req=Count("pk", filter=Q(required=True)), pref=Count("pk", filter=Q(required=False))
                )
                .values_list("job_id", "req", "pref")
                .query.sql_with_params()
            )
            joins.append(f"LEFT JOIN ({grouped_sql}) {alias} ON {alias}.job_id = c.pk")
            join_params += grouped_params
            counts += [f"COALESCE({alias}.req, 0)", f"COALESCE({alias}.pref, 0)"]
            points += [f"%s * COALESCE({alias}.req, 0)", f"%s * COALESCE({alias}.pref, 0)"]
            weights += [WEIGHTS[required], WEIGHTS[preferred]]
        if connection.vendor == "postgresql":
            # Keeps the candidates (employer check included) a unit the planner does not pull
            # apart: then the final sort is a top-`limit` heap sort, not a sort of every row.
            base_sql += " OFFSET 0"
        # Only names generated by the ORM or written here are formatted in; values are parameters.
        sql = (
            f"SELECT c.pk, {', '.join(counts)} FROM ({base_sql}) c "  # nosec B608
            f"{' '.join(joins)} "
            f"ORDER BY ({' + '.join(points)}) DESC, {'COALESCE(s.req, 0) DESC, ' if skill_ids else ''}"
            "c.published_at DESC NULLS LAST, c.pk DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*base_params, *join_params, *weights, limit])
            top = {pk: matched for pk, *matched in cursor.fetchall()}
        # The fields the score reads, through the ORM so that every database gives Python types.
        fields = JobListing.objects.filter(pk__in=top).values_list("pk", *JOB_FIELDS)
        return [JobRow(pk, *values, *top[pk]) for pk, *values in fields]

    # Graduates for a job -------------------------------------------------------------------
    def candidate_graduates(self, job):
        if not JobListing.objects.published().filter(pk=job.pk).exists():
            return Graduate.objects.none()
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
