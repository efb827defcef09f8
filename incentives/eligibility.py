"""The rules engine: which incentive schemes a hire may qualify for, condition by condition.

Three-valued: every condition is met, not met or unknown (no answer, or an answer of the wrong
type), and every scheme is eligible, not eligible or "need more information".
"""

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from incentives.facts import CATALOGUE, EXAMPLE_COUNTRY, FACTS, GROUP_ORDER, FactType, Operator
from incentives.models import IncentiveCondition, IncentiveScheme
from incentives.models.results import known_facts
from portal import page_cache

logger = logging.getLogger(__name__)

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
ELIGIBLE, NOT_ELIGIBLE, NEED_MORE = "eligible", "not_eligible", "need_more_information"
OUTCOME_ORDER = {ELIGIBLE: 0, NEED_MORE: 1, NOT_ELIGIBLE: 2}


@dataclass
class ConditionResult:
    condition: IncentiveCondition
    status: str
    sentence: str

    def __iter__(self):  # unpacks as (condition, status, sentence)
        return iter((self.condition, self.status, self.sentence))


@dataclass
class SchemeResult:
    scheme: IncentiveScheme
    outcome: str
    conditions: list = field(default_factory=list)
    benefit: str = ""
    next_step: object = None  # the first IncentiveStep, if the scheme has steps

    @property
    def revision_id(self):
        return self.scheme.latest_revision_id


def site_jurisdictions():
    """Countries whose schemes the site offers: its own, and the illustrative examples."""
    return [settings.PORTAL_COUNTRY, EXAMPLE_COUNTRY]


def all_of(statuses):
    statuses = list(statuses)
    if NOT_MET in statuses:
        return NOT_MET
    if UNKNOWN in statuses:
        return UNKNOWN
    return MET


def any_of(statuses):
    statuses = list(statuses)
    if MET in statuses:
        return MET
    if UNKNOWN in statuses:
        return UNKNOWN
    return NOT_MET


