"""The demo's attitude survey (portal/demo/__init__.py): the standard acceptance scale asked
before and after the live campaign, with generated answers enough to show intervals, a
difference between the waves and the breakdowns by age and region; the open wave is embedded in
the live campaign page."""

import datetime
import random

from django.utils import timezone

from .admin import create_standard_survey
from .models import STANDARD_SCALE, AgeBand, Answer, Response, Survey, SurveyWave

SLUG = "public-acceptance"
REGIONS = ["GB-MAN", "GB-LND", "GB-BIR"]
# Chance of agreeing with each question, before and after the campaign.
AGREE = {
    "before": {
        "accept_colleague": 0.55,
        "accept_neighbour": 0.6,
        "accept_family_friend": 0.45,
        "accept_fellow_student": 0.62,
        "people_can_change": 0.7,
    },
    "after": {
        "accept_colleague": 0.66,
        "accept_neighbour": 0.64,
        "accept_family_friend": 0.52,
        "accept_fellow_student": 0.68,
        "people_can_change": 0.78,
    },
}


def load(site):
    survey = Survey.objects.filter(slug=SLUG).first()
    if survey is None:
        survey = create_standard_survey("Public acceptance of former prisoners")
        survey.slug = SLUG
        survey.introduction = "Five short questions about second chances. It takes two minutes."
        survey.save()
    today = timezone.localdate()
    waves = [
        (
            "before",
            "Before Yellow Ribbon Week",
            today - datetime.timedelta(days=120),
            today - datetime.timedelta(days=90),
            420,
        ),
        (
            "after",
            "After Yellow Ribbon Week",
            today - datetime.timedelta(days=14),
            today + datetime.timedelta(days=30),
            380,
        ),
    ]
    randomiser = random.Random(19)  # nosec B311 # demo answers, not security
    made = []
    for key, name, opens_on, closes_on, count in waves:
        wave, created = SurveyWave.objects.get_or_create(
            slug=f"{SLUG}-{key}",
            defaults={"survey": survey, "name": name, "opens_on": opens_on, "closes_on": closes_on},
        )
        if created:
            answer(wave, AGREE[key], count, randomiser)
        made.append(wave)
    site.surveys = made
    embed_in_campaign(getattr(site, "campaigns", {}), made[-1])


def answer(wave, chances, count, randomiser):
    questions = {question.key: question for question in wave.survey.questions.all()}
    bands = [band for band, _label in AgeBand.choices]
    responses = Response.objects.bulk_create(
        Response(
            wave=wave,
            answered_on=wave.opens_on + datetime.timedelta(days=randomiser.randrange(7)),
            age_band=randomiser.choice(bands) if randomiser.random() < 0.85 else "",
            region=randomiser.choice(REGIONS) if randomiser.random() < 0.8 else "",
        )
        for _ in range(count)
    )
    answers = []
    for response in responses:
        for key in STANDARD_SCALE:
            roll = randomiser.random()
            if roll < 0.05:
                value = 0  # prefer not to say
            elif roll < 0.05 + 0.95 * chances[key]:
                value = randomiser.choice((4, 5))
            else:
                value = randomiser.choice((1, 2, 3))
            answers.append(Answer(response=response, question=questions[key], value=value))
    Answer.objects.bulk_create(answers)


def embed_in_campaign(campaigns, wave):
    campaign = campaigns.get("yellow-ribbon-week")
    if campaign is None or any(block.block_type == "survey" for block in campaign.body):
        return
    campaign.body.append(
        ("survey", {"wave": wave, "heading": "", "text": "Tell us what you think after the campaign."})
    )
    campaign.save_revision().publish()


def counts():
    return [f"{Response.objects.count()} survey responses"]
