"""The search server's side of `make bench`, measured when OPENSEARCH_URL (or ELASTICSEARCH_URL)
names one: the job index rebuilt as `manage.py search_index rebuild` does it (`search.index.rebuild`,
its progress bar on the terminal), timed and sized, then the same job searches and matchings timed
on the database engine and on the server in one run, so the two columns share the machine's load.

The run fails rather than report numbers for work it did not do: the index must hold one document
per published open job, and no search timed on the server may have been answered by the database
(`search.engines.FALLBACKS` counts those answers). Called after common.configure().
"""

import contextlib
import logging
import sys
import time

# The libraries log every request at INFO: thousands of lines that would bury the table and the
# progress bar. Their warnings (a failing server) still show.
QUIET_LOGGERS = ("opensearch", "elasticsearch", "elastic_transport")
# A node started with the full JIT runs its search code interpreted until it has run it often
# enough: the first hundreds of searches after a start (or after the rebuild, which exercises
# other code) measured 2 to 3 times slower than the same searches a minute later (p50 101 ms
# against 32 ms for "'warehouse' + 2 filters"). A running site's node is long past that, so each
# engine gets an untimed pass of every shape first.
WARM_ROUNDS = 5


class ServerSideFailed(SystemExit):
    """The server side did not do the work it names; the message says what differed."""


def server_name():
    """ "opensearch" or "elasticsearch" when a server is configured, None otherwise."""
    from search.engines.client import configured_engine

    return configured_engine()


@contextlib.contextmanager
def database_engine():
    """Searches inside answered by PostgreSQL, as on a site without a search server."""
    from django.test.utils import override_settings

    with override_settings(OPENSEARCH_URL="", ELASTICSEARCH_URL=""):
        yield


def job_index(rebuild=True):
    """Rebuild the job index (unless `rebuild` is false) and check it holds every published open job:
    {"alias", "index", "rebuild_seconds", "documents", "bytes", "open_jobs"}."""
    from jobs.models import JobListing
    from search import index
    from search.engines.elasticsearch.documents import JobDocument

    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    seconds = None
    if rebuild:
        print(f"\nRebuilding the job index on {server_name()} (search.index.rebuild)", flush=True)
        started = time.perf_counter()
        index.rebuild([JobDocument], out=sys.stderr)
        seconds = round(time.perf_counter() - started, 1)
    alias = JobDocument.alias()
    sizes = index.connected_client().index_sizes(alias)
    if len(sizes) != 1:
        raise ServerSideFailed(f"the alias {alias} names {len(sizes)} indices, not one: {sorted(sizes)}")
    [(name, size)] = sizes.items()
    open_jobs = JobListing.objects.published().count()
    if size["documents"] != open_jobs:
        raise ServerSideFailed(
            f"the job index {name} holds {size['documents']} documents for {open_jobs} published open jobs"
        )
    return {"alias": alias, "index": name, "rebuild_seconds": seconds, **size, "open_jobs": open_jobs}


def side_by_side(measure, rounds, warm_rounds=WARM_ROUNDS):
    """`measure(rounds)` on the database engine, then on the server: (database rows, server rows),
    each after an untimed `measure(warm_rounds)`.

    Fails if any search of the server's turn, warm or timed, was answered by the database."""
    from search.engines import FALLBACKS

    with database_engine():
        measure(warm_rounds)
        database_rows = measure(rounds)
    before = FALLBACKS.copy()
    measure(warm_rounds)
    server_rows = measure(rounds)
    fell_back = FALLBACKS - before
    if fell_back:
        raise ServerSideFailed(
            f"{server_name()} did not answer every search timed on it; the database answered instead: "
            + ", ".join(f"{operation} {count}x" for operation, count in sorted(fell_back.items()))
            + " (the node's log and this run's warnings say why)"
        )
    return database_rows, server_rows


def merged(database_rows, server_rows, keys):
    """One row per name: each of `keys` of the database's row as `<key>_db`, the server's as `<key>_server`."""
    by_name = {row["name"]: row for row in server_rows}
    rows = []
    for database_row in database_rows:
        server_row = by_name.get(database_row["name"], {})
        row = {"name": database_row["name"]}
        for key in keys:
            row[f"{key}_db"] = database_row.get(key)
            row[f"{key}_server"] = server_row.get(key)
        rows.append(row)
    return rows
