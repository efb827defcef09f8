"""The answer sheet of a wave, built from its survey's questions.

Agreement questions must be answered, "prefer not to say" being an answer; yes/no and single
choice questions may be skipped; the demographic questions are never required.
"""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.regions import region_choices

from .models import PREFER_NOT, PREFER_NOT_LABEL, AgeBand, Answer, QuestionKind, Response


def _field_name(question):
    return f"q_{question.key}"


class AnswerSheetForm(forms.Form):
    def __init__(self, *args, wave, **kwargs):
        super().__init__(*args, **kwargs)
        self.wave = wave
        self.questions = list(wave.survey.questions.all())
        for question in self.questions:
            choices = [(str(value), label) for value, label in question.answer_labels().items()]
            choices.append((str(PREFER_NOT), PREFER_NOT_LABEL))
            self.fields[_field_name(question)] = forms.TypedChoiceField(
                label=question.wording,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                required=question.kind == QuestionKind.LIKERT,
                error_messages={"required": _("Choose an answer, or “Prefer not to say”.")},
            )
        if wave.survey.ask_age_band:
            self.fields["age_band"] = forms.ChoiceField(
                label=_("Your age (optional)"),
                choices=[("", PREFER_NOT_LABEL), *AgeBand.choices],
                required=False,
            )
        if wave.survey.ask_region:
            self.fields["region"] = forms.ChoiceField(
                label=_("Where you live (optional)"),
                choices=[("", PREFER_NOT_LABEL), *region_choices()],
                required=False,
            )

    def question_fields(self):
        return [self[_field_name(question)] for question in self.questions]

    def about_you_fields(self):
        return [self[name] for name in ("age_band", "region") if name in self.fields]

    @transaction.atomic
    def save(self):
        response = Response.objects.create(
            wave=self.wave,
            age_band=self.cleaned_data.get("age_band", ""),
            region=self.cleaned_data.get("region", ""),
        )
        Answer.objects.bulk_create(
            Answer(response=response, question=question, value=self.cleaned_data[_field_name(question)])
            for question in self.questions
            if self.cleaned_data.get(_field_name(question)) not in (None, "")
        )
        return response
