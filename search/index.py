"""Keeping the Elasticsearch indices in step with the database.

Each Document class (search/engines/elasticsearch/documents.py) is read through an alias
(`<prefix>_jobs`). `rebuild` loads a fresh, versioned index (`<alias>_<UTC timestamp>`) and only
when it is complete moves the alias to it in one `update_aliases` call, so searches never meet a
missing or half-filled index; the indices the alias left are then deleted. `update` re-sends
every indexable object into the index behind the alias. `index_object` and `remove_object` keep
single objects in step (called by search.tasks, and directly where consent is withdrawn).

Nothing here runs without ELASTICSEARCH_URL: `IndexingUnavailable` says why, in words fit for a
command line.
"""

import logging
import sys
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings

from .engines.base import SearchUnavailable
from .engines.elasticsearch import get_client

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# Seconds. Creating an index or a bulk request of 500 documents may take much longer than the
# search timeout (SEARCH_TIMEOUT) that suits a visitor waiting for a page.
ADMIN_TIMEOUT = 120


class IndexingUnavailable(Exception):
    """Elasticsearch is not configured, not reachable, or refused the work."""


def engine_errors():
    """The exceptions meaning "Elasticsearch could not do it" (not a bug of ours)."""
    # The client library is loaded only where Elasticsearch is used (the database engine needs none).
    from elastic_transport import TransportError
    from elasticsearch import ApiError
    from elasticsearch.helpers import BulkIndexError

    return (SearchUnavailable, ApiError, TransportError, BulkIndexError, IndexingUnavailable)


def server_address():
    """ELASTICSEARCH_URL without any user name or password, for messages."""
    parts = urlsplit(settings.ELASTICSEARCH_URL)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def client():
    if not settings.ELASTICSEARCH_URL:
        raise IndexingUnavailable(
            "ELASTICSEARCH_URL is not set: the database engine needs no index. Set it to the "
            "address of an Elasticsearch 8 or 9 server (e.g. http://localhost:9200) to build one."
        )
    return get_client()


def connected_client():
    """A client whose server answered a ping, patient enough for index administration;
    IndexingUnavailable otherwise."""
    es = client()
    try:
        answers = es.ping()
    except Exception as error:  # ping() itself normally answers False; be sure anyway
        raise IndexingUnavailable(f"Elasticsearch at {server_address()} does not answer: {error}") from error
    if not answers:
        raise IndexingUnavailable(
            f"Elasticsearch at {server_address()} does not answer. Is it running, and is "
            "ELASTICSEARCH_URL right?"
        )
    return es.options(request_timeout=ADMIN_TIMEOUT)


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


def indices_behind(es, alias):
    """Names of the indices `alias` points to (none when it does not exist)."""
    if not es.indices.exists_alias(name=alias):
        return []
    return sorted(es.indices.get_alias(name=alias))


def create_index(es, doc_class, name):
    doc_class._index.clone(name=name).create(using=es)


def rebuild(doc_classes=None, out=None, chunk_size=CHUNK_SIZE):
    """Load every indexable object into new indices and swap the aliases; [(alias, index, count)]."""
    es = connected_client()
    done = []
    for doc_class in doc_classes or document_classes():
        alias = doc_class.alias()
        name = versioned_name(doc_class)
        create_index(es, doc_class, name)
        try:
            count = load(es, doc_class, name, out=out, chunk_size=chunk_size)
            es.indices.refresh(index=name)
        except BaseException:
            # Leave the old index serving, and no half-built one behind.
            es.options(ignore_status=404).indices.delete(index=name)
            raise
        old = indices_behind(es, alias)
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        if not old and es.indices.exists(index=alias):
            # A concrete index took the alias's name (written to before any rebuild): replace it
            # in the same atomic call.
            actions.append({"remove_index": {"index": alias}})
        actions.append({"add": {"index": name, "alias": alias}})
        es.indices.update_aliases(actions=actions)
        for index in old:
            es.options(ignore_status=404).indices.delete(index=index)
        done.append((alias, name, count))
    return done


def update(doc_classes=None, out=None, chunk_size=CHUNK_SIZE):
    """Re-send every indexable object to the index behind each alias (created when missing)."""
    es = connected_client()
    done = []
    for doc_class in doc_classes or document_classes():
        alias = doc_class.alias()
        if not es.indices.exists(index=alias):
            name = versioned_name(doc_class)
            create_index(es, doc_class, name)
            es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
        count = load(es, doc_class, alias, out=out, chunk_size=chunk_size)
        done.append((alias, indices_behind(es, alias), count))
    return done


def status():
    """Per document type: its alias, the indices behind it, documents indexed and in the database."""
    es = connected_client()
    rows = []
    for doc_class in document_classes():
        alias = doc_class.alias()
        indices = indices_behind(es, alias)
        indexed = es.count(index=alias)["count"] if indices else None
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
    """Make everything indexed so far searchable now (tests; ES refreshes each second anyway)."""
    es = connected_client()
    for doc_class in doc_classes or document_classes():
        es.indices.refresh(index=doc_class.alias())


def actions_for(doc_class, index, chunk_size=CHUNK_SIZE):
    # indexed_queryset() is the rule of what may be found: no per-object check needed.
    for obj in doc_class.indexed_queryset().iterator(chunk_size=chunk_size):
        action = doc_class.from_object(obj).to_dict(include_meta=True)
        action["_index"] = index
        yield action


def load(es, doc_class, index, out=None, chunk_size=CHUNK_SIZE):
    """Bulk-send the indexable objects of `doc_class` into `index`; how many were sent."""
    from elasticsearch.helpers import streaming_bulk  # the client library: only where it is used

    total = doc_class.indexed_queryset().count()
    bar = ProgressBar(document_name(doc_class), total, out=out)
    sent = 0
    for ok, _item in streaming_bulk(es, actions_for(doc_class, index, chunk_size), chunk_size):
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
        obj = doc_class.indexed_queryset().filter(pk=pk).first()
        if obj is not None:
            # require_alias: never let a write create a concrete index without our mapping.
            doc_class.from_object(obj).save(using=es, index=doc_class.alias(), require_alias=True)
        else:
            _delete(es, doc_class, pk)


def remove_object(label, pk):
    """Remove the object `label`/`pk` from every index it belongs to (missing is fine)."""
    es = client()
    model = apps.get_model(label)
    for doc_class in documents_for(model):
        _delete(es, doc_class, pk)


def _delete(es, doc_class, pk):
    es.options(ignore_status=404).delete(index=doc_class.alias(), id=str(pk))
