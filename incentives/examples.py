"""Four illustrative incentive schemes in the "Example" jurisdiction, modelled on real public ones.

Loaded by `load_demo_content` only: a production site never shows them. Each is plainly marked as
an example; staff replace them with their own jurisdiction's rules.
"""

from decimal import Decimal

from incentives.example_translations import (
    TEXTS,
    condition_translations,
    scheme_translations,
    step_translations,
)
from incentives.facts import EXAMPLE_COUNTRY
from incentives.models import EXAMPLE_MARK, IncentiveCondition, IncentiveScheme, IncentiveStep

MARK = EXAMPLE_MARK

SCHEMES = [
    {
        "name": "Example fair-chance hiring tax credit",
        "provider_agency": "Example revenue agency",
        "kind": "tax_credit",
        "summary": (
            f"{MARK}. Modelled on the US Work Opportunity Tax Credit: a credit against the employer's "
            "tax for hiring someone within a year of their release or conviction."
        ),
        "benefit": (
            "A tax credit of 25% of the first year's wages once the new employee has worked at least "
            "120 hours, rising to 40% from 400 hours worked, on up to 6,000 of wages."
        ),
        "maximum_value": Decimal("2400.00"),
        "currency": "USD",
        "how_to_apply": (
            "Ask the candidate to complete the pre-screening form with you on or before the day of "
            "the job offer, then file the certification request with the example workforce agency "
            "within 28 days of the start date."
        ),
        "source_url": "https://www.dol.gov/agencies/eta/wotc",
        "match": "all",
        "conditions": [
            (
                "months_since_release",
                "less_or_equal",
                "12",
                None,
                "The candidate is hired within 12 months of release.",
                "The credit is only for hires within 12 months of release.",
            ),
            (
                "hours_per_week",
                "greater_or_equal",
                "3",
                None,
                "At this many hours a week the hire reaches the 120 hours worked the credit needs "
                "within the year (400 hours or more give the higher rate).",
                "Below 3 hours a week the hire will not reach the 120 hours worked the credit needs.",
            ),
        ],
        "steps": [
            ("Complete the pre-screening form with the candidate", "offer", 0),
            ("File the certification request with the workforce agency", "start", 28),
        ],
    },
    {
        "name": "Example fidelity bond",
        "provider_agency": "Example labour ministry",
        "kind": "bond",
        "summary": (
            f"{MARK}. Modelled on the US Federal Bonding Program: insurance against theft or "
            "dishonesty by a new employee with a record, at no cost to the employer."
        ),
        "benefit": "A fidelity bond of up to 5,000 covering the first six months of employment, free of charge.",
        "maximum_value": Decimal("5000.00"),
        "currency": "USD",
        "how_to_apply": "Ask the example state bonding coordinator for a bond once the job offer is accepted.",
        "source_url": "https://bonds4jobs.com/",
        "match": "all",
        "conditions": [
            (
                "candidate_age",
                "greater_or_equal",
                "16",
                None,
                "The candidate is old enough to be bonded.",
                "Bonds are only for employees aged 16 or over.",
            ),
            (
                "hours_per_week",
                "greater_than",
                "0",
                None,
                "The job is paid work with set hours.",
                "Bonds cover paid employment only.",
            ),
        ],
        "steps": [("Request the bond from the bonding coordinator", "start", 0)],
    },
    {
        "name": "Example return-to-work wage subsidy",
        "provider_agency": "Example employment service",
        "kind": "wage_subsidy",
        "summary": (
            f"{MARK}. A share of the new employee's wages is paid to the employer for the first six "
            "months of a job of at least 16 hours a week and six months' length."
        ),
        "benefit": "50% of the wages for the first six months, up to 6,000 in all.",
        "maximum_value": Decimal("6000.00"),
        "currency": "EUR",
        "how_to_apply": "Apply to the example employment service before the job starts.",
        "source_url": "",
        "match": "all",
        "conditions": [
            (
                "months_since_release",
                "less_or_equal",
                "24",
                None,
                "The candidate was released within the last two years.",
                "The subsidy is for people released within the last two years.",
            ),
            (
                "hours_per_week",
                "greater_or_equal",
                "16",
                None,
                "The job offers at least 16 hours a week.",
                "The job must offer at least 16 hours a week.",
            ),
            (
                "contract_length_months",
                "greater_or_equal",
                "6",
                None,
                "The contract lasts at least six months.",
                "The contract must last at least six months.",
            ),
            (
                "employer_sector",
                "not_one_of",
                "O, U",
                None,
                "The employer is not a public administration or international body.",
                "Public administrations and international bodies cannot claim the subsidy.",
            ),
            (
                "receiving_benefits",
                "is_yes",
                "",
                1,
                "The candidate receives unemployment or social benefits.",
                "The candidate does not receive unemployment or social benefits.",
            ),
            (
                "completed_recognised_programme",
                "is_yes",
                "",
                1,
                "The candidate completed a recognised programme.",
                "The candidate has not completed a recognised programme.",
            ),
        ],
        "steps": [("Apply for the subsidy", "start", -1)],
    },
    {
        "name": "Example procurement preference for pledged employers",
        "provider_agency": "Example public procurement office",
        "kind": "procurement",
        "summary": (
            f"{MARK}. Public tenders give extra points to bidders that have signed a fair-chance "
            "hiring pledge that is still in force."
        ),
        "benefit": "Extra points in the social value part of public tenders.",
        "maximum_value": None,
        "currency": "",
        "how_to_apply": "Quote your pledge reference in the social value section of the tender.",
        "source_url": "",
        "match": "all",
        "conditions": [
            (
                "has_active_hiring_pledge",
                "is_yes",
                "",
                None,
                "The organisation has a hiring pledge in force.",
                "Only organisations with a hiring pledge in force get the preference.",
            ),
        ],
        "steps": [],
    },
]


