import logging
import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.template.response import TemplateResponse
from wagtail.models import Page

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Quotes, brackets and operators are query syntax to the full-text engines (SQLite FTS5 fails on
# an unbalanced quote); people's searches are words, so only words reach the engine.
NOT_A_WORD = re.compile(r"[^\w\s'-]|'(?!\w)|(?<!\w)'", re.UNICODE)


def clean_query(raw):
    return " ".join(NOT_A_WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).split())


def site_search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = clean_query(query)
    results, failed = [], False
    if terms:
        try:
            results = list(Page.objects.live().public().specific().search(terms)[:100])
        except DatabaseError:
            logger.exception("Site search failed for %r", terms)
            failed = True
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(max(paginator.num_pages, 1))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": page_obj.object_list, "page_obj": page_obj, "search_failed": failed},
    )
