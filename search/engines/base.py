"""What the job-search interface hands an engine, and what every engine hands back.

The interface (`search.jobs`) cleans the visitor's input into a `JobQuery`; an engine answers
with `JobHits`: the page of listings, the total, and raw facet counts. Labels, the facets' order
and pagination helpers are the interface's business, so every engine shows the same board.
"""

from dataclasses import dataclass, field

# Multi-select facets: the JobListing field each one filters.
FACET_FIELDS = ("sector", "region", "employment_type", "remote")
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


def clamp_page(page, total, per_page):
    last = max(1, -(-total // per_page))
    return min(max(1, page), last)
