"""Issue 14, item 6: sign-up answered in 0.03-0.20 s for an address that has an account and in
1.2-1.7 s for a new one, which tells whether an address is registered. Both paths now do the same
expensive work: the password is hashed once and one e-mail is queued."""

import time

import pytest
from django.conf import global_settings

from tests.portal.factories import UserFactory
from tests.portal.hashers import CountingHasher

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase 42"


def signup(client, email):
    response = client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    return response


@pytest.fixture
def existing(db):
    return UserFactory(email="taken@example.org")


def test_both_paths_hash_the_password_and_queue_one_email(client, home, existing, settings, mailoutbox):
    settings.PASSWORD_HASHERS = ["tests.portal.hashers.CountingHasher"]
    answers, work = {}, {}
    for label, email in (("new", "fresh@example.org"), ("existing", "taken@example.org")):
        CountingHasher.calls, sent_before = 0, len(mailoutbox)
        answers[label] = signup(client, email)["Location"]
        client.logout()
        work[label] = (CountingHasher.calls, len(mailoutbox) - sent_before)
    assert work["new"] == work["existing"] == (1, 1)
    assert answers["new"] == answers["existing"]
    assert [message.to for message in mailoutbox] == [["fresh@example.org"], ["taken@example.org"]]


def test_both_paths_take_about_as_long(client, home, existing, settings):
    # The real, slow hasher (PBKDF2): the gap was 10 times; a coarse ratio holds on a busy machine.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    timings = {"new": [], "existing": []}
    for n in range(3):
        for label, email in (("new", f"fresh{n}@example.org"), ("existing", "taken@example.org")):
            started = time.perf_counter()
            signup(client, email)
            timings[label].append(time.perf_counter() - started)
            client.logout()
    new, existing_time = min(timings["new"]), min(timings["existing"])
    assert existing_time >= 0.5 * new, timings
