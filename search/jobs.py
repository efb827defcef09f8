"""Job search: the one interface the job board (and later the API) calls.

    results = search(query="forklift", filters={"region": ["GB-MAN"]}, sort="newest", page=2)

`filters` may be a dict (a value or a list of values per name) or a QueryDict such as
request.GET. Known filters: sector, region, employment_type, remote (several values each; a job
matches any of them), language (the listing's) and posted_within (1, 7 or 30 days). Unknown names and invalid values are
ignored, never errors. Only listings the public may see (JobListing.objects.published()) are
ever returned.

Facet counts follow multi-select faceting: each facet's counts are over the results filtered by
every selection except that facet's own, so choosing "Construction" still shows how many jobs
the other sectors would add.

Which engine answers is decided here (`search.engines.run`), never by a view.
"""

from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from jobs.models import RemoteOption
from portal.regions import region_choices, region_name
from taxonomy.classifications import EmploymentType, SectorChoices

from .engines import JobQuery, run
from .engines.base import ANY_TIME, FACET_FIELDS, POSTED_WITHIN_DAYS, SORTS, page_count, visitor_language
from .pagination import ResultsPage

MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 100
FACETS = (*FACET_FIELDS, "posted_within")

SORT_LABELS = {
    "relevance": _("Best match"),
    "newest": _("Newest"),
    "closing_soon": _("Closing soon"),
}
POSTED_WITHIN_LABELS = {
    1: _("Last 24 hours"),
    7: _("Last 7 days"),
    30: _("Last 30 days"),
}
FACET_LABELS = {
    "sector": _("Sector"),
    "region": _("Region"),
    "employment_type": _("Type of work"),
    "remote": _("On site or remote"),
    "posted_within": _("Posted"),
    "language": _("Language of the listing"),
}


class FacetOption(NamedTuple):
    value: object
    label: str
    count: int
    selected: bool


@dataclass
class JobSearchResults(ResultsPage):
    jobs: list
    total: int
    page: int
    num_pages: int
    per_page: int
    facets: dict  # name → [FacetOption(value, label, count, selected), ...]
    query: str = ""
    filters: dict = field(default_factory=dict)  # the filters that applied, cleaned
    sort: str = "relevance"

    def url_params(self, page=False):
        """The search as query-string pairs (for links that keep it), in a stable order."""
        pairs = [("q", self.query)] if self.query else []
        for name in FACETS:
            pairs.extend((name, value) for value in self.filters.get(name, ()))
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if page and self.page > 1:
            pairs.append(("page", self.page))
        return pairs

    @property
    def filter_query(self):
        """Query string of the search without the page: what pagination links start with."""
        return urlencode(self.url_params())

    @property
    def is_filtered(self):
        return bool(self.query or self.filters)

    @property
    def filter_count(self):
        """How many filter options are chosen: the phone's "Filters (2 chosen)" link says it."""
        return sum(option.selected for options in self.facets.values() for option in options)


# Cleaning the visitor's input ------------------------------------------------------------------


def _values(filters, name):
    if filters is None:
        return []
    if hasattr(filters, "getlist"):
        raw = filters.getlist(name)
    else:
        raw = filters.get(name, [])
        if raw is None:
            raw = []
        elif isinstance(raw, str | int):
            raw = [raw]
    return [str(value).strip() for value in raw]


def allowed_values(name):
    if name == "sector":
        return dict(SectorChoices.choices)
    if name == "region":
        return dict(region_choices())
    if name == "employment_type":
        return dict(EmploymentType.choices)
    if name == "remote":
        return dict(RemoteOption.choices)
    if name == "language":
        # Each language by its own name ("Français"), as the language switcher shows them.
        return dict(settings.LANGUAGES)
    raise KeyError(name)


def clean_filters(filters):
    """The known filters with their valid values, in a stable order; everything else dropped."""
    cleaned = {}
    for name in FACET_FIELDS:
        allowed = allowed_values(name)
        chosen = []
        for value in _values(filters, name):
            if value in allowed and value not in chosen:
                chosen.append(value)
        if chosen:
            cleaned[name] = tuple(chosen)
    for value in _values(filters, "posted_within"):
        if value.isdigit() and int(value) in POSTED_WITHIN_DAYS:
            cleaned["posted_within"] = (int(value),)
            break
    return cleaned


def clean_text(query):
    # A NUL byte is refused by PostgreSQL; nobody types one.
    return " ".join(str(query or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def _positive_int(value, default):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


# Facets as the board shows them ----------------------------------------------------------------


def _facet_options(name, counts, selected):
    labels = allowed_values(name)
    shown = {value for value, n in counts.items() if n} | set(selected)
    options = [
        FacetOption(
            value, str(labels.get(value) or region_name(value)), counts.get(value, 0), value in selected
        )
        for value in shown
        if value  # a blank value (bad data) is not something to filter by
    ]
    if name in ("sector", "region"):  # long lists: the biggest first
        options.sort(key=lambda option: (-option.count, option.label))
    else:  # short, ordered lists: as declared
        order = list(labels)
        options.sort(key=lambda option: order.index(option.value) if option.value in order else len(order))
    return options


def _facets(counts, cleaned):
    facets = {
        name: _facet_options(name, counts.get(name, {}), cleaned.get(name, ())) for name in FACET_FIELDS
    }
    within = counts.get("posted_within", {})
    chosen = cleaned.get("posted_within", ())
    facets["posted_within"] = [
        FacetOption(days, str(POSTED_WITHIN_LABELS[days]), within.get(days, 0), days in chosen)
        for days in POSTED_WITHIN_DAYS
    ]
    return facets


def search(query="", filters=None, sort="relevance", page=1, per_page=20):
    """Published job listings matching the words and filters, one page of them, with facet counts."""
    text = clean_text(query)
    cleaned = clean_filters(filters)
    sort = sort if sort in SORTS else "relevance"
    per_page = min(_positive_int(per_page, 20), MAX_PER_PAGE)
    page = _positive_int(page, 1)
    job_query = JobQuery(
        text=text,
        filters={name: cleaned[name] for name in FACET_FIELDS if name in cleaned},
        posted_within=cleaned.get("posted_within", (None,))[0],
        sort=sort,
        page=page,
        per_page=per_page,
        language=visitor_language(),
    )
    hits = run("search_jobs", job_query)
    return JobSearchResults(
        jobs=hits.jobs,
        total=hits.total,
        page=hits.page,
        num_pages=page_count(hits.total, per_page),
        per_page=per_page,
        facets=_facets(hits.counts, cleaned),
        query=text,
        filters=cleaned,
        sort=sort,
    )


__all__ = [
    "ANY_TIME",
    "FACETS",
    "FACET_LABELS",
    "POSTED_WITHIN_LABELS",
    "SORT_LABELS",
    "FacetOption",
    "JobSearchResults",
    "clean_filters",
    "search",
]
