"""Keeping the search server's indices in step with the database.

Each Document class (search/engines/elasticsearch/documents.py) is read through an alias
(`<prefix>_jobs`). `rebuild` loads a fresh, versioned index (`<alias>_<UTC timestamp>`) and only
when it is complete moves the alias to it in one alias update, so searches never meet a missing or
half-filled index; the indices the alias left are then deleted. `update` re-sends every indexable
object into the index behind the alias. `index_object` and `remove_object` keep single objects in
step (called by search.tasks, and directly where consent is withdrawn): before any rebuild the
first write creates the index behind the alias, and an edit made while `rebuild` loads is noted
and replayed into the new index after the swap (`RebuildEdits`), so a rebuild under edits loses
none. Every request goes through
the client adapter (search.engines.client), so the same code serves Elasticsearch and OpenSearch.

Nothing here runs without a server (ELASTICSEARCH_URL or OPENSEARCH_URL): `IndexingUnavailable`
says why, in words fit for a command line.
"""

import contextlib
import logging
import sys
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache

from .engines.base import EngineBadRequest, SearchUnavailable, result_window
from .engines.client import SETTINGS, configured_engine, get_client

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# Seconds. Creating an index or a bulk request of 500 documents may take much longer than the
# search timeout (SEARCH_TIMEOUT) that suits a visitor waiting for a page.
ADMIN_TIMEOUT = 120


# The Elasticsearch client's ping of an OpenSearch server answers False (the server refuses its
# media type with a 406), and the other way round the product differs: name the likely mix-up.
OTHER_SERVER = {
    "elasticsearch": "(An OpenSearch server is named by OPENSEARCH_URL.)",
    "opensearch": "(An Elasticsearch server is named by ELASTICSEARCH_URL.)",
}


class IndexingUnavailable(Exception):
    """No search server is configured, or it does not answer."""


def engine_errors():
    """The exceptions meaning "the search server could not do it" (not a bug of ours)."""
    return (SearchUnavailable, IndexingUnavailable)


def client():
    if configured_engine() is None:
        raise IndexingUnavailable(
            "Neither ELASTICSEARCH_URL nor OPENSEARCH_URL is set: the database engine needs no index. "
            "Set one to the address of a search server (Elasticsearch 8 or 9, or OpenSearch 2 or 3; "
            "e.g. http://localhost:9200) to build one."
        )
    return get_client()


def connected_client():
    """A client whose server answered a ping, patient enough for index administration;
    IndexingUnavailable otherwise."""
    engine = client()
    if not engine.ping():
        raise IndexingUnavailable(
            f"{engine.label} at {engine.address} does not answer. Is it running, and is "
            f"{SETTINGS[engine.engine]} right? {OTHER_SERVER[engine.engine]}"
        )
    return engine.with_timeout(ADMIN_TIMEOUT)


def document_classes():
    from .engines.elasticsearch.documents import DOCUMENTS  # elasticsearch.dsl: only where it is used

    return list(DOCUMENTS)


def documents_for(model):
    from .engines.elasticsearch.documents import documents_for as lookup  # elasticsearch.dsl, as above

    return lookup(model)


def document_name(doc_class):
    """The short name of a document type (`jobs`), from its alias."""
    alias = doc_class.alias()
    prefix = f"{settings.SEARCH_INDEX_PREFIX}_"
    return alias[len(prefix) :] if alias.startswith(prefix) else alias


# Whole indices ---------------------------------------------------------------------------------


def versioned_name(doc_class, now=None):
    now = now or datetime.now(UTC)
    return f"{doc_class.alias()}_{now:%Y%m%d%H%M%S%f}"


def index_body(doc_class, name):
    """The document's settings, analyzers and mapping (built by the dsl) for the index `name`."""
    body = doc_class._index.clone(name=name).to_dict()
    # The engines page no deeper than this window (search.engines.base): the index must agree.
    body.setdefault("settings", {})["max_result_window"] = result_window()
    return body


def create_index(es, doc_class, name):
    es.create_index(name, index_body(doc_class, name))


