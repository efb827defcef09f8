"""The one client of the search server: Elasticsearch 8 or 9, or OpenSearch 2 or 3.

Queries, mappings and analyzers are built with elasticsearch.dsl for both servers; only sending
them differs. The Elasticsearch 8 client refuses an OpenSearch server (its product check, and the
`compatible-with=8` media type OpenSearch does not know), so every request goes through
`EngineClient`, which speaks to the server the settings name with that server's own library
(elasticsearch-py or opensearch-py) and wraps the raw answers back into elasticsearch.dsl
responses: the code reading them is the same whichever server answered.

Which server is named in one place, `configured_engine()`: `ELASTICSEARCH_URL` or
`OPENSEARCH_URL`, never both. Errors of both libraries become the project's own kinds
(`EngineUnavailable`: unreachable, too slow or failing with a 5xx; `EngineBadRequest`: the server
refused the request with a 4xx), so callers catch one set whatever the server.
"""

import contextlib
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import EngineBadRequest, EngineUnavailable

ELASTICSEARCH = "elasticsearch"
OPENSEARCH = "opensearch"
LABELS = {ELASTICSEARCH: "Elasticsearch", OPENSEARCH: "OpenSearch"}
SETTINGS = {ELASTICSEARCH: "ELASTICSEARCH_URL", OPENSEARCH: "OPENSEARCH_URL"}
BOTH_SET = (
    "ELASTICSEARCH_URL and OPENSEARCH_URL are both set: name one search server (Elasticsearch 8 or 9, "
    "or OpenSearch 2 or 3), not both."
)

_clients = {}


def configured_engine():
    """`"elasticsearch"` or `"opensearch"`, whichever server the settings name; None without one."""
    elasticsearch_url = getattr(settings, "ELASTICSEARCH_URL", "")
    opensearch_url = getattr(settings, "OPENSEARCH_URL", "")
    if elasticsearch_url and opensearch_url:
        raise ImproperlyConfigured(BOTH_SET)
    if opensearch_url:
        return OPENSEARCH
    if elasticsearch_url:
        return ELASTICSEARCH
    return None


def engine_url(engine):
    return getattr(settings, SETTINGS[engine])


