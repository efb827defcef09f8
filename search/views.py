"""Site search (/search/) and the search box's suggestions (/search/suggest/).

Both speak only to the `search.site` interface; neither ever answers with an error page.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from employers.figures import public_pledge_by_reference

from . import site

# Suggestions change when content is published; a minute of staleness saves a query per keystroke.
SUGGEST_MAX_AGE = 60


@require_safe
def site_search(request):
    results = site.search(request.GET.get("q", ""), request.GET.get("type"), request.GET.get("page", 1))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": results.query,
            "results": results,
            "page_obj": results,
            "filter_query": results.filter_query,
            "search_failed": results.failed,
            # A hiring pledge's reference ("HP-2026-00021") leads to that pledge, whatever the engine.
            "found_pledge": public_pledge_by_reference(results.query),
        },
    )


@require_safe
def suggest(request):
    query = site.clean_query(request.GET.get("q", ""))
    suggestions = [
        {"label": each.label, "url": each.url, "type": each.type, "detail": each.detail}
        for each in site.suggest(query)
    ]
    pledge = public_pledge_by_reference(query)
    if pledge:
        suggestions.insert(
            0,
            {
                "label": pledge.reference,
                "url": pledge.get_absolute_url(),
                "type": "pledge",
                "detail": pledge.employer.name,
            },
        )
    response = JsonResponse({"query": query, "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
    return response
