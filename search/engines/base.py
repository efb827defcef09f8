"""What the job-search interface hands an engine, and what every engine hands back.

The interface (`search.jobs`) cleans the visitor's input into a `JobQuery`; an engine answers
with `JobHits`: the page of listings, the total, and raw facet counts. Labels, the facets' order
and pagination helpers are the interface's business, so every engine shows the same board.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

# Multi-select facets: the JobListing field each one filters.
FACET_FIELDS = ("sector", "region", "employment_type", "remote", "language")
POSTED_WITHIN_DAYS = (1, 7, 30)
SORTS = ("relevance", "newest", "closing_soon")
ANY_TIME = "any"


@dataclass(frozen=True)
class JobQuery:
    text: str = ""
    # facet name → selected values (already checked: only known values reach an engine)
    filters: dict = field(default_factory=dict)
    posted_within: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    # The visitor's language (a code of settings.LANGUAGES): the words are stemmed its way.
    language: str = ""

    def selected(self, facet):
        return tuple(self.filters.get(facet, ()))

    @property
    def effective_sort(self):
        """Relevance means nothing without words: then the newest come first."""
        return "newest" if self.sort == "relevance" and not self.text else self.sort


@dataclass
class JobHits:
    jobs: list  # JobListing instances with their employer selected, in order
    total: int
    page: int  # the page actually shown (out-of-range pages are brought back in range)
    # facet name → {value: count}; "posted_within" → {1: n, 7: n, 30: n, "any": n}
    counts: dict


# The search server answers no deeper than this many results (its index.max_result_window: asked
# for more it refuses the whole request with a 400). Every engine stops paging there, the
# database too, so the two show the same pages; past it the visitor is asked to refine the search.
# SEARCH_RESULT_WINDOW changes it; the indices are created with the same window (search.index).
RESULT_WINDOW = 10_000


def result_window():
    return int(getattr(settings, "SEARCH_RESULT_WINDOW", RESULT_WINDOW))


def deepest_page(per_page):
    """The last page whose results all lie within the result window."""
    return max(1, result_window() // per_page)


def page_count(total, per_page):
    """How many pages the results are shown on: every result, or as many as the window holds."""
    return min(max(1, -(-total // per_page)), deepest_page(per_page))


def clamp_page(page, total, per_page):
    return min(max(1, page), page_count(total, per_page))


class SearchUnavailable(Exception):
    """An engine could not answer (unreachable, too slow, or an error from the server).

    Engines other than the database raise this, wrapping the client's own exception; the
    interface then serves the request from the database engine instead.
    """


class EngineUnavailable(SearchUnavailable):
    """The server could not be reached, was slower than the timeout, or failed (an answer 5xx):
    nothing wrong with the request, so the engine is left alone for a while."""


class EngineBadRequest(SearchUnavailable):
    """The server refused the request (an answer 4xx: a query, mapping or index it does not
    accept). A request of ours the engine cannot take, so a bug to log, not an outage."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


# Site search ------------------------------------------------------------------------------------

# What site search finds, in the order the results page lists the types.
SITE_TYPES = ("story", "campaign", "job", "employer", "page")


@dataclass(frozen=True)
class SiteQuery:
    text: str  # cleaned words, never empty when an engine is asked
    type: str | None = None  # one of SITE_TYPES, or None for every type
    page: int = 1
    per_page: int = 10
    # The visitor's language: its pages are searched (not every locale's), its words stemmed its way.
    language: str = ""


@dataclass
class SiteHit:
    type: str  # one of SITE_TYPES
    title: str
    url: str  # path on this site, e.g. /stories/a-second-start/
    snippet: str  # safe HTML: escaped text, matched words wrapped in <mark>
    date: object = None  # datetime or date shown beside the result, or None


@dataclass
class SiteHits:
    hits: list  # SiteHit, best first, one page of them
    total: int  # hits of the chosen type (or of all types)
    page: int  # the page actually shown
    counts: dict  # type → number of hits, for every type in SITE_TYPES (0 when none)
    suggestion: str = ""  # "did you mean": a corrected query, or "" when the engine has none


@dataclass(frozen=True)
class Suggestion:
    """One entry of the search box's suggestion list (/search/suggest/?q=)."""

    label: str
    url: str
    type: str  # one of SITE_TYPES
    detail: str = ""  # what tells two alike apart: a job's employer and place


def visitor_language(language=None):
    """A code of settings.LANGUAGES: the one given, else the active language, else the site's."""
    codes = [code for code, _name in settings.LANGUAGES]
    for candidate in (language, translation.get_language(), settings.LANGUAGE_CODE):
        candidate = (candidate or "").lower()
        if candidate in codes:
            return candidate
        for code in codes:  # "en" or "en-us" stands for "en-gb", "fr-ca" for "fr"
            if candidate and code.split("-")[0] == candidate.split("-")[0]:
                return code
    return codes[0] if codes else settings.LANGUAGE_CODE


def text_search_config(language):
    """PostgreSQL's text search configuration for a language code ("fr" -> "french")."""
    default = getattr(settings, "SEARCH_TEXT_CONFIG", "english")
    return getattr(settings, "SEARCH_LANGUAGES", {}).get(language[:2], default)


def job_detail(employer_name, place):
    """ "Employer, place" under a job's title (the same words the job's search document keeps)."""
    return ", ".join(part for part in (employer_name, place) if part)


def distinct(suggestions):
    """Without repeats: one entry per address, and one per label and detail (the newest first)."""
    unique, urls, seen = [], set(), set()
    for each in suggestions:
        key = (each.type, each.label.casefold(), each.detail.casefold())
        if not each.url or each.url in urls or key in seen:
            continue
        urls.add(each.url)
        seen.add(key)
        unique.append(each)
    return unique
