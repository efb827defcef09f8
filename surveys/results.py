"""The aggregated results of a survey: counted in the database (one query for the counts of every
wave, question and answer, one per optional breakdown), whatever the number of responses.

Only counts leave this module: the public pages, the dashboard and the CSV never see a response.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from portal.regions import region_name

from .models import PREFER_NOT, AgeBand, Answer, Response
from .statistics import MIN_CELL, Share, difference, share


@dataclass
class QuestionResult:
    question: object
    share: Share
    prefer_not: int
    counts: dict  # value -> count, "prefer not to say" excluded

    @property
    def responses(self):
        return self.share.answered + self.prefer_not


@dataclass
class WaveResult:
    wave: object
    responses: int
    questions: list = field(default_factory=list)


@dataclass
class Trend:
    question: object
    points: list  # [(wave, Share)]
    differences: list  # [(earlier wave, later wave, Difference | None)]


@dataclass
class Breakdown:
    dimension: str
    label: str
    shown: bool
    groups: list  # [(group label, [Share per question])]


def _counts(waves):
    rows = (
        Answer.objects.filter(response__wave__in=waves)
        .values_list("response__wave_id", "question_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {}
    for wave_id, question_id, value, n in rows:
        counts.setdefault((wave_id, question_id), {})[value] = n
    return counts


def _share(question, counts):
    answered = sum(n for value, n in counts.items() if value != PREFER_NOT)
    positive = sum(counts.get(value, 0) for value in question.positive_values())
    return share(positive, answered)


def survey_results(survey, waves=None, questions=None):
    """(wave results, trends) for `survey`'s waves that have opened, oldest first."""
    questions = list(questions if questions is not None else survey.questions.all())
    waves = list(waves if waves is not None else survey.waves.started().order_by("opens_on", "pk"))
    counts = _counts(waves)
    totals = dict(
        Response.objects.filter(wave__in=waves).values_list("wave_id").annotate(n=Count("id")).order_by()
    )
    results = []
    for wave in waves:
        result = WaveResult(wave, totals.get(wave.pk, 0))
        for question in questions:
            cell = counts.get((wave.pk, question.pk), {})
            result.questions.append(
                QuestionResult(
                    question,
                    _share(question, cell),
                    cell.get(PREFER_NOT, 0),
                    {value: cell.get(value, 0) for value in question.answer_labels()},
                )
            )
        results.append(result)
    trends = []
    for position, question in enumerate(questions):
        points = [(result.wave, result.questions[position].share) for result in results]
        differences = [
            (earlier[0], later[0], difference(later[1], earlier[1]))
            for earlier, later in zip(points, points[1:], strict=False)
        ]
        trends.append(Trend(question, points, differences))
    return results, trends


def breakdowns(waves, questions, dimension, label):
    """wave pk -> Breakdown: shares per group of an optional question, in one query for all
    waves; a wave's groups are shown only if every group has MIN_CELL answers to every question."""
    rows = (
        Answer.objects.filter(response__wave__in=waves)
        .exclude(**{f"response__{dimension}": ""})
        .values_list("response__wave_id", f"response__{dimension}", "question_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    )
    cells = {}
    for wave_id, group, question_id, value, n in rows:
        cells.setdefault(wave_id, {}).setdefault(group, {}).setdefault(question_id, {})[value] = n
    found = {}
    for wave in waves:
        groups = [
            (_group_label(dimension, group), [_share(q, answers.get(q.pk, {})) for q in questions])
            for group, answers in sorted(cells.get(wave.pk, {}).items())
        ]
        shown = len(groups) > 1 and all(s.answered >= MIN_CELL for _label, shares in groups for s in shares)
        found[wave.pk] = Breakdown(dimension, label, shown, groups if shown else [])
    return found


def _group_label(dimension, value):
    if dimension == "region":
        return region_name(value)
    return dict(AgeBand.choices).get(value, value)
