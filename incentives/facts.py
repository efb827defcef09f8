"""The catalogue of facts incentive scheme conditions are written over, and the operators on them.

Facts are defined here, in code, so that the checker knows how to ask each question and how to read
each answer; staff pick a fact by its key when they write a condition in the admin. Answers are
typed Python values: ``bool`` for yes/no facts, ``int``/``Decimal`` for numbers and ``str`` codes
for choices; a missing answer (``None``) is unknown.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import pycountry
from django.conf import settings
from django.db import models
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from portal.regions import region_choices
from taxonomy.classifications import SectorChoices

EXAMPLE_COUNTRY = "XX"  # the jurisdiction of the illustrative seed schemes
EXAMPLE_COUNTRY_NAME = _("Example")


class FactType(models.TextChoices):
    YES_NO = "yes_no", _("yes/no")
    NUMBER = "number", _("number")
    CHOICE = "choice", _("choice")
    DATE = "date", _("date")


class FactGroup(models.TextChoices):
    EMPLOYER = "employer", _("About the employer")
    JOB = "job", _("About the job")
    CANDIDATE = "candidate", _("About the candidate")


class Operator(models.TextChoices):
    EQUALS = "equals", _("equals")
    NOT_EQUALS = "not_equals", _("does not equal")
    LESS_THAN = "less_than", _("is less than")
    LESS_OR_EQUAL = "less_or_equal", _("is at most")
    GREATER_THAN = "greater_than", _("is more than")
    GREATER_OR_EQUAL = "greater_or_equal", _("is at least")
    ONE_OF = "one_of", _("is one of")
    NOT_ONE_OF = "not_one_of", _("is not one of")
    IS_YES = "is_yes", _("is yes")
    IS_NO = "is_no", _("is no")


OPERATORS_FOR_TYPE = {
    FactType.YES_NO: (Operator.IS_YES, Operator.IS_NO),
    FactType.NUMBER: (
        Operator.EQUALS,
        Operator.NOT_EQUALS,
        Operator.LESS_THAN,
        Operator.LESS_OR_EQUAL,
        Operator.GREATER_THAN,
        Operator.GREATER_OR_EQUAL,
    ),
    FactType.CHOICE: (Operator.EQUALS, Operator.NOT_EQUALS, Operator.ONE_OF, Operator.NOT_ONE_OF),
    # For dates "less than" reads "before" and "greater than" reads "after" (see DATE_OPERATOR_LABELS).
    FactType.DATE: (
        Operator.EQUALS,
        Operator.NOT_EQUALS,
        Operator.LESS_THAN,
        Operator.LESS_OR_EQUAL,
        Operator.GREATER_THAN,
        Operator.GREATER_OR_EQUAL,
    ),
}
DATE_OPERATOR_LABELS = {
    Operator.EQUALS: _("is on"),
    Operator.NOT_EQUALS: _("is not on"),
    Operator.LESS_THAN: _("is before"),
    Operator.LESS_OR_EQUAL: _("is on or before"),
    Operator.GREATER_THAN: _("is after"),
    Operator.GREATER_OR_EQUAL: _("is on or after"),
}
EARLIEST_DATE, LATEST_DATE = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)
# Operators that take no value (the operator says it all) and those that take a list of values.
VALUELESS_OPERATORS = (Operator.IS_YES, Operator.IS_NO)
LIST_OPERATORS = (Operator.ONE_OF, Operator.NOT_ONE_OF)

YES_WORDS = {"yes", "y", "true", "1", "on"}
NO_WORDS = {"no", "n", "false", "0", "off"}


@cache
def subdivisions(country):
    """(code, name) of the ISO 3166-2 regions of a country, by name; none for unknown countries."""
    found = pycountry.subdivisions.get(country_code=country) or []
    return tuple(sorted(((s.code, s.name.split(" [")[0]) for s in found), key=lambda pair: pair[1]))


@dataclass(frozen=True)
class Fact:
    key: str
    group: str
    type: str
    question: str
    help_text: str = ""
    unit: str = ""
    integer: bool = True  # number facts: whole numbers only
    maximum: int = 0  # number facts: answers above this are refused as mistakes
    number_error: str = ""  # number facts: what to say when the answer is not a number

    @property
    def operators(self):
        return OPERATORS_FOR_TYPE[self.type]

    def operator_label(self, operator):
        """How the operator reads for this fact: "is before" for a date, "is less than" for a number."""
        if self.type == FactType.DATE and operator in DATE_OPERATOR_LABELS:
            return DATE_OPERATOR_LABELS[operator]
        return Operator(operator).label

    def choices(self, country=None):
        """(code, label) pairs of a choice fact; regions include those of ``country``."""
        if self.key == "employer_sector":
            return list(SectorChoices.choices)
        if self.key == "region":
            pairs = list(region_choices())
            if country and country != settings.PORTAL_COUNTRY:
                pairs += list(subdivisions(country))
            return pairs
        return []

    def choice_label(self, code, country=None):
        return dict(self.choices(country)).get(code, code)

    def accepts(self, value):
        """Is ``value`` a typed answer of this fact's type? (Anything else counts as unknown.)"""
        if self.type == FactType.YES_NO:
            return isinstance(value, bool)
        if self.type == FactType.NUMBER:
            return isinstance(value, int | Decimal | float) and not isinstance(value, bool)
        if self.type == FactType.DATE:
            return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
        return isinstance(value, str)


