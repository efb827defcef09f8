"""Attitude surveys: a survey (questions built by campaign staff), its dated waves (each with its
own public link) and the anonymous responses to a wave.

A response holds nothing that could name or trace a person: no account, no e-mail, no address,
no time of day (the date only, so it cannot be joined with a pledge's timestamp), no link to a
supporter pledge. The optional demographic answers (age band, region) are coarse on purpose.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.regions import validate_region

# The stored value of "prefer not to say": counted as a response, never in a share.
PREFER_NOT = 0
AGREE_VALUES = (4, 5)  # Likert "agree" and "strongly agree"


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Five-point agreement scale")
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("Single choice")


LIKERT_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neither agree nor disagree"),
    4: _("Agree"),
    5: _("Strongly agree"),
}
YES_NO_LABELS = {1: _("Yes"), 2: _("No")}
PREFER_NOT_LABEL = _("Prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_25 = "16-24", _("16 to 24")
    FROM_25 = "25-44", _("25 to 44")
    FROM_45 = "45-64", _("45 to 64")
    FROM_65 = "65+", _("65 or over")


# The standard acceptance scale. Its keys never change, so waves (and surveys) stay comparable;
# its wording comes from the catalogue, so every language asks the same question.
STANDARD_SCALE = {
    "accept_colleague": _("I would be ready to accept a former prisoner as a colleague."),
    "accept_neighbour": _("I would be ready to accept a former prisoner as a neighbour."),
    "accept_family_friend": _("I would be ready to accept a former prisoner as a friend of the family."),
    "accept_fellow_student": _("I would be ready to accept a former prisoner as a fellow student."),
    "people_can_change": _("People who have been to prison can change."),
}


class Survey(ClusterableModel):
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    introduction = models.TextField(_("introduction"), blank=True, max_length=800)
    ask_age_band = models.BooleanField(_("ask the age band (optional for the visitor)"), default=False)
    ask_region = models.BooleanField(_("ask the region (optional for the visitor)"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("introduction"),
        InlinePanel("questions", label=_("Questions"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("ask_age_band"), FieldPanel("ask_region")], heading=_("About the visitor")
        ),
    ]

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Question(Orderable):
    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey"))
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Stays the same in every wave so that results can be compared."),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.LIKERT
    )
    text = models.CharField(
        _("question"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty for a question of the standard scale: its wording is translated."),
    )
    options = models.TextField(_("options"), blank=True, help_text=_("Single choice: one option a line."))

    panels = [FieldPanel("key"), FieldPanel("kind"), FieldPanel("text"), FieldPanel("options")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["survey", "key"], name="surveys_question_key_unique")]

    def __str__(self):
        return str(self.wording)

    @property
    def wording(self):
        return self.text or STANDARD_SCALE.get(self.key, self.key)

    def answer_labels(self):
        """value -> label of every answer but "prefer not to say"."""
        if self.kind == QuestionKind.LIKERT:
            return dict(LIKERT_LABELS)
        if self.kind == QuestionKind.YES_NO:
            return dict(YES_NO_LABELS)
        lines = [line.strip() for line in self.options.splitlines() if line.strip()]
        return dict(enumerate(lines, start=1))

    def positive_values(self):
        """The answers counted in the share this question reports."""
        if self.kind == QuestionKind.LIKERT:
            return AGREE_VALUES
        return (1,)  # yes; or the first option of a single choice


class SurveyWaveQuerySet(models.QuerySet):
    def open_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def started(self, day=None):
        return self.filter(opens_on__lte=day or timezone.localdate())


class SurveyWave(models.Model):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="waves", verbose_name=_("survey")
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("For example: before the 2027 campaign"))
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("The wave's address: /surveys/<slug>/")
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    objects = SurveyWaveQuerySet.as_manager()

    panels = [
        FieldPanel("survey", widget=forms.Select),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("opens_on"),
        FieldPanel("closes_on"),
    ]

    class Meta:
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        ordering = ["survey", "opens_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="surveys_wave_dates"
            )
        ]

    def __str__(self):
        return f"{self.survey} – {self.name}"

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("A wave closes on or after the day it opens.")})

    def is_open(self, day=None):
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on

    def get_absolute_url(self):
        return reverse("surveys:wave", args=[self.slug])


class Response(models.Model):
    """One anonymous answer sheet. Deliberately no user, e-mail, address, cookie value or time."""

    wave = models.ForeignKey(
        SurveyWave, on_delete=models.CASCADE, related_name="responses", verbose_name=_("wave")
    )
    answered_on = models.DateField(_("answered on"), default=datetime.date.today)
    age_band = models.CharField(_("age band"), max_length=8, blank=True, choices=AgeBand.choices)
    region = models.CharField(_("region"), max_length=10, blank=True, validators=[validate_region])

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self):
        return f"{self.wave} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    # 0 is "prefer not to say"; Likert 1–5; yes 1, no 2; single choice: the option's position.
    value = models.PositiveSmallIntegerField(_("answer"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="surveys_answer_once")]
        indexes = [models.Index(fields=["question", "value"])]

    def __str__(self):
        return f"{self.question_id}: {self.value}"
