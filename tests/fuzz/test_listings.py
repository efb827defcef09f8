"""Hostile query strings on every listing, public and private: never a server error."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import FUZZ, assert_answered, form_data, get_form_fields

COMMON = ["q", "page", "sort", "sector", "region", "type", "employment_type", "theme", "remote", "format"]

PUBLIC = ["/jobs/", "/jobs/feed/", "/pledge-wall/", "/stories/", "/campaigns/", "/search/", "/incentives/"]


def fuzz_listing(client, path, data):
    page = client.get(path)
    assert page.status_code == 200, path
    shown = get_form_fields(page.content.decode()) if "html" in page["Content-Type"] else []
    names = list(dict.fromkeys([*shown, *COMMON]))
    values = data.draw(form_data(names), label=f"GET {path}")
    assert_answered(client.get(path, values), values, path)


@pytest.mark.parametrize("path", PUBLIC)
@FUZZ
@given(data=st.data())
def test_public_listing(client, world, path, data):
    fuzz_listing(client, path, data)


@FUZZ
@given(data=st.data())
def test_search_suggestions(client, world, data):
    if client.get("/search/suggest/", {"q": "brick"}).status_code == 404:
        pytest.skip("/search/suggest/ (a public address in README.md) is not routed yet")
    values = data.draw(form_data(["q", "limit"]), label="GET /search/suggest/")
    response = client.get("/search/suggest/", values)
    assert_answered(response, values, "/search/suggest/")


@pytest.mark.parametrize(
    "who, path",
    [
        ("owner", "/employer/jobs/"),
        ("owner", "/employer/jobs/{job}/matches/"),
        ("owner", "/employer/incentives/"),
        ("coordinator", "/partner/graduates/"),
        ("coordinator", "/partner/"),
    ],
)
@FUZZ
@given(data=st.data())
def test_private_listing(client, world, who, path, data):
    client.force_login(world[who])
    fuzz_listing(client, path.format(job=world["job"].pk), data)
