"""Site search and the search box's suggestions: the one interface the views call.

    results = search("bricklaying", type="story", page=2)
    suggestions = suggest("brick")

Input is cleaned here (quotes, brackets and operators removed, NUL bytes dropped, length capped),
so an engine only ever sees words. Which engine answers is decided by `search.engines.run`.
"""

import html
import logging
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import urlencode

from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .engines import SearchUnavailable, SiteQuery, run
from .engines.base import SITE_TYPES, page_count, visitor_language
from .pagination import ResultsPage

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
MAX_SUGGESTIONS = 10
MIN_SUGGEST_LENGTH = 2
# Quotes, brackets and operators are query syntax to the full-text engines (SQLite FTS5 fails on
# an unbalanced quote); people's searches are words, so only words reach an engine.
NOT_A_WORD = re.compile(r"[^\w\s'-]|'(?!\w)|(?<!\w)'|(?<!\w)-|_", re.UNICODE)
MARK = re.compile(r"(</?mark>)")

TYPE_LABELS = {
    "story": _("Stories"),
    "campaign": _("Campaigns"),
    "job": _("Jobs"),
    "employer": _("Employers"),
    "page": _("Pages"),
}


class TypeOption(NamedTuple):
    """One entry of the type filter: a link that keeps the words and chooses the type."""

    value: str  # "" for every type
    label: str
    count: int
    selected: bool
    query_string: str


class HitGroup(NamedTuple):
    type: str
    label: str
    hits: list
    count: int  # every hit of the type, not only this page's


@dataclass
class SiteSearchResults(ResultsPage):
    shown_items_attribute = "hits"

    hits: list
    total: int
    page: int
    num_pages: int
    per_page: int
    counts: dict  # type → hits, for every type
    query: str = ""
    type: str | None = None
    suggestion: str = ""  # "did you mean", already cleaned, or ""
    failed: bool = False  # no engine could answer: the page says so, calmly
    options: list = field(default_factory=list)

    @property
    def groups(self):
        """The page's hits by type, in the site's order of types, each keeping its ranking."""
        by_type = {kind: [] for kind in SITE_TYPES}
        for hit in self.hits:
            by_type.setdefault(hit.type, []).append(hit)
        return [
            HitGroup(kind, str(TYPE_LABELS.get(kind, kind)), hits, self.counts.get(kind, len(hits)))
            for kind, hits in by_type.items()
            if hits
        ]

    @property
    def all_count(self):
        return sum(self.counts.values())

    @property
    def filter_query(self):
        """Query string of the search without the page: what pagination links start with."""
        pairs = [("q", self.query)] if self.query else []
        if self.type:
            pairs.append(("type", self.type))
        return urlencode(pairs)

    @property
    def suggestion_query(self):
        return urlencode([("q", self.suggestion)]) if self.suggestion else ""


# Cleaning the visitor's input ------------------------------------------------------------------


def clean_query(raw):
    """Only words: no query syntax, no control characters, at most MAX_QUERY_LENGTH characters."""
    text = str(raw or "")[: MAX_QUERY_LENGTH * 2]
    text = "".join(" " if ord(char) < 32 or char == "\x7f" else char for char in text)
    return " ".join(NOT_A_WORD.sub(" ", text).split())[:MAX_QUERY_LENGTH].strip()


def clean_type(value):
    return value if value in SITE_TYPES else None


def _positive_int(value, default=1):
    try:
        number = int(str(value).strip()[:9])
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def safe_snippet(snippet):
    """An engine's snippet as HTML where only <mark> is markup, whatever the engine escaped."""
    parts, open_mark = [], False
    for piece in MARK.split(str(snippet or "")):
        if piece == "<mark>" and not open_mark:
            parts.append(piece)
            open_mark = True
        elif piece == "</mark>" and open_mark:
            parts.append(piece)
            open_mark = False
        elif piece not in ("<mark>", "</mark>"):
            parts.append(escape(html.unescape(piece)))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # nosec B308 B703 # only <mark> is markup; the rest escaped


def _options(text, counts, chosen):
    every = TypeOption("", str(_("All")), sum(counts.values()), chosen is None, urlencode([("q", text)]))
    return [every] + [
        TypeOption(
            kind,
            str(TYPE_LABELS[kind]),
            counts.get(kind, 0),
            kind == chosen,
            urlencode([("q", text), ("type", kind)]),
        )
        for kind in SITE_TYPES
    ]


# The interface ---------------------------------------------------------------------------------


def search(query, type=None, page=1, per_page=PER_PAGE):
    """One page of what the public may find for these words, grouped by type, with counts."""
    text = clean_query(query)
    kind = clean_type(type)
    page = _positive_int(page)
    counts = dict.fromkeys(SITE_TYPES, 0)
    if not text:
        return SiteSearchResults([], 0, 1, 1, per_page, counts, text, kind)
    try:
        query = SiteQuery(text=text, type=kind, page=page, per_page=per_page, language=visitor_language())
        found = run("site_search", query)
    except (SearchUnavailable, DatabaseError):
        logger.exception("Site search failed for %r", text)
        return SiteSearchResults([], 0, 1, 1, per_page, counts, text, kind, failed=True)
    for hit in found.hits:
        hit.snippet = safe_snippet(hit.snippet)
    counts.update({each: n for each, n in found.counts.items() if each in counts})
    suggestion = clean_query(found.suggestion)
    return SiteSearchResults(
        hits=found.hits,
        total=found.total,
        page=found.page,
        num_pages=page_count(found.total, per_page),
        per_page=per_page,
        counts=counts,
        query=text,
        type=kind,
        suggestion=suggestion if suggestion.lower() != text.lower() else "",
        options=_options(text, counts, kind),
    )


def suggest(query, limit=8):
    """Suggestions for the search box, of the visitor's language's pages and listings; [] for
    fewer than two characters or when search fails."""
    text = clean_query(query)
    limit = min(_positive_int(limit, 8), MAX_SUGGESTIONS)
    if len(text) < MIN_SUGGEST_LENGTH:
        return []
    try:
        return list(run("suggest", text, limit, visitor_language()))[:limit]
    except (SearchUnavailable, DatabaseError):
        logger.exception("Suggestions failed for %r", text)
        return []


__all__ = ["TYPE_LABELS", "SiteSearchResults", "TypeOption", "clean_query", "search", "suggest"]
