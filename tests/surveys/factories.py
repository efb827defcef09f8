"""Factories of attitude surveys: a standard-scale survey, its waves, and answer sheets.

survey = StandardSurveyFactory()                  # the five standard questions, demographics asked
wave = SurveyWaveFactory(survey=survey)           # open today
answer_all(wave, agree=70, disagree=20, prefer_not=10)   # 100 sheets, fast (bulk)
"""

import datetime

import factory
from django.utils import timezone

from surveys.models import STANDARD_SCALE, Answer, Question, QuestionKind, Response, Survey, SurveyWave


class SurveyFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Attitudes survey {n}")
    slug = factory.Sequence(lambda n: f"attitudes-{n}")
    ask_age_band = True
    ask_region = True

    class Meta:
        model = Survey


class QuestionFactory(factory.django.DjangoModelFactory):
    survey = factory.SubFactory(SurveyFactory)
    key = factory.Sequence(lambda n: f"question-{n}")
    kind = QuestionKind.LIKERT
    text = factory.Sequence(lambda n: f"Question number {n}")

    class Meta:
        model = Question


class StandardSurveyFactory(SurveyFactory):
    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        for position, key in enumerate(STANDARD_SCALE):
            Question.objects.create(survey=self, key=key, kind=QuestionKind.LIKERT, sort_order=position)


class SurveyWaveFactory(factory.django.DjangoModelFactory):
    survey = factory.SubFactory(StandardSurveyFactory)
    name = factory.Sequence(lambda n: f"Wave {n}")
    slug = factory.Sequence(lambda n: f"wave-{n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))

    class Meta:
        model = SurveyWave


def answer_all(wave, agree=0, disagree=0, prefer_not=0, age_band="", region=""):
    """Sheets answering every question of the wave alike: `agree` with 4, `disagree` with 2,
    `prefer_not` with "prefer not to say". Returns the responses."""
    values = [4] * agree + [2] * disagree + [0] * prefer_not
    questions = list(wave.survey.questions.all())
    responses = Response.objects.bulk_create(
        Response(wave=wave, age_band=age_band, region=region) for _ in values
    )
    Answer.objects.bulk_create(
        Answer(response=response, question=question, value=value)
        for response, value in zip(responses, values, strict=True)
        for question in questions
    )
    return responses
