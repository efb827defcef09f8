from django import forms
from django.utils.translation import gettext_lazy as _

from portal.regions import region_choices

from .models import SupporterPledge


class SupporterPledgeForm(forms.ModelForm):
    # A field people never see; bots that fill every input give themselves away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    count_publicly = forms.BooleanField(
        required=True,
        label=_("Count me in the public total of supporters"),
        error_messages={"required": _("Tick this box so that we can count your pledge.")},
    )

    class Meta:
        model = SupporterPledge
        fields = ["name", "show_name", "email", "region", "count_publicly", "wants_updates"]
        labels = {
            "name": _("Your name (optional)"),
            "show_name": _("Show my name on the campaign page"),
            "email": _("E-mail address"),
            "region": _("Where you live (optional)"),
            "wants_updates": _("Send me occasional updates about this campaign"),
        }
        help_texts = {
            "email": _("We send you a link to confirm your pledge. We never show your e-mail address."),
        }
        error_messages = {
            "email": {
                "required": _("Enter your e-mail address so that we can confirm your pledge."),
                "invalid": _("Enter an e-mail address in the form name@example.org."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = forms.ChoiceField(
            choices=[("", _("Prefer not to say"))] + region_choices(),
            required=False,
            label=self.Meta.labels["region"],
        )
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_name") and not cleaned.get("name", "").strip():
            self.add_error("name", _("Enter the name you want shown, or untick 'Show my name'."))
        return cleaned

    def is_bot(self):
        return bool(self.data.get("website"))

    def validate_unique(self):
        # Pledging twice is answered kindly by the view, not as a form error.
        pass
