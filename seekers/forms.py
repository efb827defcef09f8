"""Forms of the seeker area (profile, work history, CV, link to a provider) and of the employer
area (asking a seeker for an introduction). No field asks for an offence, a sentence or a
conviction, and none may."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import ProgrammeProvider
from portal.regions import region_choices
from seekers.cvs import CVRefused, checked_type
from seekers.models import JobSeeker, WorkHistoryEntry
from taxonomy.classifications import SPOKEN_LANGUAGES, EmploymentType, SectorChoices
from taxonomy.models import Certification
from taxonomy.widgets import ChooseSeveralField, SkillsField

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(forms.ModelForm):
    skills = SkillsField(
        _("Skills"), _("What you can do. Type to find a skill, or hold Ctrl (or Cmd) to choose several.")
    )
    certifications = ChooseSeveralField(Certification.objects.all(), _("Certifications"))
    preferred_regions = forms.MultipleChoiceField(
        label=_("Preferred regions"),
        required=False,
        choices=region_choices,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Leave empty if any region suits you."),
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
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = JobSeeker
        fields = [
            "skills",
            "certifications",
            "available_from",
            "hours_per_week",
            "preferred_employment_types",
            "preferred_regions",
            "willing_to_travel",
            "willing_to_relocate",
            "wants_remote",
            "preferred_sectors",
            "languages",
            "personal_statement",
            "status",
            "findable",
        ]
        labels = {
            "available_from": _("Available from"),
            "hours_per_week": _("Hours a week"),
            "willing_to_travel": _("Willing to travel to neighbouring regions"),
            "willing_to_relocate": _("Willing to relocate"),
            "wants_remote": _("Open to remote work"),
            "personal_statement": _("Personal statement"),
            "status": _("Are you looking for work?"),
            "findable": _("Employers may find my profile"),
        }
        help_texts = {
            "available_from": _("Leave empty if you can start now."),
            "personal_statement": _(
                "In your own words: what you are good at and what you want to do. Shown only to "
                "employers whose introduction you accepted. You never have to write about a conviction here."
            ),
        }
        widgets = {
            "available_from": DATE_INPUT,
            "hours_per_week": forms.NumberInput(attrs={"min": 1, "max": 80}),
            "personal_statement": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_hours_per_week(self):
        hours = self.cleaned_data.get("hours_per_week")
        if hours is not None and not 1 <= hours <= 80:
            raise forms.ValidationError(_("Enter a number of hours between 1 and 80."))
        return hours

    def fieldsets(self):
        groups = [
            (_("Skills and certifications"), ["skills", "certifications"]),
            (
                _("Availability and preferences"),
                [
                    "available_from",
                    "hours_per_week",
                    "preferred_employment_types",
                    "preferred_regions",
                    "willing_to_travel",
                    "willing_to_relocate",
                    "wants_remote",
                    "preferred_sectors",
                    "languages",
                ],
            ),
            (_("About you"), ["personal_statement"]),
            (_("Being found"), ["status", "findable"]),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]


class WorkHistoryForm(forms.ModelForm):
    class Meta:
        model = WorkHistoryEntry
        fields = ["role", "employer_name", "started_on", "ended_on"]
        labels = {
            "role": _("Role"),
            "employer_name": _("Employer"),
            "started_on": _("From"),
            "ended_on": _("To"),
        }
        widgets = {"started_on": DATE_INPUT, "ended_on": DATE_INPUT}

    def clean(self):
        cleaned = super().clean()
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        today = timezone.localdate()
        if started and started > today:
            self.add_error("started_on", _("The start cannot be in the future."))
        if started and ended and ended < started:
            self.add_error("ended_on", _("The end cannot be before the start."))
        return cleaned


class CVForm(forms.Form):
    cv = forms.FileField(
        label=_("Your CV"),
        help_text=_(
            "A PDF or Word (.docx) file of at most 5 MB. Only you, and employers and programmes you allow, can open it."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )

    def clean_cv(self):
        upload = self.cleaned_data["cv"]
        try:
            self.content_type = checked_type(upload)
        except CVRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return upload


class ProviderLinkForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("Programme provider"),
        queryset=ProgrammeProvider.objects.none(),
        help_text=_(
            "A prison, probation service, charity or training provider that knows you. Its staff confirm the link."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = ProgrammeProvider.objects.filter(
            status=ProgrammeProvider.Status.VERIFIED
        ).order_by("name")


class IntroductionRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the person (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Say what the job involves and why you think they fit. They decide whether to be introduced."
        ),
    )
