"""Generation counters in the shared cache: the cheapest way to drop a whole family of cached
things at once (pages, fragments, people's area links, admin menus). Every key of the family
holds the current generation; advancing it makes them all stale in every process at the same
moment, and they expire on their own."""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)


class Generation:
    def __init__(self, key, what):
        self.key = key
        self.what = what  # for the log: "cached pages", "cached areas"...

    def current(self):
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, 1, timeout=None)
            value = cache.get(self.key, 1)
        return value

    def advance(self):
        """Now, and again when the current transaction commits, so that a request between the
        two cannot keep the old data under the new generation."""
        self._advance()
        connection = transaction.get_connection()
        if connection.in_atomic_block and not any(
            entry[1] == self._advance for entry in connection.run_on_commit
        ):
            transaction.on_commit(self._advance)

    def _advance(self):
        try:
            cache.incr(self.key)
        except ValueError:  # not set yet: nothing is cached under a generation that could be reused
            cache.add(self.key, 2, timeout=None)
        except Exception:  # the cache server is away: what it holds expires on its own
            logger.warning("Cache unavailable; could not drop %s", self.what, exc_info=True)


class GenerationFamily:
    """One generation per member of a family (an organisation's own cached pages): a change to one
    organisation drops its pages only, and nothing of one can be served under another's key."""

    def __init__(self, prefix, what):
        self.prefix = prefix
        self.what = what

    def of(self, pk):
        return Generation(f"{self.prefix}:{pk}", f"{self.what} of {pk}")

    def advance(self, *pks):
        for pk in {pk for pk in pks if pk is not None}:
            self.of(pk).advance()


def current_generation(generation):
    """The generation's number, or None while the cache server is away (the fragment keyed by it
    is then rendered, as without the cache)."""
    try:
        return generation.current()
    except Exception:
        logger.warning("Cache unavailable; %s not read", generation.what, exc_info=True)
        return None


def advance_on_change(model, receiver):
    """Call `receiver` after any instance of `model` is saved or deleted (one connection each)."""
    uid = f"area-cache-{model._meta.label}"
    post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
