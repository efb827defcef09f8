import logging

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import contributions
from .addresses import absolute_url

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """The process is up and answering; nothing behind it is asked."""
    return JsonResponse({"status": "ok"})


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Exception:  # any driver error means "not ready"
        logger.warning("Readiness: the database does not answer", exc_info=True)
        return False


@never_cache
@require_GET
def readyz(request):
    """Ready to serve: the database must answer; a missing search engine only degrades."""
    database = "ok" if _database_answers() else "down"
    search = contributions.search_status() if database == "ok" else "unknown"
    if database != "ok":
        status, code = "down", 503
    elif search != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "database": database, "search": search}, status=code)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /support/",
        "Disallow: /employer/",
        "Disallow: /partner/",
        "Disallow: /volunteer/area/",
        "Disallow: /accounts/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
