"""The public incentive pages: the scheme list and the three-step eligibility checker."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from incentives.eligibility import OUTCOME_ORDER
from incentives.models import IncentiveScheme, IncentiveStep

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("example_schemes")]

CHECK = "/incentives/check/"
RESULT = "/incentives/check/result/"
TAX_CREDIT = "Example fair-chance hiring tax credit"
FULL = {
    "employer_sector": "C",
    "has_active_hiring_pledge": "yes",
    "hours_per_week": "30",
    "contract_length_months": "12",
    "months_since_release": "6",
    "candidate_age": "30",
    "receiving_benefits": "yes",
    "completed_recognised_programme": "no",
}


NOT_QUESTIONS = {"from", "go", "q", "step"}


def names_asked(response):
    names = re.findall(r'<(?:input|select)[^>]* name="([a-z_]+)"', response.content.decode())
    return set(names) - NOT_QUESTIONS


def scheme_sections(html):
    return re.findall(r'data-scheme="(\d+)" data-outcome="([a-z_]+)"', html)


def test_scheme_list_shows_the_active_example_schemes(client, home):
    response = client.get(reverse("incentives:schemes"))
    assert response.status_code == 200
    html = response.content.decode()
    for scheme in IncentiveScheme.objects.active():
        assert scheme.name in html
    assert "Example scheme" in html
    assert "Tax credit" in html
    assert "https://www.dol.gov/agencies/eta/wotc" in html
    assert "2,400 USD" in html or "2400 USD" in html
    assert 'href="/incentives/check/"' in html


def test_scheme_list_leaves_out_schemes_that_are_not_live(client, home):
    IncentiveScheme.objects.filter(name=TAX_CREDIT).update(live=False)
    assert TAX_CREDIT not in client.get("/incentives/").content.decode()


def test_the_steps_ask_only_the_questions_the_schemes_need(client, home):
    first = client.get(CHECK)
    assert first.status_code == 200
    html = first.content.decode()
    assert "Step 1 of 3" in html
    assert re.search(r'aria-current="step"[^>]*>About the employer', html)
    assert names_asked(first) == {"employer_sector", "has_active_hiring_pledge"}
    # No scheme asks about the headcount, the wage, the region or the first job.
    second = client.get(CHECK, {"from": 1, "go": "next", "employer_sector": "C"})
    assert "Step 2 of 3" in second.content.decode()
    assert names_asked(second) == {"hours_per_week", "contract_length_months", "employer_sector"}
    assert 'type="hidden" name="employer_sector" value="C"' in second.content.decode()
    third = client.get(CHECK, {"from": 2, "go": "next", "employer_sector": "C", "hours_per_week": "30"})
    assert "Step 3 of 3" in third.content.decode()
    assert {
        "months_since_release",
        "candidate_age",
        "receiving_benefits",
        "completed_recognised_programme",
    } <= (names_asked(third))
    for absent in ("employer_headcount", "hourly_wage", "first_job_since_release", 'name="region"'):
        assert absent not in first.content.decode() + second.content.decode() + third.content.decode()


def test_a_scheme_that_is_withdrawn_takes_its_questions_with_it(client, home):
    IncentiveScheme.objects.exclude(name=TAX_CREDIT).update(live=False)
    response = client.get(CHECK)
    assert "Step 1 of 2" in response.content.decode()
    assert names_asked(response) == {"hours_per_week"}


def test_back_keeps_the_answers(client, home):
    response = client.get(CHECK, {"from": 2, "go": "back", "employer_sector": "C", "hours_per_week": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Step 1 of 3" in html
    assert re.search(r'<option value="C" selected>', html)
    assert 'type="hidden" name="hours_per_week" value="abc"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_week", "thirty", "Enter a number of hours"),
        ("contract_length_months", "-3", "The number cannot be negative."),
        ("contract_length_months", "99999999999", "That is more than 1200; check the number."),
        ("hours_per_week", "1e999999", "That is more than 168; check the number."),
        ("candidate_age", "sixteen", "Enter an age in years"),
    ],
)
def test_bad_numbers_get_an_error_next_to_the_field_and_are_kept(client, home, field, value, message):
    step = 3 if field == "candidate_age" else 2
    response = client.get(CHECK, {"from": step, "go": "next", field: value})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Step {step} of 3" in html
    assert f'<div id="id_{field}-error"><p class="error-message">{message}</p></div>' in html
    assert f'value="{value}"' in html
    assert 'aria-invalid="true"' in html


def test_bad_months_since_release_on_the_last_step(client, home):
    response = client.get(
        CHECK, {"from": 3, "go": "next", "months_since_release": "-1", "candidate_age": "x"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The number cannot be negative." in html
    assert "Enter an age in years" in html
    assert "There is a problem" in html


def test_the_last_step_leads_to_a_bookmarkable_result(client, home):
    response = client.get(CHECK, {"from": 3, "go": "next", **FULL})
    assert response.status_code == 302
    assert response.url.startswith(RESULT + "?")
    assert "months_since_release=6" in response.url
    assert client.get(response.url).status_code == 200


def test_blank_answers_need_more_information(client, home):
    response = client.get(RESULT)
    assert response.status_code == 200
    outcomes = {outcome for _pk, outcome in scheme_sections(response.content.decode())}
    assert outcomes == {"need_more_information"}
    html = response.content.decode()
    assert "Not known yet:" in html
    assert "Unknown" not in html and "Not known yet: Not known yet" not in html
    response = client.get(CHECK, {"from": 1, "go": "next"})
    assert response.status_code == 200 and "Step 2 of 3" in response.content.decode()


def test_full_answers_show_the_tax_credit_as_eligible_with_its_reasons(client, home):
    response = client.get(RESULT, FULL)
    assert response.status_code == 200
    html = response.content.decode()
    tax_credit = IncentiveScheme.objects.get(name=TAX_CREDIT)
    assert (str(tax_credit.pk), "eligible") in scheme_sections(html)
    section = html.split(f'data-scheme="{tax_credit.pk}"')[1].split("</section>")[0]
    assert "Eligible" in section
    assert "Met:</strong> The candidate is hired within 12 months of release." in section
    assert "Met:</strong> At this many hours a week the hire reaches" in section
    assert "by the day of the job offer" in section
    assert "within 28 days of the start date" in section
    assert "https://www.dol.gov/agencies/eta/wotc" in section
    assert "Change my answers" in html
    assert "print" in html.lower()
    assert f'href="{CHECK}?step=1&amp;' in html


def test_not_met_conditions_say_why(client, home):
    response = client.get(RESULT, {**FULL, "months_since_release": "30"})
    html = response.content.decode()
    tax_credit = IncentiveScheme.objects.get(name=TAX_CREDIT)
    assert (str(tax_credit.pk), "not_eligible") in scheme_sections(html)
    assert "Not met:</strong> The credit is only for hires within 12 months of release." in html


def test_results_are_sorted_eligible_first_then_by_value(client, home):
    answers = {**FULL, "has_active_hiring_pledge": "", "candidate_age": "15"}
    html = client.get(RESULT, answers).content.decode()
    sections = scheme_sections(html)
    assert len(sections) == IncentiveScheme.objects.active().count()
    ranks = [OUTCOME_ORDER[outcome] for _pk, outcome in sections]
    assert ranks == sorted(ranks)
    by_pk = {str(s.pk): s for s in IncentiveScheme.objects.all()}
    for outcome in {o for _pk, o in sections}:
        values = [by_pk[pk].maximum_value for pk, o in sections if o == outcome]
        known = [v for v in values if v is not None]
        assert known == sorted(known, reverse=True)


def test_a_bad_answer_in_a_result_url_goes_back_to_its_step(client, home):
    response = client.get(RESULT, {**FULL, "hours_per_week": "lots"})
    assert response.status_code == 400
    assert "Step 2 of 3" in response.content.decode()
    assert "Enter a number of hours" in response.content.decode()


HOSTILE = [
    {"step": "-1"},
    {"step": "99999999999999999999999"},
    {"from": "x", "go": "next"},
    {"from": "0", "go": "back"},
    {"from": "1", "go": "next", "employer_sector": "<script>alert(1)</script>"},
    {"from": "2", "go": "next", "hours_per_week": "NaN"},
    {"from": "2", "go": "next", "hours_per_week": "Infinity"},
    {"from": "2", "go": "next", "hours_per_week": "1" * 5000},
    {"from": "3", "go": "next", "receiving_benefits": "maybe", "candidate_age": "12.5"},
    {"from": "3", "go": "next", "months_since_release": "\x00"},
    {"hours_per_week": "0x10", "not_a_fact": "1", "step": "2"},
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_strings_never_break_the_pages(client, home, query):
    for path in ("/incentives/", CHECK, RESULT):
        response = client.get(f"{path}?{urlencode(query)}")
        assert response.status_code in (200, 302, 400), (path, query)
        assert b"<script>alert(1)</script>" not in response.content


def test_the_save_form_is_left_out_until_it_exists(client, home):
    from incentives.views.checker import save_form_available

    response = client.get(RESULT, FULL)
    assert response.context["save_form_available"] is save_form_available()


def test_the_main_navigation_links_to_the_incentives(client, home):
    assert 'href="/incentives/"' in client.get("/incentives/").content.decode()


def test_a_signed_in_visitor_gets_the_save_form_when_it_exists(client, home):
    from incentives.views.checker import save_form_available
    from tests.portal.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(RESULT, FULL)
    assert response.status_code == 200
    html = response.content.decode()
    assert ('class="save-incentive-result"' in html) is save_form_available()
    client.logout()
    assert 'class="save-incentive-result"' not in client.get(RESULT, FULL).content.decode()


def test_steps_read_naturally(client, home):
    html = client.get(RESULT, FULL).content.decode()
    assert "1 day before the start date" in html
    assert "1 days" not in html


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (-1, "1 day before the start date"),
        (-3, "3 days before the start date"),
        (1, "within 1 day of the start date"),
        (28, "within 28 days of the start date"),
        (0, "by the day of the start date"),
    ],
)
def test_step_deadlines_in_words(days, text):
    assert str(IncentiveStep(relative_to="start", days_offset=days).deadline_text) == text
