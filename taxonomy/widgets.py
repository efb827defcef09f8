"""Form widgets and fields shared by the employer and partner areas."""

from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Skill


class SkillPicker(forms.SelectMultiple):
    """A plain <select multiple> that taxonomy/static/taxonomy/skill-picker.js turns into a
    type-to-filter picker with removable chips; without JavaScript it stays the working select.

    The script's words travel as data-picker-* attributes, so they are translated here; "%s"
    stands for a skill's name, a number or the field's label.
    """

    TEXTS = {
        "data-picker-help": _(
            "Type part of a skill's name, choose it with the up and down arrows and press Enter, "
            "or click it. Each chosen skill is listed below with a button that removes it."
        ),
        "data-picker-chosen": _("Chosen: %s"),
        "data-picker-none-chosen": _("None chosen yet."),
        "data-picker-remove": _("Remove %s"),
        "data-picker-added": _("%s added."),
        "data-picker-removed": _("%s removed."),
        "data-picker-count": _("%s chosen."),
        "data-picker-no-match": _("No skill matches."),
        "data-picker-one-match": _("1 skill matches."),
        "data-picker-many-match": _("%s skills match."),
    }

    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs={"size": 8, "data-skill-picker": "", **self.TEXTS, **(attrs or {})}, **kwargs)


HOLD_CTRL = _("Hold Ctrl (or Cmd) to choose several.")


class ChooseSeveralField(forms.ModelMultipleChoiceField):
    """An optional choice of several (skills, certifications) in a plain <select multiple>, as
    the job listing and graduate forms both ask it."""

    def __init__(self, queryset, label, help_text=HOLD_CTRL, widget=None):
        widget = widget or forms.SelectMultiple(attrs={"size": 8})
        super().__init__(queryset=queryset, required=False, label=label, help_text=help_text, widget=widget)

    def label_from_instance(self, obj):
        # Options read in the visitor's language; the submitted value stays the row's id.
        return obj.shown_name


class SkillsField(ChooseSeveralField):
    """A choice of skills through the SkillPicker; the help text says what they are for."""

    def __init__(self, label, help_text):
        super().__init__(Skill.objects.all(), label, help_text, SkillPicker())
