"""The database engine: job search with facet counts in plain SQL, no search server needed.

On PostgreSQL the words go through full-text search (a stored, GIN-indexed weighted tsvector of
the title, description and place, plus the employer's name; `websearch_to_tsquery`, so quotes,
OR and -word work and a stray symbol never fails) and relevance is `ts_rank`. On SQLite every word must appear somewhere
in the same four fields, and "relevance" falls back to the newest first.

Queries per search, whatever the number of listings: one aggregate for the posted-within counts
(which also gives the total), one GROUP BY per multi-select facet, and one for the page.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import BooleanField, Count, Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from employers.models import Employer, JobListing

from .base import ANY_TIME, FACET_FIELDS, POSTED_WITHIN_DAYS, JobHits, JobQuery, clamp_page
from .site_db import SiteSearchDatabaseMixin

WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
MAX_WORDS = 10
TEXT_FIELDS = ("title", "description", "employer__name", "place")


class DatabaseEngine(SiteSearchDatabaseMixin):
    name = "database"

    def search_jobs(self, query: JobQuery) -> JobHits:
        base = JobListing.objects.published()
        base, rank_by = self._match_text(base, query.text)
        now = timezone.now()

        def narrowed(leave_out=None):
            """The base set filtered by every selection except `leave_out`'s own."""
            condition = Q()
            for facet in FACET_FIELDS:
                if facet != leave_out and query.selected(facet):
                    condition &= Q(**{f"{facet}__in": query.selected(facet)})
            if leave_out != "posted_within" and query.posted_within:
                condition &= Q(published_at__gte=now - timedelta(days=query.posted_within))
            return base.filter(condition)

        windows = {
            f"within_{days}": Count("pk", filter=Q(published_at__gte=now - timedelta(days=days)))
            for days in POSTED_WITHIN_DAYS
        }
        row = narrowed("posted_within").aggregate(all=Count("pk"), **windows)
        counts = {"posted_within": {days: row[f"within_{days}"] for days in POSTED_WITHIN_DAYS}}
        counts["posted_within"][ANY_TIME] = row["all"]
        total = counts["posted_within"][query.posted_within or ANY_TIME]

        for facet in FACET_FIELDS:
            rows = narrowed(facet).order_by().values_list(facet).annotate(n=Count("pk"))
            counts[facet] = dict(rows)

        page = clamp_page(query.page, total, query.per_page)
        start = (page - 1) * query.per_page
        jobs = []
        if total:
            results = narrowed().select_related("employer")
            results = self._order(results, query.effective_sort, rank_by)
            jobs = list(results[start : start + query.per_page])
        return JobHits(jobs=jobs, total=total, page=page, counts=counts)

    # Words ----------------------------------------------------------------------------------

    def _match_text(self, jobs, text):
        """(jobs matching the words, the full-text query to rank by or None)."""
        if not text:
            return jobs, None
        if connections[jobs.db].vendor == "postgresql":
            # The listing's own words are matched against the stored, indexed document (see
            # employers/migrations/0009); the employer's name through the small employers table.
            config = getattr(settings, "SEARCH_TEXT_CONFIG", "english")
            tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
            in_document = RawSQL(
                f"employers_joblisting.search_document @@ {tsquery}",
                (config, text),
                output_field=BooleanField(),
            )
            by_name = Employer.objects.annotate(name_document=SearchVector("name", config=config)).filter(
                pk=OuterRef("employer_id"),
                name_document=SearchQuery(text, search_type="websearch", config=config),
            )
            rank = RawSQL(f"ts_rank(employers_joblisting.search_document, {tsquery})", (config, text))
            matching = jobs.alias(in_document=in_document, by_name=Exists(by_name))
            return matching.filter(Q(in_document=True) | Q(by_name=True)), rank
        words = WORD.findall(text)[:MAX_WORDS]
        for word in words:
            anywhere = Q()
            for field in TEXT_FIELDS:
                anywhere |= Q(**{f"{field}__icontains": word})
            jobs = jobs.filter(anywhere)
        return jobs, None

    def _order(self, jobs, sort, rank_by):
        newest = (F("published_at").desc(nulls_last=True), F("pk").desc())
        if sort == "relevance" and rank_by is not None:
            return jobs.annotate(rank=rank_by).order_by(F("rank").desc(), *newest)
        if sort == "closing_soon":
            return jobs.order_by(F("closing_date").asc(nulls_last=True), *newest)
        return jobs.order_by(*newest)
