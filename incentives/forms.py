"""Forms of the public eligibility checker: one step per group of facts, built from the catalogue.

Every answer may be left blank (unknown). Answers are read with ``parse_answer``, whose messages
are shown next to the field.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from incentives.facts import FactType, parse_answer

YES_NO_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("", _("I don't know"))]


def checker_country():
    return settings.PORTAL_COUNTRY


class FactField(forms.CharField):
    """A text answer to one fact, cleaned to its typed value (``None`` when blank)."""

    def __init__(self, fact, country=None, **kwargs):
        self.fact, self.country = fact, country
        help_text = str(fact.help_text or "")
        if fact.type == FactType.NUMBER and fact.unit:
            help_text = " ".join(
                part for part in (str(_("In %(unit)s.") % {"unit": fact.unit}), help_text) if part
            )
        if fact.type == FactType.YES_NO:
            widget = forms.RadioSelect(choices=YES_NO_CHOICES)
        elif fact.type == FactType.CHOICE:
            widget = forms.Select(choices=[("", _("I don't know"))] + list(fact.choices(country)))
        elif fact.type == FactType.DATE:
            widget = forms.DateInput(attrs={"type": "date", "autocomplete": "off"})
        else:
            widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 12})
        super().__init__(
            required=False, label=fact.question, help_text=help_text, widget=widget, strip=True, **kwargs
        )

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_answer(self.fact, value, self.country)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None


class CheckerStepForm(forms.Form):
    """The questions of one step; ``data`` (or ``initial``) holds raw answers keyed by fact key."""

    def __init__(self, facts, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.facts = list(facts)
        for fact in self.facts:
            self.fields[fact.key] = FactField(fact, country or checker_country())

    def fact_fields(self):
        """(fact, bound field) pairs in the order asked."""
        return [(fact, self[fact.key]) for fact in self.facts]


def raw_answers(querydict, facts):
    """The raw answer text of each fact from a request's query string (blank when absent)."""
    answers = {}
    for fact in facts:
        value = querydict.get(fact.key, "")
        answers[fact.key] = value if isinstance(value, str) else ""
    return answers
