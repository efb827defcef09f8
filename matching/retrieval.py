"""Where matching gets its candidates: an engine the search app plugs in.

Matching (matching.scoring) scores and explains; which engine finds the candidates (the
database, or Elasticsearch) is search's business. The search app hands its interface in from
SearchConfig.ready() (`serve_with(search.matching)`), so this domain never imports search while
search's engines may import the domain's weights and place rule.
"""

from django.core.exceptions import ImproperlyConfigured

_engine = None


def serve_with(engine):
    """Use `engine` (candidate_jobs, candidate_graduates, job_ranking_rows) for matching."""
    global _engine
    _engine = engine


def _served():
    if _engine is None:
        raise ImproperlyConfigured(
            "Matching needs a candidate retrieval engine: add 'search' to INSTALLED_APPS."
        )
    return _engine


def candidate_jobs(graduate):
    return _served().candidate_jobs(graduate)


def candidate_graduates(job):
    return _served().candidate_graduates(job)


def job_ranking_rows(graduate, regions, skill_ids, certification_ids, limit):
    return _served().job_ranking_rows(graduate, regions, skill_ids, certification_ids, limit)
