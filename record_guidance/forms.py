"""The self-check's questions. Nothing typed here is kept: the form is read once and forgotten."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from record_guidance.models import Jurisdiction, SentenceBand
from record_guidance.selfcheck import MOST_YEARS, NOT_ENDED


def years_choices():
    choices = [
        ("", _("Choose one")),
        (str(NOT_ENDED), _("It has not ended yet")),
        ("0", _("Less than a year ago")),
    ]
    choices += [
        (str(years), ngettext("%(years)s year ago", "%(years)s years ago", years) % {"years": years})
        for years in range(1, MOST_YEARS)
    ]
    choices.append((str(MOST_YEARS), _("More than 20 years ago")))
    return choices


class JurisdictionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.shown_name


class SelfCheckForm(forms.Form):
    jurisdiction = JurisdictionChoiceField(
        queryset=Jurisdiction.objects.none(),
        label=_("Where were you sentenced?"),
        empty_label=_("Choose one"),
        error_messages={
            "required": _("Choose where you were sentenced."),
            "invalid_choice": _("Choose one of the places in the list."),
        },
    )
    sentence = forms.ChoiceField(
        label=_("What was the sentence?"),
        help_text=_("The sentence the court gave, not the time you served."),
        choices=SentenceBand.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the sentence."),
            "invalid_choice": _("Choose one of the sentences in the list."),
        },
    )
    years_since = forms.TypedChoiceField(
        label=_("When did the sentence end?"),
        help_text=_(
            "Count the end of any licence or supervision. Round down: 2 years and 11 months is 2 years."
        ),
        choices=years_choices,
        coerce=int,
        error_messages={
            "required": _("Choose when the sentence ended."),
            "invalid_choice": _("Choose one of the answers in the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the places the example rules cover can be answered.
        self.fields["jurisdiction"].queryset = Jurisdiction.objects.filter(
            spent_rules__isnull=False
        ).distinct()
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"

    @staticmethod
    def no_rule_message(jurisdiction):
        return _(
            "There is no example rule for this sentence in %(place)s yet. Ask an adviser, or look at "
            "the official sources below."
        ) % {"place": jurisdiction.shown_name}