def rebuild(doc_classes=None, out=None, chunk_size=CHUNK_SIZE):
    """Load every indexable object into new indices and swap the aliases; [(alias, index, count)]."""
    es = connected_client()
    done = []
    for doc_class in doc_classes or document_classes():
        alias = doc_class.alias()
        name = versioned_name(doc_class)
        create_index(es, doc_class, name)
        edits = RebuildEdits(alias)
        edits.start()
        try:
            count = load(es, doc_class, name, out=out, chunk_size=chunk_size)
            es.refresh(name)
        except BaseException:
            # Leave the old index serving, and no half-built one behind.
            edits.finish()
            es.delete_index(name)
            raise
        old = es.indices_behind(alias)
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        if not old and es.index_exists(alias):
            # A concrete index took the alias's name (written to before any rebuild): replace it
            # in the same atomic call.
            actions.append({"remove_index": {"index": alias}})
        actions.append({"add": {"index": name, "alias": alias}})
        es.update_aliases(actions)
        # Edits made while the index was loading went to the old one: bring them over, read
        # afresh from the database.
        for pk in edits.finish():
            _bring_up_to_date(es, doc_class, pk)
        for index in old:
            es.delete_index(index)
        done.append((alias, name, count))
    return done


def update(doc_classes=None, out=None, chunk_size=CHUNK_SIZE):
    """Re-send every indexable object to the index behind each alias (created when missing)."""
    es = connected_client()
    done = []
    for doc_class in doc_classes or document_classes():
        alias = doc_class.alias()
        if not es.index_exists(alias):
            name = versioned_name(doc_class)
            create_index(es, doc_class, name)
            es.update_aliases([{"add": {"index": name, "alias": alias}}])
        count = load(es, doc_class, alias, out=out, chunk_size=chunk_size)
        done.append((alias, es.indices_behind(alias), count))
    return done


def status():
    """Per document type: its alias, the indices behind it, documents indexed and in the database."""
    es = connected_client()
    rows = []
    for doc_class in document_classes():
        alias = doc_class.alias()
        indices = es.indices_behind(alias)
        indexed = es.count(alias) if indices else None
        rows.append(
            {
                "name": document_name(doc_class),
                "alias": alias,
                "indices": indices,
                "indexed": indexed,
                "database": doc_class.indexed_queryset().count(),
            }
        )
    return rows


def refresh(doc_classes=None):
    """Make everything indexed so far searchable now (tests; the server refreshes each second anyway)."""
    es = connected_client()
    for doc_class in doc_classes or document_classes():
        es.refresh(doc_class.alias())


def actions_for(doc_class, index, chunk_size=CHUNK_SIZE):
    # indexed_queryset() is the rule of what may be found: no per-object check needed.
    for obj in doc_class.indexed_queryset().iterator(chunk_size=chunk_size):
        action = doc_class.from_object(obj).to_dict(include_meta=True)
        action["_index"] = index
        yield action


def load(es, doc_class, index, out=None, chunk_size=CHUNK_SIZE):
    """Bulk-send the indexable objects of `doc_class` into `index`; how many were sent."""
    total = doc_class.indexed_queryset().count()
    bar = ProgressBar(document_name(doc_class), total, out=out)
    sent = 0
    for ok, _item in es.streaming_bulk(actions_for(doc_class, index, chunk_size), chunk_size):
        sent += ok
        bar.advance()
    bar.finish()
    return sent