def _number(key, group, question, unit, help_text, maximum, error, integer=True):
    return Fact(
        key=key,
        group=group,
        type=FactType.NUMBER,
        question=question,
        unit=unit,
        help_text=help_text,
        maximum=maximum,
        number_error=error,
        integer=integer,
    )


# In the order the checker asks them, within each group.
FACTS = (
    _number(
        "employer_headcount",
        FactGroup.EMPLOYER,
        _("How many people does the organisation employ?"),
        _("staff"),
        _("Count everyone on the payroll, full and part time."),
        10_000_000,
        _("Enter a number of staff"),
    ),
    Fact(
        key="employer_sector",
        group=FactGroup.EMPLOYER,
        type=FactType.CHOICE,
        question=_("Which sector does the organisation work in?"),
        help_text=_("The main activity, as in the International Standard Industrial Classification."),
    ),
    Fact(
        key="has_active_hiring_pledge",
        group=FactGroup.EMPLOYER,
        type=FactType.YES_NO,
        question=_("Has the organisation signed a fair-chance hiring pledge that is still in force?"),
        help_text=_("A pledge signed on this portal counts for twelve months from signing."),
    ),
    Fact(
        key="region",
        group=FactGroup.JOB,
        type=FactType.CHOICE,
        question=_("In which region is the job?"),
        help_text=_("Where the work is mainly done."),
    ),
    _number(
        "hours_per_week",
        FactGroup.JOB,
        _("How many hours a week does the job offer?"),
        _("hours"),
        _("The contracted hours; for varying hours, a typical week."),
        168,
        _("Enter a number of hours"),
        integer=False,
    ),
    _number(
        "contract_length_months",
        FactGroup.JOB,
        _("How long is the contract, in months?"),
        _("months"),
        _("For a permanent job, enter 120."),
        1200,
        _("Enter a number of months"),
    ),
    _number(
        "hourly_wage",
        FactGroup.JOB,
        _("What is the wage offered per hour?"),
        _("per hour"),
        _("Before tax, in the local currency."),
        100_000,
        _("Enter an amount per hour"),
        integer=False,
    ),
    _number(
        "months_since_release",
        FactGroup.CANDIDATE,
        _("How many months ago was the candidate released, or did their sentence end?"),
        _("months"),
        _("Count from release from prison or the end of a community sentence, whichever is later."),
        1200,
        _("Enter a number of months"),
    ),
    Fact(
        key="completed_recognised_programme",
        group=FactGroup.CANDIDATE,
        type=FactType.YES_NO,
        question=_("Has the candidate completed a recognised training or rehabilitation programme?"),
        help_text=_("For example a programme run by a verified programme provider on this portal."),
    ),
    Fact(
        key="first_job_since_release",
        group=FactGroup.CANDIDATE,
        type=FactType.YES_NO,
        question=_("Is this the candidate's first job since release?"),
    ),
    _number(
        "candidate_age",
        FactGroup.CANDIDATE,
        _("How old is the candidate?"),
        _("years"),
        _("Age in whole years on the day the job starts."),
        130,
        _("Enter an age in years"),
    ),
    Fact(
        key="offer_date",
        group=FactGroup.JOB,
        type=FactType.DATE,
        question=_("On what date was (or will) the job be offered?"),
        help_text=_("As a date such as 2026-03-31. Some schemes only cover offers made in a given period."),
    ),
    Fact(
        key="receiving_benefits",
        group=FactGroup.CANDIDATE,
        type=FactType.YES_NO,
        question=_("Is the candidate receiving unemployment or social benefits?"),
        help_text=_("At the time of the job offer."),
    ),
)

