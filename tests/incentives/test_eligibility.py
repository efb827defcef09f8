"""The incentive rules engine, the fact catalogue, condition validation and the seed schemes."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incentives.eligibility import (
    ELIGIBLE,
    MET,
    NEED_MORE,
    NOT_ELIGIBLE,
    NOT_MET,
    UNKNOWN,
    check,
    condition_status,
    evaluate,
    facts_needed,
)
from incentives.facts import (
    CATALOGUE,
    FACTS,
    OPERATORS_FOR_TYPE,
    FactType,
    Operator,
    parse_answer,
)
from incentives.models import EXAMPLE_MARK, IncentiveCondition, IncentiveScheme, IncentiveStep
from tests.portal.factories import with_totp

TODAY = datetime.date(2026, 3, 1)


def make_scheme(conditions=(), match="all", **fields):
    defaults = {
        "name": "Scheme",
        "provider_agency": "Agency",
        "country": "XX",
        "kind": IncentiveScheme.Kind.OTHER,
        "summary": "A scheme.",
        "benefit": "Money.",
    }
    scheme = IncentiveScheme.objects.create(match=match, **{**defaults, **fields})
    for order, spec in enumerate(conditions):
        fact, operator, value, *rest = spec
        IncentiveCondition.objects.create(
            scheme=scheme,
            sort_order=order,
            fact=fact,
            operator=operator,
            value=value,
            group=rest[0] if rest else None,
            met_text=f"{fact} met",
            not_met_text=f"{fact} not met",
        )
    return scheme


def cond(fact, operator, value=""):
    return IncentiveCondition(fact=fact, operator=operator, value=value, met_text="m", not_met_text="n")


# -- Operators on fact types ------------------------------------------------------------------------

NUMBER_CASES = [
    (Operator.EQUALS, "12", 12, MET),
    (Operator.EQUALS, "12", 11, NOT_MET),
    (Operator.NOT_EQUALS, "12", 11, MET),
    (Operator.NOT_EQUALS, "12", 12, NOT_MET),
    (Operator.LESS_THAN, "12", 11, MET),
    (Operator.LESS_THAN, "12", 12, NOT_MET),
    (Operator.LESS_OR_EQUAL, "12", 12, MET),
    (Operator.LESS_OR_EQUAL, "12", 13, NOT_MET),
    (Operator.GREATER_THAN, "12", 13, MET),
    (Operator.GREATER_THAN, "12", 12, NOT_MET),
    (Operator.GREATER_OR_EQUAL, "12", 12, MET),
    (Operator.GREATER_OR_EQUAL, "12", 11, NOT_MET),
]


@pytest.mark.parametrize("operator,value,answer,expected", NUMBER_CASES)
@pytest.mark.parametrize("fact", [f.key for f in FACTS if f.type == FactType.NUMBER])
def test_number_operators(fact, operator, value, answer, expected):
    assert condition_status(cond(fact, operator, value), {fact: answer}) == expected


def test_number_operators_take_decimals_and_ints_alike():
    c = cond("hourly_wage", Operator.GREATER_OR_EQUAL, "12.50")
    assert condition_status(c, {"hourly_wage": Decimal("12.5")}) == MET
    assert condition_status(c, {"hourly_wage": 13}) == MET
    assert condition_status(c, {"hourly_wage": Decimal("12.49")}) == NOT_MET


@pytest.mark.parametrize("fact", [f.key for f in FACTS if f.type == FactType.YES_NO])
@pytest.mark.parametrize(
    "operator,answer,expected",
    [
        (Operator.IS_YES, True, MET),
        (Operator.IS_YES, False, NOT_MET),
        (Operator.IS_NO, False, MET),
        (Operator.IS_NO, True, NOT_MET),
    ],
)
def test_yes_no_operators(fact, operator, answer, expected):
    assert condition_status(cond(fact, operator), {fact: answer}) == expected


@pytest.mark.parametrize(
    "operator,value,answer,expected",
    [
        (Operator.EQUALS, "F", "F", MET),
        (Operator.EQUALS, "F", "C", NOT_MET),
        (Operator.NOT_EQUALS, "F", "C", MET),
        (Operator.NOT_EQUALS, "F", "F", NOT_MET),
        (Operator.ONE_OF, "F, C", "C", MET),
        (Operator.ONE_OF, "F, C", "Q", NOT_MET),
        (Operator.NOT_ONE_OF, "O,U", "Q", MET),
        (Operator.NOT_ONE_OF, "O,U", "U", NOT_MET),
    ],
)
def test_choice_operators_on_sector(operator, value, answer, expected):
    assert condition_status(cond("employer_sector", operator, value), {"employer_sector": answer}) == expected


def test_choice_operators_on_region(settings):
    settings.PORTAL_COUNTRY = "GB"
    c = cond("region", Operator.ONE_OF, "GB-MAN, GB-LND")
    assert condition_status(c, {"region": "GB-MAN"}) == MET
    assert condition_status(c, {"region": "GB-CRF"}) == NOT_MET


def test_every_operator_belongs_to_some_type():
    used = {op for ops in OPERATORS_FOR_TYPE.values() for op in ops}
    assert used == set(Operator.values)


@pytest.mark.parametrize(
    "answers",
    [{}, {"hours_per_week": None}, {"hours_per_week": "thirty"}, {"hours_per_week": True}],
)
def test_missing_or_mistyped_answers_are_unknown(answers):
    assert condition_status(cond("hours_per_week", Operator.GREATER_OR_EQUAL, "16"), answers) == UNKNOWN


# -- Refusing conditions that do not fit their fact -------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fact,operator,value,field,message",
    [
        (
            "months_since_release",
            Operator.LESS_OR_EQUAL,
            "twelve",
            "value",
            "does not fit months_since_release",
        ),
        ("months_since_release", Operator.LESS_OR_EQUAL, "-3", "value", "cannot be negative"),
        ("months_since_release", Operator.LESS_OR_EQUAL, "", "value", "Enter a value"),
        ("hours_per_week", Operator.IS_YES, "", "operator", "cannot be used with hours_per_week"),
        (
            "receiving_benefits",
            Operator.GREATER_THAN,
            "3",
            "operator",
            "cannot be used with receiving_benefits",
        ),
        ("receiving_benefits", Operator.IS_YES, "yes", "value", "Leave the value empty"),
        ("employer_sector", Operator.EQUALS, "Z", "value", "'Z' is not one of the choices"),
        ("employer_sector", Operator.ONE_OF, "F, ZZ", "value", "'ZZ' is not one of the choices"),
        ("employer_sector", Operator.LESS_THAN, "F", "operator", "cannot be used"),
        ("region", Operator.EQUALS, "XX-NOPE", "value", "is not one of the choices"),
        ("no_such_fact", Operator.EQUALS, "1", "fact", "Choose a fact"),
    ],
)
def test_condition_clean_refuses_misfits(fact, operator, value, field, message):
    scheme = make_scheme()
    condition = IncentiveCondition(
        scheme=scheme, fact=fact, operator=operator, value=value, met_text="m", not_met_text="n"
    )
    with pytest.raises(ValidationError) as raised:
        condition.full_clean()
    assert field in raised.value.message_dict
    assert message in " ".join(raised.value.message_dict[field])


@pytest.mark.django_db
def test_condition_clean_accepts_and_normalises_fitting_values():
    scheme = make_scheme()
    condition = IncentiveCondition(
        scheme=scheme,
        fact="employer_sector",
        operator="one_of",
        value=" F ,C",
        met_text="m",
        not_met_text="n",
    )
    condition.full_clean()
    assert condition.value == "F, C"
    number = IncentiveCondition(
        scheme=scheme,
        fact="hourly_wage",
        operator="greater_than",
        value="12.50",
        met_text="m",
        not_met_text="n",
    )
    number.full_clean()


@pytest.mark.django_db
def test_region_condition_accepts_the_schemes_own_country(settings):
    settings.PORTAL_COUNTRY = "GB"
    scheme = make_scheme(country="US")
    condition = IncentiveCondition(
        scheme=scheme, fact="region", operator="equals", value="US-CA", met_text="m", not_met_text="n"
    )
    condition.full_clean()
    condition.value = "GB-MAN"
    condition.full_clean()


@pytest.mark.django_db
def test_scheme_clean_refuses_inverted_dates():
    scheme = make_scheme(valid_from=TODAY, valid_to=TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as raised:
        scheme.full_clean()
    assert "valid_to" in raised.value.message_dict


# -- Groups and outcomes ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers,expected",
    [
        ({"hours_per_week": 20, "contract_length_months": 12}, ELIGIBLE),
        ({"hours_per_week": 10, "contract_length_months": 12}, NOT_ELIGIBLE),
        ({"hours_per_week": 10}, NOT_ELIGIBLE),  # one not met decides, whatever is unknown
        ({"hours_per_week": 20}, NEED_MORE),
        ({}, NEED_MORE),
    ],
)
def test_all_of(answers, expected):
    scheme = make_scheme(
        [("hours_per_week", "greater_or_equal", "16"), ("contract_length_months", "greater_or_equal", "6")]
    )
    assert evaluate(scheme, answers, TODAY).outcome == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers,expected",
    [
        ({"receiving_benefits": True}, ELIGIBLE),  # one met decides, whatever is unknown
        ({"receiving_benefits": False, "completed_recognised_programme": True}, ELIGIBLE),
        ({"receiving_benefits": False, "completed_recognised_programme": False}, NOT_ELIGIBLE),
        ({"receiving_benefits": False}, NEED_MORE),
        ({}, NEED_MORE),
    ],
)
def test_any_of(answers, expected):
    scheme = make_scheme(
        [("receiving_benefits", "is_yes", ""), ("completed_recognised_programme", "is_yes", "")], match="any"
    )
    assert evaluate(scheme, answers, TODAY).outcome == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers,expected",
    [
        (
            {"hours_per_week": 20, "receiving_benefits": False, "completed_recognised_programme": True},
            ELIGIBLE,
        ),
        (
            {"hours_per_week": 20, "receiving_benefits": False, "completed_recognised_programme": False},
            NOT_ELIGIBLE,
        ),
        ({"hours_per_week": 20, "receiving_benefits": False}, NEED_MORE),
        ({"hours_per_week": 8, "receiving_benefits": True}, NOT_ELIGIBLE),
    ],
)
def test_all_of_with_an_any_of_group(answers, expected):
    scheme = make_scheme(
        [
            ("hours_per_week", "greater_or_equal", "16"),
            ("receiving_benefits", "is_yes", "", 1),
            ("completed_recognised_programme", "is_yes", "", 1),
        ]
    )
    assert evaluate(scheme, answers, TODAY).outcome == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers,expected",
    [
        ({"has_active_hiring_pledge": True}, ELIGIBLE),
        ({"has_active_hiring_pledge": False, "employer_headcount": 10, "employer_sector": "Q"}, ELIGIBLE),
        ({"has_active_hiring_pledge": False, "employer_headcount": 10, "employer_sector": "F"}, NOT_ELIGIBLE),
        ({"has_active_hiring_pledge": False, "employer_headcount": 10}, NEED_MORE),
    ],
)
def test_any_of_with_an_all_of_group(answers, expected):
    scheme = make_scheme(
        [
            ("has_active_hiring_pledge", "is_yes", ""),
            ("employer_headcount", "less_than", "50", 2),
            ("employer_sector", "equals", "Q", 2),
        ],
        match="any",
    )
    assert evaluate(scheme, answers, TODAY).outcome == expected


@pytest.mark.django_db
def test_result_lists_every_condition_with_status_and_sentence():
    scheme = make_scheme(
        [("hours_per_week", "greater_or_equal", "16"), ("candidate_age", "greater_or_equal", "18")]
    )
    IncentiveStep.objects.create(scheme=scheme, label="File", relative_to="start", days_offset=28)
    result = evaluate(scheme, {"hours_per_week": 20}, TODAY)
    assert [(c.fact, status) for c, status, _sentence in result.conditions] == [
        ("hours_per_week", MET),
        ("candidate_age", UNKNOWN),
    ]
    assert result.conditions[0].sentence == "hours_per_week met"
    assert "How old is the candidate?" in result.conditions[1].sentence
    assert result.benefit == "Money."
    assert result.next_step.label == "File"
    assert str(result.next_step.deadline_text) == "within 28 days of the start date"
    assert result.next_step.due_on(start_date=TODAY) == TODAY + datetime.timedelta(days=28)


@pytest.mark.django_db
def test_scheme_for_one_region_needs_the_region(settings):
    settings.PORTAL_COUNTRY = "GB"
    scheme = make_scheme([("hours_per_week", "greater_or_equal", "16")], country="GB", region="GB-MAN")
    assert evaluate(scheme, {"hours_per_week": 20}, TODAY).outcome == NEED_MORE
    assert evaluate(scheme, {"hours_per_week": 20, "region": "GB-MAN"}, TODAY).outcome == ELIGIBLE
    assert evaluate(scheme, {"hours_per_week": 20, "region": "GB-LND"}, TODAY).outcome == NOT_ELIGIBLE
    assert [f.key for f in facts_needed([scheme])["job"]] == ["region", "hours_per_week"]


# -- Validity dates, jurisdiction and sorting -------------------------------------------------------


@pytest.mark.django_db
def test_active_follows_validity_dates_and_publication():
    IncentiveScheme.objects.all().delete()
    current = make_scheme(name="Current", valid_from=TODAY, valid_to=TODAY)
    make_scheme(name="Future", valid_from=TODAY + datetime.timedelta(days=1))
    make_scheme(name="Past", valid_to=TODAY - datetime.timedelta(days=1))
    make_scheme(name="Draft", live=False)
    open_ended = make_scheme(name="Open")
    assert set(IncentiveScheme.objects.active(TODAY)) == {current, open_ended}
    assert {r.scheme.name for r in check({}, on=TODAY)} == {"Current", "Open"}
    assert evaluate(
        make_scheme(name="Expired", valid_to=TODAY), {}, TODAY + datetime.timedelta(days=1)
    ).outcome == (NOT_ELIGIBLE)


@pytest.mark.django_db
def test_check_offers_only_the_sites_jurisdiction(settings):
    IncentiveScheme.objects.all().delete()
    settings.PORTAL_COUNTRY = "GB"
    make_scheme(name="British", country="GB")
    make_scheme(name="Example", country="XX")
    make_scheme(name="French", country="FR")
    assert {r.scheme.name for r in check({}, on=TODAY)} == {"British", "Example"}


@pytest.mark.django_db
def test_check_sorts_eligible_first_then_by_value():
    IncentiveScheme.objects.all().delete()
    hours = [("hours_per_week", "greater_or_equal", "16")]
    make_scheme(hours, name="Eligible small", maximum_value=Decimal(100), currency="EUR")
    make_scheme(hours, name="Eligible big", maximum_value=Decimal(1000), currency="EUR")
    make_scheme(hours, name="Eligible no value")
    make_scheme(
        [("candidate_age", "greater_or_equal", "18")],
        name="Unknown",
        maximum_value=Decimal(9999),
        currency="EUR",
    )
    make_scheme(
        [("hours_per_week", "less_than", "16")],
        name="Not eligible",
        maximum_value=Decimal(99999),
        currency="EUR",
    )
    names = [r.scheme.name for r in check({"hours_per_week": 20}, on=TODAY)]
    assert names == ["Eligible big", "Eligible small", "Eligible no value", "Unknown", "Not eligible"]


@pytest.mark.django_db
def test_facts_needed_grouped_in_catalogue_order():
    a = make_scheme(
        [("candidate_age", "greater_or_equal", "18"), ("hours_per_week", "greater_or_equal", "16")]
    )
    b = make_scheme([("months_since_release", "less_or_equal", "12"), ("employer_sector", "equals", "F")])
    needed = facts_needed([a, b])
    assert list(needed) == ["employer", "job", "candidate"]
    assert [f.key for f in needed["candidate"]] == ["months_since_release", "candidate_age"]
    assert [f.key for f in needed["employer"]] == ["employer_sector"]


# -- Parsing form answers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fact,raw,message",
    [
        ("months_since_release", "six", "Enter a number of months"),
        ("months_since_release", "-1", "cannot be negative"),
        ("months_since_release", "1" * 40, "Enter a number of months"),
        ("months_since_release", "99999999", "check the number"),
        ("months_since_release", "1e400", "check the number"),
        ("months_since_release", "NaN", "Enter a number of months"),
        ("months_since_release", "Infinity", "Enter a number of months"),
        ("months_since_release", "2.5", "whole number"),
        ("hours_per_week", "200", "check the number"),
        ("hourly_wage", "£12", "Enter an amount per hour"),
        ("receiving_benefits", "maybe", "yes or no"),
        ("employer_sector", "Z", "Choose one of the options"),
    ],
)
def test_parse_answer_refuses_bad_input(fact, raw, message):
    with pytest.raises(ValueError, match=message):
        parse_answer(fact, raw)


@pytest.mark.parametrize(
    "fact,raw,expected",
    [
        ("months_since_release", " 6 ", 6),
        ("employer_headcount", "1,200", 1200),
        ("hours_per_week", "37.5", Decimal("37.5")),
        ("receiving_benefits", "yes", True),
        ("receiving_benefits", "No", False),
        ("employer_sector", "F", "F"),
        ("candidate_age", "", None),
        ("candidate_age", None, None),
    ],
)
def test_parse_answer_types_good_input(fact, raw, expected):
    assert parse_answer(fact, raw) == expected


def test_every_fact_is_fully_described():
    for fact in FACTS:
        assert fact.question and fact.group and fact.type in FactType.values
        if fact.type == FactType.NUMBER:
            assert fact.unit and fact.maximum and fact.number_error
        if fact.type == FactType.CHOICE:
            assert fact.choices()
    assert {
        "months_since_release",
        "completed_recognised_programme",
        "hours_per_week",
        "contract_length_months",
        "hourly_wage",
        "employer_headcount",
        "employer_sector",
        "region",
        "first_job_since_release",
        "candidate_age",
        "receiving_benefits",
        "has_active_hiring_pledge",
    } <= set(CATALOGUE)


# -- Property: any answers, never an exception ------------------------------------------------------

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
    st.sampled_from(["A", "F", "O", "Q", "U", "GB-MAN", "XX"]),
)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.dictionaries(st.sampled_from([f.key for f in FACTS]), ANY_VALUE))
def test_random_answers_never_raise(answers):
    for result in check(answers, on=TODAY):
        assert result.outcome in {ELIGIBLE, NOT_ELIGIBLE, NEED_MORE}
        assert all(status in {MET, NOT_MET, UNKNOWN} for _c, status, _s in result.conditions)


# -- The seed schemes -------------------------------------------------------------------------------


@pytest.mark.usefixtures("example_schemes")
def test_seeds_are_marked_examples_in_the_example_jurisdiction():
    seeds = IncentiveScheme.objects.filter(country="XX")
    assert seeds.count() == 4
    assert {s.kind for s in seeds} == {"tax_credit", "bond", "wage_subsidy", "procurement"}
    for scheme in seeds:
        assert EXAMPLE_MARK in scheme.summary
        assert scheme.jurisdiction_name == "Example"
        for condition in scheme.conditions.all():
            condition.full_clean()


@pytest.mark.usefixtures("example_schemes")
def test_seed_tax_credit():
    credit = IncentiveScheme.objects.get(kind="tax_credit", country="XX")
    assert evaluate(credit, {"months_since_release": 6, "hours_per_week": 30}, TODAY).outcome == ELIGIBLE
    assert evaluate(credit, {"months_since_release": 18, "hours_per_week": 30}, TODAY).outcome == NOT_ELIGIBLE
    assert evaluate(credit, {"hours_per_week": 30}, TODAY).outcome == NEED_MORE
    steps = list(credit.steps.all())
    assert [(s.relative_to, s.days_offset) for s in steps] == [("offer", 0), ("start", 28)]
    assert str(steps[0].deadline_text) == "by the day of the job offer"


@pytest.mark.usefixtures("example_schemes")
def test_seed_wage_subsidy_and_others():
    answers = {
        "months_since_release": 6,
        "hours_per_week": 30,
        "contract_length_months": 12,
        "employer_sector": "F",
        "receiving_benefits": False,
        "completed_recognised_programme": True,
        "candidate_age": 30,
        "has_active_hiring_pledge": True,
    }
    results = {r.scheme.kind: r.outcome for r in check(answers, on=TODAY)}
    assert results == {
        "tax_credit": ELIGIBLE,
        "bond": ELIGIBLE,
        "wage_subsidy": ELIGIBLE,
        "procurement": ELIGIBLE,
    }
    results = {
        r.scheme.kind: r.outcome
        for r in check({**answers, "hours_per_week": 10, "employer_sector": "O"}, on=TODAY)
    }
    assert results["wage_subsidy"] == NOT_ELIGIBLE
    assert results["tax_credit"] == ELIGIBLE
    ordered = [r.scheme.kind for r in check(answers, on=TODAY)]
    assert ordered == ["wage_subsidy", "bond", "tax_credit", "procurement"]  # by maximum value


# -- The admin --------------------------------------------------------------------------------------


def _admin_post_data(**condition):
    data = {
        "name": "Admin scheme",
        "provider_agency": "Agency",
        "country": "XX",
        "region": "",
        "kind": "other",
        "summary": "A scheme.",
        "benefit": "Money.",
        "maximum_value": "",
        "currency": "",
        "valid_from": "",
        "valid_to": "",
        "how_to_apply": "",
        "source_url": "",
        "match": "all",
        "conditions-TOTAL_FORMS": "1",
        "conditions-INITIAL_FORMS": "0",
        "conditions-MIN_NUM_FORMS": "0",
        "conditions-MAX_NUM_FORMS": "1000",
        "conditions-0-ORDER": "1",
        "conditions-0-DELETE": "",
        "conditions-0-group": "",
        "conditions-0-met_text": "Met.",
        "conditions-0-not_met_text": "Not met.",
        "steps-TOTAL_FORMS": "0",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    data.update({f"conditions-0-{key}": value for key, value in condition.items()})
    return data


@pytest.fixture
def admin_client(client, home):
    user = with_totp(get_user_model().objects.create_superuser(email="boss@example.org", password="x"))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_add_form_refuses_a_bad_condition(admin_client):
    url = reverse(IncentiveScheme.snippet_viewset.get_url_name("add"))
    response = admin_client.post(
        url, _admin_post_data(fact="months_since_release", operator="less_or_equal", value="a year")
    )
    assert response.status_code == 200
    assert "does not fit months_since_release" in response.content.decode()
    assert not IncentiveScheme.objects.filter(name="Admin scheme").exists()

    response = admin_client.post(url, _admin_post_data(fact="hours_per_week", operator="is_yes", value=""))
    assert "cannot be used with hours_per_week" in response.content.decode()
    assert not IncentiveScheme.objects.filter(name="Admin scheme").exists()


@pytest.mark.django_db
def test_admin_add_form_saves_a_good_scheme_with_a_revision(admin_client):
    url = reverse(IncentiveScheme.snippet_viewset.get_url_name("add"))
    data = _admin_post_data(fact="months_since_release", operator="less_or_equal", value="12")
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    scheme = IncentiveScheme.objects.get(name="Admin scheme")
    assert scheme.live
    assert scheme.latest_revision is not None
    assert [c.value for c in scheme.conditions.all()] == ["12"]
    assert scheme.latest_revision.as_object().conditions.all()[0].fact == "months_since_release"


class TestDateFacts:
    """The date fact type: offer_date, compared with before / after / on."""

    @pytest.mark.parametrize(
        "operator, value, answer, expected",
        [
            ("less_than", "2026-06-01", datetime.date(2026, 5, 31), "met"),
            ("less_than", "2026-06-01", datetime.date(2026, 6, 1), "not_met"),
            ("greater_or_equal", "2026-06-01", datetime.date(2026, 6, 1), "met"),
            ("equals", "2026-06-01", datetime.date(2026, 6, 2), "not_met"),
            ("not_equals", "2026-06-01", datetime.date(2026, 6, 2), "met"),
            ("greater_than", "2026-06-01", None, "unknown"),
            ("greater_than", "2026-06-01", "2026-06-02", "unknown"),  # untyped answers decide nothing
        ],
    )
    def test_comparisons(self, operator, value, answer, expected):
        from incentives.eligibility import condition_status
        from incentives.models import IncentiveCondition

        condition = IncentiveCondition(fact="offer_date", operator=operator, value=value)
        answers = {} if answer is None else {"offer_date": answer}
        assert condition_status(condition, answers) == expected

    def test_parse_and_refuse(self):
        from incentives.facts import get_fact, parse_answer

        fact = get_fact("offer_date")
        assert parse_answer(fact, " 2026-03-31 ") == datetime.date(2026, 3, 31)
        assert parse_answer(fact, "") is None
        for bad in ("31/03/2026", "tomorrow", "2026-02-30", "1850-01-01"):
            with pytest.raises(ValueError):
                parse_answer(fact, bad)

    def test_a_date_condition_refuses_a_number_value_and_reads_as_before(self):
        from django.core.exceptions import ValidationError

        from incentives.facts import get_fact
        from incentives.models import IncentiveCondition

        assert str(get_fact("offer_date").operator_label("less_than")) == "is before"
        with pytest.raises(ValidationError) as error:
            IncentiveCondition(fact="offer_date", operator="less_than", value="42").clean()
        assert "date fact" in str(error.value)
        with pytest.raises(ValidationError):
            IncentiveCondition(fact="offer_date", operator="is_yes", value="").clean()