def seed_example_schemes():
    """Create the four examples that are missing (by name); returns how many were created."""
    created = 0
    for data in SCHEMES:
        data = dict(data)
        conditions, steps = data.pop("conditions"), data.pop("steps")
        name = data["name"]
        existing = IncentiveScheme.objects.filter(name=name).first()
        if existing is not None:
            add_missing_translations(existing)
            continue
        scheme = IncentiveScheme.objects.create(
            country=EXAMPLE_COUNTRY, live=True, translations=scheme_translations(name), **data
        )
        created += 1
        for order, (fact, operator, value, group, met, not_met) in enumerate(conditions):
            IncentiveCondition.objects.create(
                scheme=scheme,
                sort_order=order,
                fact=fact,
                operator=operator,
                value=value,
                group=group,
                met_text=met,
                not_met_text=not_met,
                translations=condition_translations(name, order),
            )
        for order, (label, relative_to, days) in enumerate(steps):
            IncentiveStep.objects.create(
                scheme=scheme,
                sort_order=order,
                label=label,
                relative_to=relative_to,
                days_offset=days,
                translations=step_translations(name, order),
            )
    return created


def add_missing_translations(scheme):
    """An example seeded before its texts were translated gets them; texts staff wrote stay.
    Conditions and steps are matched by position only while their number is the example's."""
    texts = TEXTS.get(scheme.name)
    if texts is None:
        return
    if not scheme.translations:
        scheme.translations = scheme_translations(scheme.name)
        scheme.save(update_fields=["translations"])
    for kind, rows, translations in (
        ("conditions", list(scheme.conditions.order_by("sort_order")), condition_translations),
        ("steps", list(scheme.steps.order_by("sort_order")), step_translations),
    ):
        if len(rows) != len(texts[kind]):
            continue
        for position, row in enumerate(rows):
            if not row.translations:
                row.translations = translations(scheme.name, position)
                row.save(update_fields=["translations"])
