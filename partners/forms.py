"""Forms of the partner area: a graduate's profile, personal data, programmes, consent, answers, hires."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Graduate, GraduatePersonalData, MatchingConsent
from portal.regions import region_choices
from taxonomy.classifications import EmploymentType, SectorChoices
from taxonomy.models import Certification
from taxonomy.widgets import ChooseSeveralField, SkillsField

RESTRICTIONS = [
    "no_vulnerable_work",
    "no_driving",
    "no_cash_handling",
    "no_night_shifts",
    "no_security_clearance",
]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_in_future(value, message):
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class GraduateForm(forms.ModelForm):
    """What others may see of a graduate: no name, no contact, and never an offence."""

    extra_skills = SkillsField(
        _("Other skills"),
        _("Besides those the programmes taught. Hold Ctrl (or Cmd) to choose several."),
    )
    certifications = ChooseSeveralField(Certification.objects.all(), _("Certifications"))
    preferred_regions = forms.MultipleChoiceField(
        label=_("Preferred regions"),
        required=False,
        choices=region_choices,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    preferred_sectors = forms.MultipleChoiceField(
        label=_("Preferred sectors"),
        required=False,
        choices=SectorChoices.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_employment_types = forms.MultipleChoiceField(
        label=_("Preferred types of employment"),
        required=False,
        choices=EmploymentType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Graduate
        fields = [
            "extra_skills",
            "certifications",
            "available_from",
            "preferred_regions",
            "willing_to_travel",
            "willing_to_relocate",
            "wants_remote",
            "preferred_sectors",
            "preferred_employment_types",
            *RESTRICTIONS,
            "status",
            "personal_statement",
        ]
        labels = {
            "available_from": _("Available from"),
            "willing_to_travel": _("Willing to travel to neighbouring regions"),
            "willing_to_relocate": _("Willing to relocate"),
            "wants_remote": _("Open to remote work"),
            "status": _("Status"),
            "personal_statement": _("Personal statement"),
        }
        widgets = {
            "available_from": DATE_INPUT,
            "personal_statement": forms.Textarea(attrs={"rows": 5}),
        }

    def fieldsets(self):
        groups = [
            (_("Skills and certifications"), ["extra_skills", "certifications"]),
            (
                _("Availability and preferences"),
                [
                    "available_from",
                    "preferred_regions",
                    "willing_to_travel",
                    "willing_to_relocate",
                    "wants_remote",
                    "preferred_sectors",
                    "preferred_employment_types",
                ],
            ),
            (_("Work restrictions"), RESTRICTIONS),
            (_("Status and statement"), ["status", "personal_statement"]),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]


class PersonalDataForm(forms.ModelForm):
    class Meta:
        model = GraduatePersonalData
        fields = ["full_name", "email", "phone", "notes"]
        labels = {
            "full_name": _("Full name"),
            "email": _("E-mail address"),
            "phone": _("Phone number"),
            "notes": _("Notes"),
        }
        help_texts = {
            "notes": _("For your provider's staff only. Never write down an offence or a sentence here."),
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class CompletionForm(forms.Form):
    programme = forms.ModelChoiceField(
        queryset=None, label=_("Programme"), empty_label=_("Choose a programme")
    )
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE_INPUT)

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = provider.programmes.all()

    def clean_completed_on(self):
        return _not_in_future(self.cleaned_data["completed_on"], _("The date cannot be in the future."))


class BaseCompletionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            programme = form.cleaned_data.get("programme")
            if programme is None:
                continue
            if programme in seen:
                raise forms.ValidationError(_("Each programme can be listed only once."))
            seen.add(programme)
        if not seen:
            raise forms.ValidationError(_("Add at least one programme the graduate completed."))


CompletionFormSet = forms.formset_factory(
    CompletionForm, formset=BaseCompletionFormSet, extra=2, min_num=1, validate_min=True
)


def completion_formset(provider, data=None, graduate=None):
    initial = None
    if graduate is not None and data is None:
        initial = [
            {"programme": c.programme_id, "completed_on": c.completed_on} for c in graduate.completions.all()
        ]
    formset = CompletionFormSet(
        data, prefix="programmes", initial=initial, form_kwargs={"provider": provider}
    )
    # Django's own message for a missing first row names "forms"; say what is missing instead.
    formset.error_messages = {
        **formset.error_messages,
        "too_few_forms": _("Add at least one programme the graduate completed."),
    }
    return formset


class ConsentForm(forms.Form):
    """A matching consent: optional when a graduate is created, required when recorded later."""

    given_on = forms.DateField(label=_("Consent given on"), required=False, widget=DATE_INPUT)
    method = forms.ChoiceField(
        label=_("How consent was given"),
        required=False,
        choices=[("", _("Choose how")), *MatchingConsent.Method.choices],
    )

    def __init__(self, *args, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.required = required
        if required:
            self.fields["given_on"].required = self.fields["method"].required = True

    def clean_given_on(self):
        return _not_in_future(self.cleaned_data["given_on"], _("The date cannot be in the future."))

    def clean(self):
        cleaned = super().clean()
        given_on, method = cleaned.get("given_on"), cleaned.get("method")
        if given_on and not method and "method" not in self.errors:
            self.add_error("method", _("Say how the consent was given."))
        if method and not given_on and "given_on" not in self.errors:
            self.add_error("given_on", _("Give the date the consent was given."))
        return cleaned

    @property
    def has_consent(self):
        return bool(self.cleaned_data.get("given_on") and self.cleaned_data.get("method"))


class ReleaseForm(forms.Form):
    """What contact the graduate agreed the employer may see; staff may edit it."""

    released_contact = forms.CharField(
        label=_("Contact details to release to the employer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_("Only what the graduate agreed to share, for example a first name and a phone number."),
    )


def contact_suggestion(graduate):
    """The prefilled contact of a release: the graduate's name and phone or e-mail."""
    personal = getattr(graduate, "personal_data", None)
    if personal is None:
        return ""
    lines = [personal.full_name]
    if personal.phone:
        lines.append(personal.phone)
    if personal.email:
        lines.append(personal.email)
    return "\n".join(line for line in lines if line)


class IntroductionHireForm(forms.Form):
    """A hire from an accepted introduction: the job and the graduate are fixed by the introduction."""

    start_date = forms.DateField(label=_("Start date"), widget=DATE_INPUT)
    hours_per_week = forms.IntegerField(
        label=_("Hours per week"),
        min_value=1,
        max_value=80,
        help_text=_("As agreed with the employer, for example 16 or 37."),
    )

    def __init__(self, *args, introduction, **kwargs):
        super().__init__(*args, **kwargs)
        self.introduction = introduction

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if start < timezone.localtime(self.introduction.requested_at).date():
            raise forms.ValidationError(_("The start date cannot be before the introduction was made."))
        if start > timezone.localdate() + datetime.timedelta(days=365):
            raise forms.ValidationError(_("The start date must be within the next twelve months."))
        return start


class ErasureForm(forms.Form):
    """The coordinator confirms an erasure by typing the graduate's reference: it cannot be undone."""

    reference = forms.CharField(
        label=_("Type the reference to confirm"),
        max_length=12,
        help_text=_("Name, contact details, notes, consent records and preferences are deleted for good."),
    )

    def __init__(self, *args, graduate, **kwargs):
        super().__init__(*args, **kwargs)
        self.graduate = graduate

    def clean_reference(self):
        typed = self.cleaned_data["reference"].strip().upper()
        if typed != self.graduate.reference:
            raise forms.ValidationError(
                _("Type %(ref)s exactly to confirm the erasure.") % {"ref": self.graduate.reference}
            )
        return typed
