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

from .base import (
    ANY_TIME,
    FACET_FIELDS,
    POSTED_WITHIN_DAYS,
    JobHits,
    JobQuery,
    clamp_page,
    text_search_config,
    visitor_language,
)
from .site_db import SiteSearchDatabaseMixin

WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
MAX_WORDS = 10
COUNTS_CACHE_SECONDS = 60
logger = logging.getLogger(__name__)
TEXT_FIELDS = ("title", "description", "employer__name", "place")


def row_config_sql():
    """(SQL, params): the text search configuration of each listing's own language, as the
    generated document and the index of titles were built with it (jobs/migrations/0004)."""
    default = getattr(settings, "SEARCH_TEXT_CONFIG", "english")
    branches, params = [], []
    for code, _name in settings.LANGUAGES:
        branches.append("WHEN %s THEN %s::regconfig")
        params += [code, text_search_config(code)]
    return f"(CASE language {' '.join(branches)} ELSE %s::regconfig END)", [*params, default]


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
                # The words are stemmed the visitor's way: two languages, two sets of counts.
                visitor_language(query.language),
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
        base, rank_by = self._match_text(base, query.text, query.language)
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
            # The page's ids first, then those rows: a deep page (OFFSET tens of thousands) skips
            # entries of the covering index of open listings (jobs/migrations/0002) instead of
            # wide rows joined to their employers, a ranked page sorts ids and ranks rather than
            # whole rows, and only the page's own rows are read. Still one statement, with the
            # same total order inside and out. The ids are read with the employers' verification
            # as a hashed set of the unverified ones rather than a join per listing
            # (JobListing.objects.published).
            scan, _rank = self._match_text(
                JobListing.objects.published(scanning=True), query.text, query.language
            )
            if query.effective_sort == "relevance" and rank_by is not None:
                page_ids = self._ranked_page_ids(
                    narrowed(base=scan), query.text, rank_by, start, query.per_page, query.language
                )
            else:
                ordered = self._order(narrowed(base=scan), query.effective_sort, None)
                page_ids = ordered.values("pk")[start : start + query.per_page]
            results = JobListing.objects.filter(pk__in=page_ids).select_related("employer")
            jobs = list(self._order(results, query.effective_sort, rank_by)[: query.per_page])
        return JobHits(jobs=jobs, total=total, page=page, counts=counts)

    # A ranked page ----------------------------------------------------------------------------

    def _ranked_page_ids(self, matches, text, rank_by, start, per_page, language):
        """PostgreSQL: the ids of one page of matches by rank, then newest first, as raw SQL
        (one statement with the page's rows around it).

        Ranking every match reads every match's document from the table: "warehouse" is in 86%
        of national listings, so a page of it with two filters read the whole 158 MB table to
        rank 21,000 documents (150 ms; 175 ms p95 on the shared machine). But for a query of one
        word, ts_rank (no normalisation) puts every listing with the word in its title above
        every listing without it. With a title occurrence (weight A, 1.0) the rank is at least
        1.0 / 1.645 = 0.61. Without one, the word's first occurrence is its heaviest (the
        description's B, 0.4, precedes the place's C, 0.2, in the document), so the rank is
        the sum of weight / n² over the occurrences n = 1, 2, ... divided by π²/6 = 1.645:
        below 0.4. A match by the employer's name alone ranks 0. So when the listings with the
        word in their title fill the pages up to this one, they alone are ranked, found through
        the GIN index of open listings' titles (jobs/migrations/0002): "warehouse" with two
        filters ranks 610 listings instead of 21,000. Same listings, same order: the plain
        ranking, every match, runs only when the titles fall short or for several words, under
        a condition PostgreSQL checks once before starting it. tests/bench/test_speedups.py
        compares both with a plain reference query.
        """
        config = text_search_config(visitor_language(language))
        tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
        row_config, row_params = row_config_sql()
        in_title = RawSQL(  # nosec B611 # constant SQL; the query text is a bound parameter
            f"(numnode({tsquery}) = 1 AND to_tsvector({row_config}, COALESCE(title, '')::text) @@ {tsquery})",
            (config, text, *row_params, config, text),
            output_field=BooleanField(),
        )
        end = start + per_page
        titled = self._order(matches.filter(in_title), "relevance", rank_by)
        titled = titled.values_list("pk", "rank", "published_at")[:end]
        titled_sql, titled_params = titled.query.sql_with_params()
        ranked = self._order(matches, "relevance", rank_by).values_list("pk")[start:end]
        ranked_sql, ranked_params = ranked.query.sql_with_params()
        sql = (
            f"WITH titled (id, rank, published_at) AS MATERIALIZED ({titled_sql}) "  # nosec B608 # Django's SQL of the querysets; every value is bound
            "(SELECT id FROM titled WHERE (SELECT COUNT(*) FROM titled) = %s "
            "ORDER BY rank DESC, published_at DESC NULLS LAST, id DESC OFFSET %s) "
            "UNION ALL "
            f"(SELECT id FROM ({ranked_sql}) AS ranked (id) WHERE (SELECT COUNT(*) FROM titled) < %s)"
        )
        return RawSQL(sql, (*titled_params, end, start, *ranked_params, end))  # nosec B611

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

    def _match_text(self, jobs, text, language=""):
        """(jobs matching the words, the full-text query to rank by or None).

        On PostgreSQL the visitor's words are parsed with the visitor's language's configuration
        and matched against every listing, whatever its language (each listing's document is
        stemmed in its own: jobs/migrations/0004). A French visitor's "cuisiniers" finds
        "Cuisinier / cuisinière"; a listing in another language is found when the words agree
        (names, places, shared trade words: "Manchester", "HGV", "barista"), and the board's
        language filter keeps one language. One constant query, not one per language: the GIN
        index and the one-word ranking shortcut (_ranked_page_ids) keep working, and stemming
        a visitor's word by another language's rules would be a guess at what was meant.
        """
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
            # 86,000 ids: 220 ms for a page of 'warehouse' with two filters, 90 ms with this
            # condition; a page of one word is often ranked from the titles: _ranked_page_ids.)
            # Unqualified columns: inside a subquery they resolve to the listing's own alias.
            config = text_search_config(visitor_language(language))
            # Employers' names are indexed in the site's configuration (employers/migrations/0002).
            site_config = getattr(settings, "SEARCH_TEXT_CONFIG", "english")
            tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
            matches = RawSQL(  # nosec B611 # constant SQL; the query text is a bound parameter
                f"(search_document @@ {tsquery} OR employer_id = ANY(ARRAY("  # nosec B608 # constant SQL: the model's table name
                f"SELECT named.id FROM {Employer._meta.db_table} AS named "
                f"WHERE to_tsvector(%s::regconfig, COALESCE(named.name, '')) @@ {tsquery})))",
                (config, text, site_config, site_config, text),
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
