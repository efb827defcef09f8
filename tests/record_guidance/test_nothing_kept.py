"""The self-check keeps nothing: each test reproduces a way the answers about someone's conviction
could be kept (a row, a session, a cache entry, a log line, an address in an access log, a page in
a cache) and shows they are not."""

import logging

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.page_cache import HIT_HEADER
from record_guidance.models import SentenceBand
from tests.employers.factories import VerifiedUserFactory
from tests.record_guidance.factories import example_rules

pytestmark = pytest.mark.django_db
URL = "/record-check/"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def cache_keys():
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        return set(cache._cache)
    if isinstance(cache, RedisCache):
        return set(cache._cache.get_client().keys("*"))
    pytest.skip(f"no way to list the keys of {type(cache).__name__}")


@pytest.fixture
def rules(db):
    return example_rules()


@pytest.fixture
def answers(rules):
    england_and_wales, _scotland = rules
    return {
        "jurisdiction": str(england_and_wales.pk),
        "sentence": SentenceBand.UP_TO_30_MONTHS,
        "years_since": "13",
    }


@pytest.fixture(params=["anonymous", "logged in"])
def someone(request, client, home):
    if request.param == "logged in":
        client.force_login(VerifiedUserFactory(email="seeker@example.org"))
    client.get(URL)  # the blank page first: the site's shared fragments are cached by then
    return client


def test_no_row_is_written(someone, answers):
    with CaptureQueriesContext(connection) as queries:
        response = someone.post(URL, answers)
    assert 'data-outcome="spent"' in response.content.decode()
    writes = [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []


def test_no_session_is_opened_or_changed(someone, answers):
    sessions = list(Session.objects.values_list("session_key", "session_data", "expire_date"))
    response = someone.post(URL, answers)
    assert "sessionid" not in response.cookies
    assert list(Session.objects.values_list("session_key", "session_data", "expire_date")) == sessions
    assert not someone.session.get("record_check")
    assert answers["sentence"] not in str(dict(someone.session))


def test_no_cookie_is_set(client, home, answers):
    assert not client.get(URL).cookies  # no CSRF cookie either: the form needs no token
    assert not client.post(URL, answers).cookies


def test_no_cache_entry_is_added(someone, answers):
    before = cache_keys()
    someone.post(URL, answers)
    someone.post(URL, {**answers, "years_since": "2"})
    someone.post(URL, {})  # with mistakes too
    assert cache_keys() == before


def test_the_answer_is_never_cached_anywhere(client, home, answers):
    for response in (client.get(URL), client.post(URL, answers)):
        control = response["Cache-Control"]
        assert "no-store" in control and "private" in control
    # The page cache does not keep it: a second visit is rendered again.
    assert HIT_HEADER not in client.get(URL)
    assert HIT_HEADER not in client.get(URL)


def test_no_log_record_holds_the_answers(someone, answers, caplog):
    caplog.set_level(logging.DEBUG)
    someone.post(URL, answers)
    someone.post(URL, {**answers, "sentence": "not-a-sentence"})  # a mistake is not logged either
    for record in caplog.records:
        message = record.getMessage()
        assert answers["sentence"] not in message and "not-a-sentence" not in message
        assert not hasattr(record, "request"), f"{record.name} logged the request: {message}"


def test_the_answers_never_travel_in_an_address(client, home, answers):
    """A GET would put the answers in access logs, browser history and the Referer header: the
    form posts, the answer is not a redirect to an address holding them, and answers sent in an
    address are not answered (so no link with them works)."""
    page = client.get(URL).content.decode()
    assert '<form method="post" class="form self-check-form"' in page
    response = client.post(URL, answers)
    assert response.status_code == 200 and not response.has_header("Location")
    assert "data-outcome" not in client.get(URL, answers).content.decode()
