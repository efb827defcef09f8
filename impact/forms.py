from django import forms
from django.utils.translation import gettext_lazy as _

from portal.regions import region_choices
from portal.widgets import QuickSelect

from .figures import Period

MAX_YEARS = 10


class ImpactFilterForm(forms.Form):
    """The period (inclusive dates) and region the dashboard's figures cover."""

    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    region = forms.ChoiceField(label=_("Region"), required=False, widget=QuickSelect)

    def __init__(self, data=None, **kwargs):
        default = Period.last_twelve_months()
        if data is not None and not any(data.get(name) for name in ("start", "end", "region")):
            data = None  # nothing chosen yet: the default period, shown in the fields
        super().__init__(data, initial={"start": default.start, "end": default.end}, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *region_choices()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end of the period cannot be before its start."))
            elif (end - start).days > MAX_YEARS * 366:
                self.add_error(
                    "start", _("Choose a period of at most %(years)s years.") % {"years": MAX_YEARS}
                )
        return cleaned

    def full_clean(self):
        super().full_clean()
        # Tie each message to its field for screen readers, as the messages sit beside the fields.
        for name in self.errors:
            if name in self.fields:
                described_by = f"{self[name].auto_id}-error"
                if self.fields[name].help_text:
                    described_by += f" {self[name].auto_id}_helptext"
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": described_by}
                )

    def chosen_period(self):
        """The period chosen, or the default one when nothing was chosen."""
        if self.is_bound:
            return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return Period(self.initial["start"], self.initial["end"])

    def chosen_region(self):
        return (self.cleaned_data.get("region") or None) if self.is_bound else None
