"""Candidate retrieval for matching: the interface SearchConfig.ready() plugs into `matching.retrieval`.

    jobs = candidate_jobs(graduate)          # JobListing queryset after the hard filters
    people = candidate_graduates(job)        # Graduate queryset after the hard filters
    rows = job_ranking_rows(graduate, regions, skill_ids, certification_ids, limit)

The hard filters (job published and open, employer verified, graduate seeking with a current
consent and a verified provider, no restriction clash, place compatible) are applied by the
engine, in SQL as far as the database allows. `matching.scoring` re-checks the place rule in
Python, where it also writes the reason in plain words, so an engine may be coarser there but
never stricter.

Which engine answers is decided here (`search.engines.run_matching`), never by a view.
"""

from .engines import run_matching


def candidate_jobs(graduate):
    """Open jobs that pass every hard filter for `graduate` (none when they are not matchable)."""
    return run_matching("candidate_jobs", graduate)


def candidate_graduates(job):
    """Matchable graduates that pass every hard filter for `job` (none when it is not open)."""
    return run_matching("candidate_graduates", job)


def job_ranking_rows(graduate, regions, skill_ids, certification_ids, limit):
    """What ranking the jobs of `graduate` needs, for every candidate that could be in the top `limit`.

    Rows (see `search.engines.matching_db.JobRow`): the job's pk, sector, employment_type,
    start_date, region, published_at and the counts of its required/preferred skills in
    `skill_ids` and certifications in `certification_ids` (synonyms already expanded). Jobs left
    out match none of those and rank below the `limit` best of the rest, so scoring the rows
    (matching.scoring holds the weights) gives the exact top `limit`.
    """
    return run_matching("job_ranking_rows", graduate, regions, skill_ids, certification_ids, limit)
