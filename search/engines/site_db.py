"""Site search and the search box's suggestions, answered by the database.

Stories, campaigns and other pages go through Wagtail's page search (PostgreSQL full text on
PostgreSQL, FTS5 on SQLite); job listings through the job engine's own word matching; employers
on the pledge wall through a small full-text (or word-by-word) match of name and description.
Only what the public may see is ever looked at: live pages outside every view restriction,
published listings, verified employers with an active public pledge.

Scores from different tables cannot be compared, so "all types" lists the types in turns
(the best story, the best campaign, the best job, …, then the second of each), which puts every
type's best hits on the first page. Queries per search, whatever the number of rows: one count
per source (pages by content type in one), then one slice per source that the page shows, plus
one per kind of "other page" shown.
"""

import difflib
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connections
from django.db.models import F, Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page

from campaigns.models import CampaignPage
from employers.figures import on_the_wall
from jobs.models import JobListing
from portal.visibility import public_q, visible
from stories.models import StoryPage
from taxonomy.models import Skill

from .base import (
    SITE_TYPES,
    SiteHit,
    SiteHits,
    SiteQuery,
    Suggestion,
    clamp_page,
    distinct,
    job_detail,
    visitor_language,
)

WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
MAX_WORDS = 10
SNIPPET_LENGTH = 220
# Words this short say too little to highlight or correct ("a", "of").
MIN_WORD_LENGTH = 2
# A crude stemmer, only for highlighting: "bricklayers" marks "bricklaying" as the engine found it.
SUFFIXES = ("ings", "ing", "ers", "er", "ies", "es", "ed", "s")
VOCABULARY_KEY = "search:did-you-mean-vocabulary"
VOCABULARY_TIMEOUT = 15 * 60
VOCABULARY_ROWS = 5000
DATABASE_PAGE_BACKENDS = ("wagtail.search.backends.database", "modelsearch.backends.database")
# Without an index of its own (another backend keeps the pages' index), the database engine
# searches the pages' fields directly.
UNINDEXED_PAGE_BACKEND = "modelsearch.backends.database.fallback"


def page_search_backend():
    """The Wagtail backend the database engine may use: never a search server (it is the safety net)."""
    configured = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    return "default" if configured in DATABASE_PAGE_BACKENDS else UNINDEXED_PAGE_BACKEND


def locale_of(language):
    """The Wagtail locale of a language code, or None when the site has no such locale."""
    try:
        return Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        return None


def in_locale(pages, locale):
    """The pages of one locale (every page when the site has no locale for the language)."""
    return pages if locale is None else pages.filter(locale=locale)


def words_of(text):
    return WORD.findall(text)[:MAX_WORDS]


# Snippets --------------------------------------------------------------------------------------


def _stem(word):
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def highlighter(text):
    """A pattern matching the words of a query (and their other forms) at the start of a word."""
    stems = sorted({_stem(word) for word in words_of(text) if len(word) >= MIN_WORD_LENGTH}, key=len)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in reversed(stems))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)


