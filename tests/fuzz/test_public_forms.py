"""Hostile input to every public form: the supporter pledge, the job report, the incentive
checker's steps and the account forms (sign up, log in, password reset)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import FUZZ, assert_answered, form_data, fresh_attempt, get_form_fields, post_form


def fuzz_post_form(client, page_url, data, having=None):
    page = client.get(page_url)
    assert page.status_code == 200, page_url
    action, names = post_form(page.content.decode(), page_url, having)
    fresh_attempt()
    values = data.draw(form_data(names), label=f"POST {action}")
    assert_answered(client.post(action, values), values, action)


@FUZZ
@given(data=st.data())
def test_supporter_pledge(client, world, data):
    fuzz_post_form(client, world["campaign"].url, data, having="email")


@FUZZ
@given(data=st.data())
def test_job_report(client, world, data):
    fuzz_post_form(client, world["job"].get_absolute_url(), data, having="reason")


@FUZZ
@given(data=st.data())
def test_incentive_checker_steps(client, world, data):
    page = client.get("/incentives/check/")
    names = [*get_form_fields(page.content.decode()), "from", "step", "go"]
    values = data.draw(form_data(names), label="GET /incentives/check/")
    for path in ("/incentives/check/", "/incentives/check/result/"):
        assert_answered(client.get(path, values), values, path)


@pytest.mark.parametrize(
    "page_url, having",
    [("/accounts/signup/", "email"), ("/accounts/login/", "login"), ("/accounts/password/reset/", "email")],
)
@FUZZ
@given(data=st.data())
def test_account_forms(client, world, page_url, having, data):
    fuzz_post_form(client, page_url, data, having=having)
