"""The employer area's "request an introduction" form (matching/views/matches.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class IntroductionRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the programme"),
        help_text=_(
            "Say why this person could fit the job and how you would like to meet. "
            "Programme staff pass it on; they never share contact details without the person's consent."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a short message for the programme staff.")},
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Write a short message for the programme staff."))
        return message
