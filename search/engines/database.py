"""The database engine: job search with facet counts in plain SQL, no search server needed.

On PostgreSQL the words go through full-text search (a stored, GIN-indexed weighted tsvector of
the title, description and place, plus the employer's name; `websearch_to_tsquery`, so quotes,
OR and -word work and a stray symbol never fails) and relevance is `ts_rank`. On SQLite every word must appear somewhere
in the same four fields, and "relevance" falls back to the newest first.

Queries per search, whatever the number of listings: one aggregate for the posted-within counts
(which also gives the total), one GROUP BY per multi-select facet, and one for the page.
"""

import hashlib
import json
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import BooleanField, Count, F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from employers.models import Employer
from jobs.models import JobListing
from portal.page_cache import generation

from .base import ANY_TIME, FACET_FIELDS, POSTED_WITHIN_DAYS, JobHits, JobQuery, clamp_page
from .site_db import SiteSearchDatabaseMixin

WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
MAX_WORDS = 10
COUNTS_CACHE_SECONDS = 60
logger = logging.getLogger(__name__)
TEXT_FIELDS = ("title", "description", "employer__name", "place")


def cached_counts(query, count):
    """The facet counts of this search, from the cache when counted less than a minute ago and
    nothing has changed since (portal.page_cache's generation moves on every change of a listing,
    employer or pledge). Counting every open listing by facet is most of the board's time at
    national scale (40 ms alone, 180 ms under load), and most visits ask the same few searches;
    a page of a search is always read fresh. Without the cache server, counted each time."""
    try:
        words = json.dumps(
            [
                generation(),
                str(timezone.localdate()),
                query.text,
                sorted((name, sorted(values)) for name, values in query.filters.items()),
                query.posted_within,
            ],
            default=list,
        )
        key = "search:job-counts:" + hashlib.sha256(words.encode()).hexdigest()
        counts = cache.get(key)
    except Exception:  # the cache server is away
        logger.warning("Cache unavailable; facet counts counted", exc_info=True)
        return count()
    if counts is None:
        counts = count()
        try:
            cache.set(key, counts, COUNTS_CACHE_SECONDS)
        except Exception:
            logger.warning("Cache unavailable; facet counts not kept", exc_info=True)
    return counts