CATALOGUE = {fact.key: fact for fact in FACTS}
GROUP_ORDER = [group for group, _label in FactGroup.choices]


def fact_choices():
    return [(fact.key, f"{fact.key} — {fact.question}") for fact in FACTS]


def get_fact(fact_or_key):
    if isinstance(fact_or_key, Fact):
        return fact_or_key
    try:
        return CATALOGUE[fact_or_key]
    except KeyError:
        raise ValueError(f"Unknown fact {fact_or_key!r}.") from None


def parse_number(fact, raw):
    """A number answer from text; ValueError with a message fit for a form field."""
    text = str(raw).strip().replace(",", "").replace("_", "")
    error = str(fact.number_error or _("Enter a number"))
    if len(text) > 30:
        raise ValueError(error)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(error) from None
    if not number.is_finite():
        raise ValueError(error)
    if number < 0:
        raise ValueError(str(_("The number cannot be negative.")))
    if fact.maximum and number > fact.maximum:
        raise ValueError(
            str(_("That is more than %(maximum)s; check the number.") % {"maximum": fact.maximum})
        )
    if fact.integer:
        if number != number.to_integral_value():
            raise ValueError(str(_("Enter a whole number.")))
        return int(number)
    return number


def parse_yes_no(raw):
    text = str(raw).strip().lower()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValueError(str(_("Answer yes or no.")))


def parse_choice(fact, raw, country=None):
    code = str(raw).strip()
    if code not in dict(fact.choices(country)):
        raise ValueError(str(_("Choose one of the options.")))
    return code


def describe_answer(fact, raw, country=None):
    """A stored answer in words, as the person chose it: "Yes", "Construction", "12 staff",
    "3 March 2026"; an answer that no longer parses is shown as it was typed."""
    fact = get_fact(fact)
    try:
        value = parse_answer(fact, raw, country)
    except ValueError:
        return str(raw)
    if value is None:
        return ""
    if fact.type == FactType.YES_NO:
        return str(_("Yes") if value else _("No"))
    if fact.type == FactType.CHOICE:
        return str(fact.choice_label(value, country))
    if fact.type == FactType.DATE:
        return date_format(value, "DATE_FORMAT")
    number = number_format(value, force_grouping=True)
    return f"{number} {fact.unit}" if fact.unit else number


def parse_answer(fact, raw, country=None):
    """A form's string answer as a typed value; blank is unknown (``None``).

    Raises ValueError with a message fit to show next to the field.
    """
    fact = get_fact(fact)
    if raw is None or str(raw).strip() == "":
        return None
    if fact.type == FactType.NUMBER:
        return parse_number(fact, raw)
    if fact.type == FactType.YES_NO:
        return parse_yes_no(raw)
    if fact.type == FactType.DATE:
        return parse_date(raw)
    return parse_choice(fact, raw, country)


def parse_date(raw):
    try:
        value = datetime.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValueError(str(_("Enter a date as year-month-day, for example 2026-03-31."))) from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(str(_("Enter a date between 1900 and 2100.")))
    return value
