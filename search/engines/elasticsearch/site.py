"""Site search and the search box's suggestions over the five site indices in one request.

Counts per type come from a terms aggregation on `type` (over every hit); the chosen type
narrows the hits through a post_filter, so the counts of the other types stay visible. Snippets
are highlighted by the server with <mark> and the HTML encoder (the rest of the text escaped).
"Did you mean" is a phrase suggester over `spelling` (titles and summaries, unstemmed; scored by
the word pairs of `spelling.shingles`), kept only when the corrected words find something (collate).
"""

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape
from django.utils.text import Truncator
from elasticsearch.dsl import Q, Search

from ..base import (
    SITE_TYPES,
    SiteHit,
    SiteHits,
    SiteQuery,
    Suggestion,
    clamp_page,
    deepest_page,
    distinct,
    visitor_language,
)
from .documents import SITE_DOCUMENTS
from .jobs import open_on, words_query

SITE_FIELDS = ["title^3", "summary^2", "description", "body", "employer_name", "place", "skill_names"]
SNIPPET_FIELDS = ("summary", "description", "body")
SNIPPET_LENGTH = 160
# Top-level options: the encoder is only accepted there, and they apply to every field.
HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fragment_size": SNIPPET_LENGTH,
    "number_of_fragments": 1,
}


def site_indices():
    # Searched with ignore_unavailable: one type's index missing (never rebuilt, or deleted by
    # hand) leaves the others found; `search_index status` names the missing one.
    return [document.alias() for document in SITE_DOCUMENTS]


def did_you_mean(text):
    return {
        "text": text,
        "phrase": {
            # Scored by word pairs (shingles): of the corrections of each word, the ones that go
            # together on this site win, which collate then confirms find something.
            "field": "spelling.shingles",
            "size": 3,  # the best of three that collate keeps: a likelier one may find nothing
            "gram_size": 2,
            "max_errors": 2,
            # Each index's shard scores the typed words against its own few words, and the
            # highest of those scores cut every other shard's corrections (the live node found
            # none over the five indices as soon as the pages' index held only "Home"); collate
            # below is what keeps a correction honest, so nothing is cut by confidence.
            "confidence": 0,
            # prefix_length 0: a first letter mistyped ("tight" for "night") is corrected too.
            "direct_generator": [{"field": "spelling", "suggest_mode": "always", "prefix_length": 0}],
            "collate": {
                "query": {"source": {"match": {"spelling": {"query": "{{suggestion}}", "operator": "and"}}}},
                "prune": False,
            },
        },
    }


def build_site_search(query: SiteQuery, page=None, today=None):
    today = today or timezone.localdate()
    page = page or query.page
    start = (page - 1) * query.per_page
    search = (
        Search(index=site_indices())
        .query(words_query(query.text, SITE_FIELDS, language=query.language))
        .filter(open_on(today))
        .filter(in_locale(query.language))
        .source(["type", "title", "summary", "url", "date"])
        .highlight(*SNIPPET_FIELDS)
        .highlight_options(**HIGHLIGHT)
        .extra(track_total_hits=True, suggest={"did_you_mean": did_you_mean(query.text)})
        .params(ignore_unavailable=True)
    )
    search.aggs.bucket("types", "terms", field="type", size=len(SITE_TYPES))
    if query.type:
        search = search.post_filter("term", type=query.type)
    return search[start : start + query.per_page]


def _snippet(hit):
    highlight = getattr(hit.meta, "highlight", None)
    if highlight:
        for field in SNIPPET_FIELDS:
            fragments = highlight.to_dict().get(field)
            if fragments:
                return fragments[0]
    return escape(Truncator(hit.to_dict().get("summary") or "").chars(SNIPPET_LENGTH))


def _date(value):
    if not value or not isinstance(value, str):
        return value or None
    return parse_datetime(value) if "T" in value else parse_date(value)


def site_hits_of(response, query, page):
    counts = dict.fromkeys(SITE_TYPES, 0)
    for bucket in response.aggregations.types.buckets:
        if bucket.key in counts:
            counts[bucket.key] = bucket.doc_count
    hits = []
    for hit in response:
        source = hit.to_dict()
        hits.append(
            SiteHit(
                type=source.get("type", ""),
                title=source.get("title", ""),
                url=source.get("url", ""),
                snippet=_snippet(hit),
                date=_date(source.get("date")),
            )
        )
    total = response.hits.total.value
    # As the database engine does: a correction only when the words found nothing at all.
    suggestion = "" if total or query.type else corrected(response, query.text)
    return SiteHits(hits=hits, total=total, page=page, counts=counts, suggestion=suggestion)


def corrected(response, text):
    entries = response.to_dict().get("suggest", {}).get("did_you_mean") or [{}]
    options = entries[0].get("options") or []
    if options and options[0]["text"].lower() != text.lower():
        return options[0]["text"]
    return ""


def site_search(query: SiteQuery, client) -> SiteHits:
    # Never asked past the result window: the server would refuse the whole request.
    asked = min(query.page, deepest_page(query.per_page))
    response = client.execute(build_site_search(query, page=asked))
    total = response.hits.total.value
    page = clamp_page(query.page, total, query.per_page)
    if page != asked and total:
        response = client.execute(build_site_search(query, page=page))
    return site_hits_of(response, query, page)


def in_locale(language):
    """Pages of the visitor's locale; whatever has no locale (jobs, employers) is kept."""
    language = visitor_language(language)
    return ~Q("exists", field="locale") | Q("term", locale=language)


def in_language(language):
    """Pages and listings of the visitor's language (what the search box suggests); employers kept."""
    language = visitor_language(language)
    listings = ~Q("exists", field="language") | Q("term", language=language)
    return Q("bool", must=[in_locale(language), listings])


def build_suggest(text, limit=8, today=None, language=""):
    """Titles starting with the words typed (edge n-grams of each word), best first, of the
    visitor's language's pages and listings."""
    today = today or timezone.localdate()
    search = (
        Search(index=site_indices())
        .query(Q("match", **{"title.autocomplete": {"query": text, "operator": "and"}}))
        .filter(open_on(today))
        .filter(in_language(language))
        .source(["type", "title", "url", "summary"])
        .params(ignore_unavailable=True)
    )
    # More than `limit`: listings alike (same title, employer and place) count once.
    return search[: limit * 4]


def suggestions_of(response):
    found = []
    for hit in response:
        source = hit.to_dict()
        if not source.get("url"):
            continue
        # A job's summary is "employer, place" (documents.JobDocument), what tells alike jobs apart.
        detail = source.get("summary", "") if source.get("type") == "job" else ""
        found.append(Suggestion(label=source["title"], url=source["url"], type=source["type"], detail=detail))
    return distinct(found)


def suggest(text, limit, client, language=""):
    return suggestions_of(client.execute(build_suggest(text, limit, language=language)))[:limit]