class DatabaseEngine(SiteSearchDatabaseMixin):
    name = "database"

    def search_jobs(self, query: JobQuery) -> JobHits:
        base = JobListing.objects.published()
        base, rank_by = self._match_text(base, query.text)
        now = timezone.now()

        def narrowed(leave_out=None, base=base):
            """The base set filtered by every selection except `leave_out`'s own."""
            condition = Q()
            for facet in FACET_FIELDS:
                if facet != leave_out and query.selected(facet):
                    condition &= Q(**{f"{facet}__in": query.selected(facet)})
            if leave_out != "posted_within" and query.posted_within:
                condition &= Q(published_at__gte=now - timedelta(days=query.posted_within))
            return base.filter(condition)

        if connections[base.db].vendor == "postgresql":
            counts = cached_counts(query, lambda: self._counts_in_one_pass(base, query, now))
        else:
            counts = self._counts(narrowed, now)
        total = counts["posted_within"][query.posted_within or ANY_TIME]

        page = clamp_page(query.page, total, query.per_page)
        start = (page - 1) * query.per_page
        jobs = []
        if total:
            results = narrowed()
            if rank_by is None:
                # The page's ids first, then those rows: a deep page (OFFSET tens of thousands)
                # skips entries of the covering index of open listings (0014) instead of wide
                # rows joined to their employers, and only the page's own rows are read. Still
                # one statement, with the same total order inside and out. (Ranked by words,
                # every match's document is read to rank it anyway.)
                # The ids are read with the employers' verification as a hashed set of the
                # unverified ones rather than a join per listing (JobListing.objects.published).
                scan, _rank = self._match_text(JobListing.objects.published(scanning=True), query.text)
                ordered = self._order(narrowed(base=scan), query.effective_sort, None)
                page_ids = ordered.values("pk")[start : start + query.per_page]
                results, start = JobListing.objects.filter(pk__in=page_ids), 0
            results = self._order(results.select_related("employer"), query.effective_sort, rank_by)
            jobs = list(results[start : start + query.per_page])
        return JobHits(jobs=jobs, total=total, page=page, counts=counts)

    # Facet counts -----------------------------------------------------------------------------

    def _counts(self, narrowed, now):
        """One aggregate for the posted-within counts, then one GROUP BY per facet."""
        windows = {
            f"within_{days}": Count("pk", filter=Q(published_at__gte=now - timedelta(days=days)))
            for days in POSTED_WITHIN_DAYS
        }
        row = narrowed("posted_within").aggregate(all=Count("pk"), **windows)
        counts = {"posted_within": {days: row[f"within_{days}"] for days in POSTED_WITHIN_DAYS}}
        counts["posted_within"][ANY_TIME] = row["all"]
        for facet in FACET_FIELDS:
            rows = narrowed(facet).order_by().values_list(facet).annotate(n=Count("pk"))
            counts[facet] = dict(rows)
        return counts

    def _counts_in_one_pass(self, base, query, now):
        """PostgreSQL: every count above in one statement, reading the matching rows once.

        GROUPING SETS group the same rows by each facet; each facet's count is filtered by every
        selection but its own (multi-select faceting), the posted-within counts by all of them
        but the window. Five scans of the open listings (and of the words' matches) become one.
        """

        def selections(leave_out):
            parts, params = [], []
            for facet in FACET_FIELDS:
                if facet != leave_out and query.selected(facet):
                    parts.append(f"m.{facet} = ANY(%s)")
                    params.append(list(query.selected(facet)))
            if leave_out != "posted_within" and query.posted_within:
                parts.append("m.published_at >= %s")
                params.append(now - timedelta(days=query.posted_within))
            return " AND ".join(parts) or "TRUE", params

        columns, params = [], []
        for facet in (*FACET_FIELDS, "posted_within"):
            condition, condition_params = selections(facet)
            columns.append(f"COUNT(*) FILTER (WHERE {condition})")
            params += condition_params
        within, _params = selections("posted_within")
        for days in POSTED_WITHIN_DAYS:
            columns.append(f"COUNT(*) FILTER (WHERE {within} AND m.published_at >= %s)")
            params += [*_params, now - timedelta(days=days)]
        rows_sql, rows_params = (
            base.order_by().values_list("published_at", *FACET_FIELDS).query.sql_with_params()
        )
        groupings = ", ".join(f"GROUPING(m.{facet})" for facet in FACET_FIELDS)
        sets = ", ".join(f"(m.{facet})" for facet in FACET_FIELDS)
        names = ", ".join(f"m.{facet}" for facet in FACET_FIELDS)
        # Only constant names are formatted in; every value is a bound parameter.
        sql = (
            f"SELECT {names}, {groupings}, {', '.join(columns)} "  # nosec B608
            f"FROM ({rows_sql}) AS m(published_at, {names.replace('m.', '')}) "
            f"GROUP BY GROUPING SETS ({sets}, ())"
        )
        with connections[base.db].cursor() as cursor:
            cursor.execute(sql, [*params, *rows_params])
            rows = cursor.fetchall()
        width = len(FACET_FIELDS)
        counts = {facet: {} for facet in FACET_FIELDS}
        for row in rows:
            values, grouped, numbers = row[:width], row[width : 2 * width], row[2 * width :]
            if all(grouped):  # the grand total: the posted-within counts
                counts["posted_within"] = dict(zip(POSTED_WITHIN_DAYS, numbers[width + 1 :], strict=True))
                counts["posted_within"][ANY_TIME] = numbers[width]
                continue
            index = grouped.index(0)
            if numbers[index]:
                counts[FACET_FIELDS[index]][values[index]] = numbers[index]
        return counts

    # Words ----------------------------------------------------------------------------------

    def _match_text(self, jobs, text):
        """(jobs matching the words, the full-text query to rank by or None)."""
        if not text:
            return jobs, None
        if connections[jobs.db].vendor == "postgresql":
            # One condition on the listing's own row: its stored, indexed document (employers/
            # migrations/0009) matches, or its employer is one of those whose name matches (the
            # ids of those few employers come first, from the index of names in 0014, as an
            # array, so the employer_id index can be used). PostgreSQL picks the plan by how
            # common the words are: a rare word ORs the two indexes' bitmaps and reads only its
            # rows; a common one ("warehouse" is in 86% of national listings) reads the table
            # once, testing the document and the selected filters on the same pass. (A UNION of
            # the two sets of ids, joined back by primary key, read the table twice and hashed
            # 86,000 ids: 220 ms for a page of 'warehouse' with two filters, 90 ms now.)
            # Unqualified columns: inside a subquery they resolve to the listing's own alias.
            config = getattr(settings, "SEARCH_TEXT_CONFIG", "english")
            tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
            matches = RawSQL(  # nosec B611 # constant SQL; the query text is a bound parameter
                f"(search_document @@ {tsquery} OR employer_id = ANY(ARRAY("  # nosec B608 # constant SQL: the model's table name
                f"SELECT named.id FROM {Employer._meta.db_table} AS named "
                f"WHERE to_tsvector(%s::regconfig, COALESCE(named.name, '')) @@ {tsquery})))",
                (config, text, config, config, text),
                output_field=BooleanField(),
            )
            rank = RawSQL(f"ts_rank(jobs_joblisting.search_document, {tsquery})", (config, text))  # nosec B611 # constant SQL, bound params
            return jobs.filter(matches), rank
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