class ProgressBar:
    """`jobs  [#########...........]  450/1000` on one line of a terminal, redrawn in place."""

    width = 30

    def __init__(self, label, total, out=None):
        self.label, self.total, self.done = label, total, 0
        self.out = out if out is not None else sys.stderr
        self.interactive = getattr(self.out, "isatty", lambda: False)()
        self.step = max(1, total // 100)
        self.draw()

    def advance(self, n=1):
        self.done += n
        # Redraw at most a hundred times, and only on a terminal: logs get the start and end.
        if self.interactive and (self.done % self.step == 0 or self.done == self.total):
            self.draw()

    def draw(self, end=""):
        filled = self.width * min(self.done, self.total) // self.total if self.total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        line = f"{self.label:<12} [{bar}] {self.done}/{self.total}"
        self.out.write(("\r" if self.interactive else "") + line + end)
        if not self.interactive and not end:
            self.out.write("\n")
        self.out.flush()

    def finish(self):
        if self.interactive:
            self.draw(end="\n")
        else:
            self.draw()


# Single objects --------------------------------------------------------------------------------


def index_object(label, pk):
    """Bring the object `label`/`pk` up to date in every index it belongs to: written when it may be
    found, removed otherwise (unpublished, withdrawn, deleted)."""
    es = client()
    model = apps.get_model(label)
    for doc_class in documents_for(model):
        RebuildEdits(doc_class.alias()).note(pk)
        _bring_up_to_date(es, doc_class, pk)


def remove_object(label, pk):
    """Remove the object `label`/`pk` from every index it belongs to (missing is fine)."""
    es = client()
    model = apps.get_model(label)
    for doc_class in documents_for(model):
        RebuildEdits(doc_class.alias()).note(pk)
        _delete(es, doc_class, pk)


def _bring_up_to_date(es, doc_class, pk):
    obj = doc_class.indexed_queryset().filter(pk=pk).first()
    if obj is None:
        _delete(es, doc_class, pk)
        return
    document = doc_class.from_object(obj)
    try:
        # require_alias: never let a write create a concrete index without our mapping.
        es.index_document(doc_class.alias(), document.meta.id, document.to_dict(), require_alias=True)
    except EngineBadRequest as error:
        if error.status != 404:
            raise
        # Never rebuilt (or its index deleted by hand): the first index, with its mapping.
        create_first_index(es, doc_class)
        es.index_document(doc_class.alias(), document.meta.id, document.to_dict(), require_alias=True)


def create_first_index(es, doc_class):
    """An index behind the alias, created with the alias in one request: by a fixed name, so two
    writers at once make one index (the second is refused, which is fine)."""
    body = index_body(doc_class, f"{doc_class.alias()}_first")
    body["aliases"] = {doc_class.alias(): {}}
    try:
        es.create_index(f"{doc_class.alias()}_first", body)
    except EngineBadRequest as error:
        if error.status != 400:
            raise


def _delete(es, doc_class, pk):
    es.delete_document(doc_class.alias(), str(pk))


class RebuildEdits:
    """The objects of one index edited while `rebuild` loads its new index, for replay after the
    swap (their writes went to the old index, the loader may have read them before the edit).

    Kept in the shared cache: the edits happen in web and task processes, the rebuild in a
    command. A counter numbers them (`incr` is atomic); it exists only while a rebuild runs, so
    writers outside one pay one cache miss. A writer notes its edit before writing it: one noted
    after the rebuild read the notes wrote after the swap, into the new index."""

    LASTS = 24 * 3600  # seconds: a rebuild that died leaves nothing behind for longer

    def __init__(self, alias):
        self.key = f"search:rebuilding:{alias}"

    def start(self):
        with contextlib.suppress(Exception):
            cache.set(self.key, 0, timeout=self.LASTS)

    def note(self, pk):
        try:
            number = cache.incr(self.key)
        except ValueError:
            return  # no rebuild of this index under way
        except Exception:
            logger.warning("An edit during a rebuild could not be noted (the cache does not answer)")
            return
        with contextlib.suppress(Exception):
            cache.set(f"{self.key}:{number}", pk, timeout=self.LASTS)

    def finish(self):
        """The primary keys edited since start(), each once, in the order of their first edit."""
        try:
            count = cache.get(self.key) or 0
            cache.delete(self.key)
            keys = [f"{self.key}:{number}" for number in range(1, count + 1)]
            noted = cache.get_many(keys)
            cache.delete_many(keys)
        except Exception:
            logger.warning("The edits made during the rebuild could not be read (the cache does not answer)")
            return []
        return list(dict.fromkeys(noted[key] for key in keys if key in noted))
