"""The public job board's one form: reporting a listing to the moderators."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobs.models import JobReport


class ReportJobForm(forms.ModelForm):
    reason = forms.ChoiceField(
        label=_("What is wrong with this listing?"),
        choices=[("", _("Choose a reason")), *JobReport.Reason.choices],
        error_messages={"required": _("Choose the reason for your report.")},
    )

    class Meta:
        model = JobReport
        fields = ["reason", "details", "reporter_email"]
        labels = {
            "details": _("Details (optional)"),
            "reporter_email": _("Your e-mail address (optional)"),
        }
        help_texts = {
            "details": _("Tell the moderators what they should look at. Up to 2,000 characters."),
            "reporter_email": _("Only if you would like to hear what the moderators decide."),
        }
        widgets = {"details": forms.Textarea(attrs={"rows": 4})}

    def clean_details(self):
        return self.cleaned_data["details"].replace("\x00", "").strip()
