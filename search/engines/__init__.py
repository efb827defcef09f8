"""Search engines behind the `search` interface. Views never import from here: `search.jobs` does.

Today there is one engine, the database (PostgreSQL full text, or plain matching on SQLite). An
Elasticsearch engine (issue 7) implements the same methods and returns the same `JobHits`; the
interface picks it when it is configured and falls back to the database when it fails.
"""

from .base import JobHits, JobQuery


def job_engine():
    """The engine job search runs on."""
    from .database import DatabaseEngine

    return DatabaseEngine()


__all__ = ["JobHits", "JobQuery", "job_engine"]
