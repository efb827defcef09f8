"""Background tasks keeping the search server's indices in step (enqueued by search.signals).

An engine that cannot be reached is logged, not raised: the database engine answers meanwhile,
and `manage.py search_index update` (or the next change to the object) brings the index back.
"""

import logging

from django_tasks import task

from . import index

logger = logging.getLogger(__name__)


@task()
def index_object(label, pk):
    """Write `label`/`pk` to the indices it belongs to, or take it out when it may not be found."""
    return _attempt(index.index_object, label, pk)


@task()
def remove_object(label, pk):
    """Take `label`/`pk` out of every index (deleted, or consent withdrawn)."""
    return _attempt(index.remove_object, label, pk)


def _attempt(operation, label, pk):
    try:
        operation(label, pk)
    except index.engine_errors() as error:
        logger.warning("Search index not updated for %s %s: %s", label, pk, error)
        return False
    return True