def snippet(texts, pattern, length=SNIPPET_LENGTH):
    """Safe HTML: a passage of the first text that holds a matched word, those words in <mark>."""
    texts = [" ".join(strip_tags(text).split()) for text in texts if text]
    texts = [text for text in texts if text]
    if not texts:
        return mark_safe("")  # nosec B308 # an empty string
    chosen, first = texts[0], None
    if pattern is not None:
        for text in texts:
            found = pattern.search(text)
            if found:
                chosen, first = text, found
                break
    start = 0
    if first is not None and first.start() > length // 3:
        start = chosen.rfind(" ", 0, first.start() - length // 4) + 1
    end = len(chosen)
    if end - start > length:
        end = chosen.rfind(" ", start, start + length)
        end = end if end > start else start + length
    passage = chosen[start:end]
    parts, position = [], 0
    for match in pattern.finditer(passage) if pattern is not None else ():
        parts.append(escape(passage[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(passage[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(chosen) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # nosec B308 B703 # every piece escaped above


def stream_text(value, limit=4000):
    """The words of a StreamField's raw data (rich text stripped), without rendering anything."""
    pieces, size = [], 0

    def walk(node):
        nonlocal size
        if size >= limit:
            return
        if isinstance(node, str):
            text = strip_tags(node)
            pieces.append(text)
            size += len(text)
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in ("id", "type"):
                    walk(item)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    raw = getattr(value, "raw_data", None)
    walk(list(raw) if raw is not None else [])
    return " ".join(pieces)[:limit]


# Turns between the types -----------------------------------------------------------------------


def in_turns(counts, start, stop):
    """Positions start..stop-1 of the list that takes one hit of each type in turn: [(type, index)]."""
    placed, position, turn = [], 0, 0
    kinds = [kind for kind in SITE_TYPES if counts.get(kind)]
    while kinds and position < stop:
        kinds = [kind for kind in kinds if counts[kind] > turn]
        if position + len(kinds) <= start:  # the whole turn lies before the page
            position += len(kinds)
        else:
            for kind in kinds:
                if start <= position < stop:
                    placed.append((kind, turn))
                position += 1
        turn += 1
    return placed


class SiteSearchDatabaseMixin:
    """`site_search` and `suggest` for DatabaseEngine (which provides `_match_text` and `_order`)."""

    # Site search ---------------------------------------------------------------------------

    def site_search(self, query: SiteQuery) -> SiteHits:
        text = " ".join(words_of(query.text))
        language = visitor_language(query.language)
        locale = locale_of(language)
        sources = self._sources(text, language, locale)
        counts = dict.fromkeys(SITE_TYPES, 0)
        counts.update(self._page_counts(text, sources, locale))
        counts["job"] = sources["job"].count()
        counts["employer"] = sources["employer"].count()
        total = counts[query.type] if query.type else sum(counts.values())
        page = clamp_page(query.page, total, query.per_page)
        start = (page - 1) * query.per_page
        stop = start + query.per_page
        if query.type:
            placed = [(query.type, index) for index in range(start, min(stop, total))]
        else:
            placed = in_turns(counts, start, stop)
        pattern = highlighter(text)
        found = {}
        for kind in SITE_TYPES:
            indexes = [index for each, index in placed if each == kind]
            if indexes:
                rows = list(sources[kind][indexes[0] : indexes[-1] + 1])
                found[kind] = dict(zip(indexes, rows, strict=False))
        hits = [
            self._hit(kind, found[kind][index], pattern)
            for kind, index in placed
            if index in found.get(kind, {})
        ]
        suggestion = "" if total or query.type else self._did_you_mean(text, language, locale)
        return SiteHits(hits=hits, total=total, page=page, counts=counts, suggestion=suggestion)

    def _sources(self, text, language, locale):
        """Each type's ranked matches, as lazy querysets (sliced only for the page shown).

        Pages are the visitor's locale's only (Wagtail keeps a page per language): a French
        visitor is shown the French pages, not the four languages' versions of each. Job
        listings are every language's, as on the board (whose language filter narrows them).
        """
        backend = page_search_backend()

        def pages(queryset):
            return queryset.search(text, operator="and", backend=backend)

        story, campaign = self._content_types()
        others = visible(in_locale(Page.objects.filter(depth__gt=1), locale)).exclude(
            content_type__in=[story, campaign]
        )
        jobs, rank = self._match_text(JobListing.objects.published(), text, language)
        return {
            "story": pages(in_locale(StoryPage.objects.live().filter(public_q()), locale)),
            "campaign": pages(in_locale(CampaignPage.objects.live().filter(public_q()), locale)),
            "job": self._order(jobs.select_related("employer"), "relevance", rank),
            "employer": self._match_employers(on_the_wall(), text),
            "page": pages(others.specific()),
        }

    def _content_types(self):
        # Cached by Django for the life of the process after the first look-up.
        found = ContentType.objects.get_for_models(StoryPage, CampaignPage)
        return found[StoryPage].pk, found[CampaignPage].pk

    def _page_counts(self, text, sources, locale):
        """Hits per page type: one faceted count over every visible page where the index allows."""
        backend = page_search_backend()
        if backend == UNINDEXED_PAGE_BACKEND:
            # Searching fields directly, a page is matched by the fields of its own type only.
            return {kind: sources[kind].count() for kind in ("story", "campaign", "page")}
        story, campaign = self._content_types()
        every_page = visible(in_locale(Page.objects.filter(depth__gt=1), locale))
        results = every_page.search(text, operator="and", backend=backend)
        counts = {"story": 0, "campaign": 0, "page": 0}
        for content_type, n in results.facet("content_type_id").items():
            kind = {story: "story", campaign: "campaign"}.get(content_type, "page")
            counts[kind] += n
        return counts

    def _match_employers(self, employers, text):
        if connections[employers.db].vendor == "postgresql":
            config = getattr(settings, "SEARCH_TEXT_CONFIG", "english")
            vector = SearchVector("name", weight="A", config=config) + SearchVector(
                "description", weight="B", config=config
            )
            words = SearchQuery(text, search_type="websearch", config=config)
            return (
                employers.annotate(document=vector)
                .filter(document=words)
                .annotate(rank=SearchRank(vector, words))
                .order_by(F("rank").desc(), "name", "pk")
            )
        for word in words_of(text):
            employers = employers.filter(Q(name__icontains=word) | Q(description__icontains=word))
        return employers.order_by("name", "pk")

    def _hit(self, kind, row, pattern):
        if kind == "job":
            texts = [row.description, f"{row.employer.name}, {row.place}"]
            return SiteHit(kind, row.title, row.get_absolute_url(), snippet(texts, pattern), row.published_at)
        if kind == "employer":
            texts = [row.description, row.get_sector_display()]
            return SiteHit(kind, row.name, row.get_absolute_url(), snippet(texts, pattern))
        texts = [
            getattr(row, "standfirst", ""),
            getattr(row, "introduction", ""),
            row.search_description,
        ]
        if hasattr(row, "body"):
            texts.append(stream_text(row.body))
        date = row.first_published_at if kind != "page" else None
        return SiteHit(kind, row.title, row.url or "", snippet(texts, pattern), date)

    # Did you mean ----------------------------------------------------------------------------

    def _did_you_mean(self, text, language, locale):
        """The query with each unknown word replaced by the closest word the site uses, or ""."""
        vocabulary = self._vocabulary(language, locale)
        corrected = []
        for word in words_of(text):
            lower = word.lower()
            if len(lower) < 3 or lower in vocabulary:
                corrected.append(lower)
                continue
            close = difflib.get_close_matches(lower, vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else lower)
        suggestion = " ".join(corrected)
        return suggestion if suggestion != text.lower() else ""

    def _vocabulary(self, language, locale):
        # The words of the visitor's language's pages and listings: one vocabulary per language.
        key = f"{VOCABULARY_KEY}:{language}"
        words = cache.get(key)
        if words is None:
            pages = visible(in_locale(Page.objects.filter(depth__gt=1), locale))
            titles = [
                *pages.values_list("title", flat=True)[:VOCABULARY_ROWS],
                *JobListing.objects.published()
                .filter(language=language)
                .values_list("title", flat=True)[:VOCABULARY_ROWS],
                *Skill.objects.values_list("name", flat=True)[:VOCABULARY_ROWS],
                *on_the_wall().values_list("name", flat=True)[:VOCABULARY_ROWS],
            ]
            words = sorted(
                {word.lower() for title in titles for word in WORD.findall(title) if len(word) >= 3}
            )
            cache.set(key, words, VOCABULARY_TIMEOUT)
        return words

    # Suggestions -----------------------------------------------------------------------------

    def suggest(self, text, limit=8, language="") -> list[Suggestion]:
        """Titles that have a word starting with the text: the best (title starts with it) first.

        The visitor's language's pages and listings only: the search box suggests what the
        visitor can read."""
        text = " ".join(text.split())
        if not text or limit < 1:
            return []
        language = visitor_language(language)

        def word_start(field):
            return Q(**{f"{field}__istartswith": text}) | Q(**{f"{field}__icontains": f" {text}"})

        story, campaign = self._content_types()
        kinds = {story: "story", campaign: "campaign"}
        found = []
        pages = visible(in_locale(Page.objects.filter(depth__gt=1), locale_of(language)))
        pages = pages.filter(word_start("title")).order_by("title", "pk")
        for page in pages[:limit]:
            kind = kinds.get(page.content_type_id, "page")
            found.append(Suggestion(page.title, page.url or "", kind))
        jobs = JobListing.objects.published().filter(word_start("title"), language=language)
        jobs = jobs.select_related("employer")
        # More than `limit`: listings alike (same title, employer and place) count once below.
        for job in jobs.order_by("-published_at", "-pk")[: limit * 4]:
            detail = job_detail(job.employer.name, job.place or job.region_name)
            found.append(Suggestion(job.title, job.get_absolute_url(), "job", detail))
        for employer in on_the_wall().filter(word_start("name")).order_by("name", "pk")[:limit]:
            found.append(Suggestion(employer.name, employer.get_absolute_url(), "employer"))
        lowered = text.lower()
        found.sort(key=lambda each: (not each.label.lower().startswith(lowered), len(each.label)))
        return distinct(found)[:limit]
