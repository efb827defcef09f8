"""Hostile input to every form of the employer area and the partner area, sent by someone allowed
to use it: never a server error, and a refused form says why next to a field."""

from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from incentives.facts import CATALOGUE
from tests.fuzz.hostile import FUZZ, assert_answered, form_data, fresh_attempt, post_form

# (who, the page that shows the form, a field that picks the form out on that page)
FORM_PAGES = [
    ("newcomer", "/employer/register/", "name"),
    ("owner", "/employer/organisation/", "name"),
    ("owner", "/employer/members/", "email"),
    ("unpledged_owner", "/employer/pledge/sign/", None),
    ("owner", "/employer/pledge/withdraw/", None),
    ("owner", "/employer/pledge/progress/", None),
    ("owner", "/employer/jobs/new/", "title"),
    ("owner", "/employer/jobs/{job}/edit/", "title"),
    ("coordinator", "/partner/graduates/new/", None),
    ("coordinator", "/partner/graduates/{graduate}/edit/", None),
    ("coordinator", "/partner/introductions/{accepted}/hire/", None),
    ("owner", "/employer/jobs/{job}/introductions/{accepted}/hire/", None),
    ("coordinator", "/partner/introductions/{introduction}/", None),
]

# Actions without a page of their own: (who, address, the fields they read)
ACTIONS = [
    ("owner", "/employer/switch/", ["employer"]),
    ("owner", "/employer/incentives/save/", sorted(CATALOGUE)),
    ("owner", "/employer/incentives/{saved}/attach/", ["job", "hire"]),
    ("owner", "/employer/jobs/{job}/matches/{graduate}/introduce/", ["message"]),
    ("coordinator", "/partner/switch/", ["provider"]),
    ("coordinator", "/partner/graduates/{graduate}/consent/", ["method", "given_on", "scope", "notes"]),
    ("coordinator", "/partner/graduates/{graduate}/consent/withdraw/", ["reason", "confirm"]),
    ("coordinator", "/partner/graduates/{graduate}/suggest/{job}/", ["message"]),
]


@contextmanager
def example_rolled_back():
    """Each example starts from the same world: what one changes (a withdrawn pledge) is undone."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def address(template, world):
    return template.format(
        job=world["job"].pk,
        graduate=world["graduate"].reference,
        introduction=world["introduction"].pk,
        accepted=world["accepted"].pk,
        saved=world["saved"].pk,
    )


@pytest.fixture
def form_found():
    """The page's form, read once per test: every example starts from the same page (each one is
    rolled back), so fetching and parsing it again for each of them only cost time."""
    return {}


@pytest.mark.parametrize("who, page_url, having", FORM_PAGES, ids=[f"{w} {p}" for w, p, _ in FORM_PAGES])
@FUZZ
@given(data=st.data())
def test_form(client, world, form_found, who, page_url, having, data):
    client.force_login(world[who])
    url = address(page_url, world)
    with example_rolled_back():
        if not form_found:
            page = client.get(url)
            assert page.status_code == 200, url
            form_found["action"], form_found["names"] = post_form(page.content.decode(), url, having)
        action, names = form_found["action"], form_found["names"]
        fresh_attempt()
        values = data.draw(form_data(names), label=f"POST {action}")
        assert_answered(client.post(action, values), values, action)


@pytest.mark.parametrize("who, url, names", ACTIONS, ids=[f"{w} {u}" for w, u, _ in ACTIONS])
@FUZZ
@given(data=st.data())
def test_action(client, world, who, url, names, data):
    client.force_login(world[who])
    url = address(url, world)
    with example_rolled_back():
        values = data.draw(form_data(names), label=f"POST {url}")
        assert_answered(client.post(url, values), values, url)