def safe_address(url):
    """The server's address without any user name or password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def get_client(timeout=None):
    """The adapter for the configured server, one connection pool per address and timeout.

    No retries: a server that does not answer within SEARCH_TIMEOUT is a reason to use the
    database now, not to wait for it several times."""
    engine = configured_engine()
    if engine is None:
        raise EngineUnavailable("Neither ELASTICSEARCH_URL nor OPENSEARCH_URL is set")
    url = engine_url(engine)
    seconds = float(getattr(settings, "SEARCH_TIMEOUT", 2))
    key = (engine, url, seconds)
    if key not in _clients:
        _clients[key] = EngineClient(engine, url, _library_client(engine, url, seconds), seconds)
    client = _clients[key]
    return client if timeout is None else client.with_timeout(timeout)


def _library_client(engine, url, seconds):
    # Each library is loaded only when its server is configured (the database engine needs none).
    if engine == OPENSEARCH:
        from opensearchpy import OpenSearch

        return OpenSearch(hosts=[url], timeout=seconds, max_retries=0, retry_on_timeout=False)
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=seconds, max_retries=0, retry_on_timeout=False)


class EngineClient:
    """Search, count, scan, bulk, documents, index and alias management, ping and refresh, on either
    server, answering in elasticsearch.dsl's types and raising the project's error kinds."""

    def __init__(self, engine, url, library_client, timeout):
        self.engine = engine
        self.url = url
        self.timeout = timeout
        self._library = library_client

    @property
    def label(self):
        return LABELS[self.engine]

    @property
    def address(self):
        return safe_address(self.url)

    def with_timeout(self, seconds):
        """The same connections, with another timeout per request (index administration is slow)."""
        return EngineClient(self.engine, self.url, self._library, float(seconds))

    # Sending --------------------------------------------------------------------------------

    def _timed(self):
        """The library's client and the per-request arguments that apply this adapter's timeout."""
        if self.engine == OPENSEARCH:
            return self._library, {"request_timeout": self.timeout}
        return self._library.options(request_timeout=self.timeout), {}

    def _send(self, method, **arguments):
        target, timing = self._timed()
        for part in method.split("."):
            target = getattr(target, part)
        with self.translated_errors():
            answer = target(**arguments, **timing)
        return getattr(answer, "body", answer)  # elasticsearch-py wraps answers; opensearch-py does not

    @contextlib.contextmanager
    def translated_errors(self):
        """Both libraries' exceptions as EngineUnavailable or EngineBadRequest."""
        try:
            yield
        except (EngineUnavailable, EngineBadRequest):
            raise
        except Exception as error:
            kind = self._kind_of(error)
            if kind is None:
                raise
            message = f"{self.label} at {self.address}: {_reason_of(error)}"
            if kind is EngineBadRequest:
                raise EngineBadRequest(message, status=_status_of(error)) from error
            raise EngineUnavailable(message) from error

    def _kind_of(self, error):
        bulk_error, scan_error, library_errors = self._library_errors()
        if isinstance(error, bulk_error):
            return EngineBadRequest  # documents refused one by one (a field the mapping has not)
        if isinstance(error, scan_error | TimeoutError | ConnectionError):
            return EngineUnavailable
        if isinstance(error, library_errors):
            status = _status_of(error)
            if isinstance(status, int) and 400 <= status < 500:
                return EngineBadRequest
            return EngineUnavailable  # unreachable, timed out, or a 5xx
        return None

    def _library_errors(self):
        # The library of the configured server; loaded only when one is configured.
        if self.engine == OPENSEARCH:
            from opensearchpy.exceptions import OpenSearchException
            from opensearchpy.helpers import BulkIndexError, ScanError

            return BulkIndexError, ScanError, OpenSearchException
        from elastic_transport import TransportError
        from elasticsearch import ApiError
        from elasticsearch.helpers import BulkIndexError, ScanError

        return BulkIndexError, ScanError, (ApiError, TransportError)

    # Searching ------------------------------------------------------------------------------

    def ping(self):
        """Whether the server answers (never raises)."""
        try:
            return bool(self._send("ping"))
        except Exception:
            return False

    def execute(self, search):
        """Send an elasticsearch.dsl Search or FacetedSearch; its own Response class, filled."""
        faceted = None
        if not hasattr(search, "to_dict"):  # a FacetedSearch holds its Search in `_s`
            faceted, search = search, search._s
        raw = self._send("search", index=search._index, body=search.to_dict(), **search._params)
        self._refuse_partial(raw)
        response = search._response_class(search, raw)
        if faceted is not None:
            response._faceted_search = faceted  # as FacetedSearch.execute() does
        return response

    def _refuse_partial(self, raw):
        """A search some shards did not answer is an outage, not an answer. A node started again
        answers a search over several indices from those it has recovered, 200 with no failure
        listed (a shard not assigned yet is not counted as failed): site search left out whole
        types of result until the recovery ended. The database answers instead, as for any
        outage."""
        shards = raw.get("_shards") or {}
        # "successful" already counts the skipped shards (those a pre-check found could not match).
        total, answered = shards.get("total", 0), shards.get("successful", 0)
        if answered < total or shards.get("failed") or raw.get("timed_out"):
            raise EngineUnavailable(
                f"{self.label} at {self.address}: {answered} of {total} shards answered"
                + (" (timed out)" if raw.get("timed_out") else "")
            )

    def scan(self, search):
        """Every hit of `search` (raw dicts), scrolled: not limited to one page."""
        target, timing = self._timed()
        params = dict(search._params)
        size = params.pop("size", 1000)
        hits = self._scan_helper()(
            target,
            query=search.to_dict(),
            index=search._index,
            size=size,
            scroll="1m",
            **timing,
            **params,
        )
        with self.translated_errors():
            yield from hits

    def _scan_helper(self):
        if self.engine == OPENSEARCH:
            from opensearchpy.helpers import scan
        else:
            from elasticsearch.helpers import scan
        return scan

    def count(self, index):
        return self._send("count", index=index)["count"]

    # Documents ------------------------------------------------------------------------------

    def index_document(self, index, document_id, document, require_alias=False):
        """Write one document; with require_alias the server refuses to create a concrete index."""
        field = "body" if self.engine == OPENSEARCH else "document"
        self._send("index", index=index, id=document_id, require_alias=require_alias, **{field: document})

    def delete_document(self, index, document_id, missing_ok=True):
        try:
            self._send("delete", index=index, id=document_id)
        except EngineBadRequest as error:
            if not (missing_ok and error.status == 404):
                raise

    def streaming_bulk(self, actions, chunk_size):
        """(ok, item) per action sent, as the libraries' streaming_bulk yields them."""
        target, timing = self._timed()
        if self.engine == OPENSEARCH:
            from opensearchpy.helpers import streaming_bulk
        else:
            from elasticsearch.helpers import streaming_bulk
        with self.translated_errors():
            yield from streaming_bulk(target, actions, chunk_size=chunk_size, **timing)

    # Indices and aliases --------------------------------------------------------------------

    def create_index(self, name, body):
        """Create `name` with the settings and mappings of an elasticsearch.dsl Index's to_dict()."""
        self._send("indices.create", index=name, body=body)

    def delete_index(self, name, missing_ok=True):
        try:
            self._send("indices.delete", index=name)
        except EngineBadRequest as error:
            if not (missing_ok and error.status == 404):
                raise

    def index_exists(self, name):
        """Whether an index or an alias of that name exists."""
        return bool(self._send("indices.exists", index=name))

    def indices_behind(self, alias):
        """Names of the indices `alias` points to (none when it does not exist)."""
        if not self._send("indices.exists_alias", name=alias):
            return []
        return sorted(self._send("indices.get_alias", name=alias))

    def indices_matching(self, pattern):
        """Names of the indices matching a wildcard pattern."""
        return sorted(self._send("indices.get", index=pattern))

    def update_aliases(self, actions):
        """Apply alias actions in one atomic request."""
        self._send("indices.update_aliases", body={"actions": actions})

    def refresh(self, index):
        self._send("indices.refresh", index=index)

    def index_sizes(self, index):
        """index name → {"documents", "bytes"} of its primary shards, for every index `index` names
        (an alias: the indices behind it). Deleted documents not yet merged away are not counted."""
        stats = self._send("indices.stats", index=index, metric="docs,store")["indices"]
        return {
            name: {
                "documents": numbers["primaries"]["docs"]["count"],
                "bytes": numbers["primaries"]["store"]["size_in_bytes"],
            }
            for name, numbers in stats.items()
        }


def _status_of(error):
    """The HTTP status of the server's answer; None when there was none (opensearch-py says "N/A")."""
    status = getattr(error, "status_code", None)
    if status is None:
        status = getattr(getattr(error, "meta", None), "status", None)
    return status if isinstance(status, int) else None


def _reason_of(error):
    errors = getattr(error, "errors", None)
    if errors:  # a bulk refusal: the first document's reason says enough
        return f"{error} (first: {errors[0]})"
    return str(error)


__all__ = [
    "ELASTICSEARCH",
    "OPENSEARCH",
    "EngineClient",
    "configured_engine",
    "get_client",
    "safe_address",
]
