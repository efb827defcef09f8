from django import forms
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, Membership
from portal.regions import region_choices


class EmployerForm(forms.ModelForm):
    """Registering an organisation, and later editing its details."""

    regions_of_operation = forms.MultipleChoiceField(
        label=_("Other regions where you operate"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )

    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("For example https://example.org"),
    )

    class Meta:
        model = Employer
        fields = [
            "name",
            "registration_number",
            "sector",
            "size_band",
            "head_office_region",
            "regions_of_operation",
            "website",
            "description",
            "record_check_stage",
        ]
        help_texts = {
            "record_check_stage": _("Shown publicly on your profile, your pledge and your job listings."),
            "description": _("Shown publicly once campaign staff have verified your organisation."),
        }
        error_messages = {
            "registration_number": {
                "unique": _(
                    "Another organisation is registered with this number. If it is yours, ask its owner to invite you."
                ),
            },
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = region_choices()
        self.fields["head_office_region"] = forms.ChoiceField(
            label=_("Region of your head office"), choices=[("", _("Choose a region"))] + regions
        )
        self.fields["regions_of_operation"].choices = regions
        self.fields["sector"].choices = [("", _("Choose a sector"))] + list(self.fields["sector"].choices)[1:]

    def clean_registration_number(self):
        number = " ".join(self.cleaned_data["registration_number"].split()).upper()
        if (
            number
            and Employer.objects.filter(registration_number=number).exclude(pk=self.instance.pk).exists()
        ):
            raise forms.ValidationError(self.Meta.error_messages["registration_number"]["unique"])
        return number

    def clean_regions_of_operation(self):
        return sorted(set(self.cleaned_data["regions_of_operation"]))


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.RECRUITER
    )

    def __init__(self, employer, *args, **kwargs):
        self.employer = employer
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.employer.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of your organisation."))
        return email
