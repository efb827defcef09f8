"""The nomination form of each area and the panel's score sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import SCORE_MAX, SCORE_MIN, Category, Score
from employers.models import Employer


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, category):
        return f"{category.round.title} – {category.get_kind_display()}"


class NominationForm(forms.Form):
    """For the employer itself: the employer is the one acting, never a field of the form."""

    category = CategoryChoiceField(
        label=_("Category"), queryset=Category.objects.none(), empty_label=_("Choose a category")
    )
    statement = forms.CharField(
        label=_("Statement"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Why this employer deserves the award, against the criteria of the round. It is read by "
            "the judging panel and may be quoted if the employer is shortlisted. Name no graduate."
        ),
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(
            pk__in=[category.pk for category in categories]
        ).select_related("round")


class EmployerNominationForm(NominationForm):
    """For programme providers and staff: any verified employer, chosen by name."""

    employer = forms.ModelChoiceField(
        label=_("Employer"),
        queryset=Employer.objects.verified().order_by("name"),
        empty_label=_("Choose an employer"),
    )
    field_order = ["employer", "category", "statement"]


class ScoreSheet(forms.Form):
    """One score and one reason per criterion; each reason is required."""

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        choices = [(value, str(value)) for value in range(SCORE_MIN, SCORE_MAX + 1)]
        for criterion in self.criteria:
            mine = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score for “%(criterion)s”") % {"criterion": criterion.title},
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=mine.score if mine else None,
                help_text=_("1 is weak, 5 is outstanding."),
            )
            self.fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=_("Reason for “%(criterion)s”") % {"criterion": criterion.title},
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=mine.reason if mine else "",
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"reason_{c.pk}"]) for c in self.criteria]

    def save(self, nomination, panellist):
        for criterion in self.criteria:
            Score.objects.update_or_create(
                nomination=nomination,
                criterion=criterion,
                panellist=panellist,
                defaults={
                    "score": self.cleaned_data[f"score_{criterion.pk}"],
                    "reason": self.cleaned_data[f"reason_{criterion.pk}"],
                },
            )


class TransitionForm(forms.Form):
    status = forms.CharField(widget=forms.HiddenInput)
