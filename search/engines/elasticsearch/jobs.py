"""Job search as a FacetedSearch: the same words, facets, counts, sorts and pages as the database.

Facets are multi-select: each facet's aggregation is filtered by every other selection, and the
selections narrow the hits through a post_filter (FacetedSearch does both). "Posted within"
counts its 1, 7 and 30 day windows and "any" in one `filters` aggregation. Only listings open
today are searched: the index holds published listings, and the closing date is checked here
too, so a listing past its closing date is never shown even before the index catches up.
"""

from django.utils import timezone
from elasticsearch.dsl import FacetedSearch, Q, TermsFacet
from elasticsearch.dsl.faceted_search import Facet

from jobs.models import JobListing

from ..base import ANY_TIME, FACET_FIELDS, POSTED_WITHIN_DAYS, JobHits, JobQuery, clamp_page, deepest_page
from .analysis import language_field
from .documents import LANGUAGE_SUBFIELDS, JobDocument

TEXT_FIELDS = ["title^3", "employer_name^2", "place", "description", "skill_names"]
FACET_SIZE = 1000  # more than there are sectors, regions or types: every count comes back
NEWEST = [{"published_at": {"order": "desc", "missing": "_last"}}, {"pk": {"order": "desc"}}]
SORT_ORDERS = {
    "relevance": ["_score", *NEWEST],
    "newest": NEWEST,
    "closing_soon": [{"closing_date": {"order": "asc", "missing": "_last"}}, *NEWEST],
}


def open_on(today):
    """Listings without a closing date or closing today or later."""
    return Q("range", closing_date={"gte": today.isoformat()}) | ~Q("exists", field="closing_date")


def in_language(fields, language):
    """The fields, and for a visitor whose language has sub-fields (`analysis.language_field`)
    those of the fields that have them, boosted alike: "cuisiniers" then finds "Cuisinier" through
    `title.fr`, while the English fields still find a word every language shares."""
    code = language_field(language)
    if code is None:
        return list(fields)
    extra = []
    for field in fields:
        name, _sep, boost = field.partition("^")
        if name in LANGUAGE_SUBFIELDS:
            extra.append(f"{name}.{code}" + (f"^{boost}" if boost else ""))
    return [*fields, *extra]


def words_query(text, fields=TEXT_FIELDS, language=""):
    # "and", cross_fields: every word must be found, each in any of the fields, as the database
    # engine's full-text query does. A match query, not simple_query_string: that one splits the
    # words on spaces before the analyzer sees them, so the live node never applied a synonym of
    # several words ("bread making" found nothing of "Baking"); a match query has no syntax to
    # fail on either (the interface keeps only words).
    # cross_fields groups the fields by analyzer: the words must all be found within one group
    # (the English fields, or the visitor's language's sub-fields), never half in each.
    fields = in_language(fields, language)
    return Q("multi_match", query=text, fields=fields, operator="and", type="cross_fields")


class PostedWithinFacet(Facet):
    """Counts for the last 1, 7 and 30 days and for any time; filters on one window."""

    agg_type = "filters"

    def __init__(self):
        windows = {str(days): self.window(days) for days in POSTED_WITHIN_DAYS}
        windows[ANY_TIME] = Q("match_all")
        super().__init__(filters=windows)

    @staticmethod
    def window(days):
        return Q("range", published_at={"gte": f"now-{days}d"})

    def add_filter(self, filter_values):
        return self.window(int(filter_values[0])) if filter_values else None

    def get_values(self, data, filter_values):
        selected = [str(value) for value in filter_values]
        out = []
        for key in [*map(str, POSTED_WITHIN_DAYS), ANY_TIME]:
            count = data.buckets[key].doc_count
            value = key if key == ANY_TIME else int(key)
            out.append((value, count, key in selected))
        return out


class JobFacetedSearch(FacetedSearch):
    doc_types = [JobDocument]
    facets = {
        **{name: TermsFacet(field=name, size=FACET_SIZE) for name in FACET_FIELDS},
        "posted_within": PostedWithinFacet(),
    }

    def __init__(self, job_query, today=None):
        self.index = JobDocument.alias()
        self.today = today or timezone.localdate()
        self.language = job_query.language
        filters = {name: list(job_query.selected(name)) for name in FACET_FIELDS if job_query.selected(name)}
        if job_query.posted_within:
            filters["posted_within"] = [job_query.posted_within]
        super().__init__(job_query.text or None, filters=filters, sort=SORT_ORDERS[job_query.effective_sort])

    def search(self):
        return super().search().filter(open_on(self.today)).extra(track_total_hits=True).source(False)

    def query(self, search, query):
        return search.query(words_query(query, language=self.language)) if query else search


def build_job_search(job_query: JobQuery, page=None, today=None):
    """The FacetedSearch for a query, sliced to `page` (the query's own page by default)."""
    search = JobFacetedSearch(job_query, today=today)
    page = page or job_query.page
    start = (page - 1) * job_query.per_page
    return search[start : start + job_query.per_page]


def counts_of(response):
    counts = {}
    for name, values in response.facets.items():
        counts[name] = {value: count for value, count, _selected in values}
    return counts


def hit_ids(response):
    return [int(hit.meta.id) for hit in response]


def jobs_in_order(ids):
    """The listings `ids` names, in that order, with their employer (one query).

    Checked against the database again: a listing unpublished a moment ago is not shown."""
    found = JobListing.objects.published().filter(pk__in=ids).select_related("employer").in_bulk()
    return [found[pk] for pk in ids if pk in found]


def search_jobs(job_query: JobQuery, client) -> JobHits:
    # Never asked past the result window: the server would refuse the whole request.
    asked = min(job_query.page, deepest_page(job_query.per_page))
    response = client.execute(build_job_search(job_query, page=asked))
    total = response.hits.total.value
    page = clamp_page(job_query.page, total, job_query.per_page)
    if page != asked and total:
        response = client.execute(build_job_search(job_query, page=page))
    return job_hits_of(response, page)


def job_hits_of(response, page):
    return JobHits(
        jobs=jobs_in_order(hit_ids(response)),
        total=response.hits.total.value,
        page=page,
        counts=counts_of(response),
    )