def _as_decimal(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def condition_status(condition, answers, country=None):
    """met / not met / unknown for one condition. Never raises."""
    fact = CATALOGUE.get(condition.fact)
    if fact is None or condition.fact not in answers:
        return UNKNOWN
    answer = answers[condition.fact]
    if answer is None or not fact.accepts(answer):
        return UNKNOWN
    try:
        expected = condition.typed_value(country)
    except ValueError:
        return UNKNOWN  # a condition the admin would refuse: it can decide nothing
    op = condition.operator
    try:
        if fact.type == FactType.YES_NO:
            holds = answer is (op == Operator.IS_YES)
        elif fact.type in (FactType.NUMBER, FactType.DATE):
            if fact.type == FactType.NUMBER:
                a, b = _as_decimal(answer), _as_decimal(expected)
                if not a.is_finite():
                    return UNKNOWN
            else:
                a, b = answer, expected
            holds = {
                Operator.EQUALS: a == b,
                Operator.NOT_EQUALS: a != b,
                Operator.LESS_THAN: a < b,
                Operator.LESS_OR_EQUAL: a <= b,
                Operator.GREATER_THAN: a > b,
                Operator.GREATER_OR_EQUAL: a >= b,
            }[op]
        else:
            holds = {
                Operator.EQUALS: lambda: answer == expected,
                Operator.NOT_EQUALS: lambda: answer != expected,
                Operator.ONE_OF: lambda: answer in expected,
                Operator.NOT_ONE_OF: lambda: answer not in expected,
            }[op]()
    except (KeyError, ArithmeticError, ValueError, TypeError):
        return UNKNOWN
    return MET if holds else NOT_MET


def _sentence(condition, status):
    texts = condition.shown
    if status == MET:
        return texts["met_text"]
    if status == NOT_MET:
        return texts["not_met_text"]
    fact = CATALOGUE.get(condition.fact)
    question = str(fact.question) if fact else condition.fact
    # The status ("Not known yet") is shown before it: the sentence only says what to find out.
    return _("%(question)s (%(when_met)s)") % {
        "question": question,
        "when_met": texts["met_text"],
    }


def _groups(conditions):
    """Conditions grouped by group number, in order; ungrouped conditions stand alone."""
    groups, numbered = [], {}
    for condition in conditions:
        if condition.group is None:
            groups.append([condition])
        elif condition.group in numbered:
            numbered[condition.group].append(condition)
        else:
            numbered[condition.group] = [condition]
            groups.append(numbered[condition.group])
    return groups


def _region_condition(scheme):
    """A scheme for one region carries an implied condition that the job is in that region."""
    region_name = scheme.jurisdiction_name
    return IncentiveCondition(
        fact="region",
        operator=Operator.EQUALS,
        value=scheme.region,
        met_text=_("The job is in %(region)s, where the scheme applies.") % {"region": region_name},
        not_met_text=_("The scheme applies only to jobs in %(region)s.") % {"region": region_name},
    )


def evaluate(scheme, answers, on=None):
    """One scheme's result for ``answers`` (fact key → typed value; missing or None is unknown)."""
    on = on or timezone.localdate()
    answers = answers or {}
    conditions = list(scheme.conditions.all())
    statuses = {id(c): condition_status(c, answers, scheme.country) for c in conditions}

    combine_groups, combine_within = (
        (all_of, any_of) if scheme.match == scheme.Match.ALL else (any_of, all_of)
    )
    groups = _groups(conditions)
    if groups:
        overall = combine_groups(combine_within(statuses[id(c)] for c in group) for group in groups)
    else:
        overall = MET  # a scheme without conditions is open to everyone

    if scheme.region:
        region = _region_condition(scheme)
        statuses[id(region)] = condition_status(region, answers, scheme.country)
        conditions.insert(0, region)
        overall = all_of([statuses[id(region)], overall])

    if not scheme.is_valid_on(on):
        overall = NOT_MET

    outcome = {MET: ELIGIBLE, NOT_MET: NOT_ELIGIBLE, UNKNOWN: NEED_MORE}[overall]
    steps = list(scheme.steps.all())
    return SchemeResult(
        scheme=scheme,
        outcome=outcome,
        conditions=[ConditionResult(c, statuses[id(c)], _sentence(c, statuses[id(c)])) for c in conditions],
        benefit=scheme.shown["benefit"],
        next_step=steps[0] if steps else None,
    )


def active_schemes(on=None, countries=None):
    return (
        IncentiveScheme.objects.active(on)
        .for_jurisdiction(countries or site_jurisdictions())
        .prefetch_related("conditions", "steps")
    )


def sort_key(result):
    value = result.scheme.maximum_value
    return (
        OUTCOME_ORDER[result.outcome],
        value is None,
        -(value or 0),
        result.scheme.name,
    )


SCHEMES_CACHE_SECONDS = 300


def cached_active_schemes(on=None):
    """The site's active schemes with their conditions and steps, as active_schemes() gives them,
    kept a few minutes (every employer's dashboard reads them: 3 queries a visit, issue 22). Any
    change to a scheme, condition or step starts a new generation of portal.page_cache (they are
    registered with it in IncentivesConfig.ready), which these follow at once."""
    on = on or timezone.localdate()
    try:
        key = f"incentives:schemes:{page_cache.generation()}:{on}:{','.join(site_jurisdictions())}"
        schemes = cache.get(key)
    except Exception:  # the cache server is away: read them, as without the cache
        logger.warning("Cache unavailable; schemes read from the database", exc_info=True)
        return list(active_schemes(on))
    if schemes is None:
        schemes = list(active_schemes(on))
        try:
            cache.set(key, schemes, SCHEMES_CACHE_SECONDS)
        except Exception:
            logger.warning("Cache unavailable; schemes not kept", exc_info=True)
    return schemes


def check(answers, on=None, countries=None, schemes=None):
    """Results for every active scheme of the site's jurisdiction (or for `schemes`, from
    active_schemes() or cached_active_schemes()): eligible first, then by value."""
    on = on or timezone.localdate()
    if schemes is None:
        schemes = active_schemes(on, countries)
    results = [evaluate(scheme, answers, on) for scheme in schemes]
    return sorted(results, key=sort_key)


def facts_needed(schemes):
    """The facts the schemes' conditions use: {group: [Fact, ...]} in catalogue order, groups in order."""
    keys = set()
    for scheme in schemes:
        keys.update(condition.fact for condition in scheme.conditions.all())
        if scheme.region:
            keys.add("region")
    grouped = {
        group: [fact for fact in FACTS if fact.group == group and fact.key in keys] for group in GROUP_ORDER
    }
    return {group: facts for group, facts in grouped.items() if facts}


def dashboard_hints(employer, has_active_pledge=None):
    """Schemes the organisation may be eligible for from its known facts (the dashboard's hints):
    the results that are eligible or need more information."""
    results = check(known_facts(employer, has_active_pledge), schemes=cached_active_schemes())
    return [result for result in results if result.outcome != NOT_ELIGIBLE]


def dashboard_panel(employer, pledge):
    return dashboard_hints(employer, has_active_pledge=pledge is not None)
