"""The job listing form of the employer area: all of a listing's fields, skills and certifications."""

import re

import pycountry
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from jobs.job_page_panels import wording_notes
from jobs.models import REQUIREMENT_FLAGS, ApplyMethod, JobCertification, JobListing, JobSkill
from jobs.richtext import sanitise_html
from jobs.wording import find_deterring_phrases
from portal.regions import region_choices
from taxonomy.models import Certification, Occupation
from taxonomy.widgets import ChooseSeveralField, SkillsField

MAX_HOURS = 80
# The texts the deterring-wording check reads, here and again at review.
WORDING_FIELDS = ("title", "description", "fair_chance_statement")


def visitor_language_code():
    """The active language as one of settings.LANGUAGES ("fr-ca" → "fr"), else the site's."""
    codes = [code for code, _name in settings.LANGUAGES]
    active = (translation.get_language() or "").lower()
    for code in codes:
        if active == code or active.split("-")[0] == code.split("-")[0]:
            return code
    return settings.LANGUAGE_CODE


class OccupationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # Indent sub-groups so the ISCO-08 hierarchy shows in a plain <select>.
        return "\u00a0\u00a0" * (len(obj.code) - 1) + str(obj)


class JobListingForm(forms.ModelForm):
    required_skills = SkillsField(
        _("Required skills"),
        _("Skills a person needs from day one. Hold Ctrl (or Cmd) to choose several."),
    )
    preferred_skills = SkillsField(
        _("Preferred skills"),
        _("Useful, but you will train for them. Hold Ctrl (or Cmd) to choose several."),
    )
    required_certifications = ChooseSeveralField(Certification.objects.all(), _("Required certifications"))
    preferred_certifications = ChooseSeveralField(Certification.objects.all(), _("Preferred certifications"))

    apply_url = forms.URLField(
        label=_("Address of the application page"),
        help_text=_("Needed when people apply on your website, for example https://example.org/jobs/1"),
        required=False,
        max_length=200,
        assume_scheme="https",
    )

    class Meta:
        model = JobListing
        fields = [
            "title",
            "language",
            "description",
            "occupation",
            "sector",
            "employment_type",
            "openings",
            "region",
            "place",
            "remote",
            "hours_per_week",
            "pay_min",
            "pay_max",
            "pay_period",
            "pay_currency",
            *REQUIREMENT_FLAGS,
            "fair_chance_statement",
            "start_date",
            "closing_date",
            "apply_method",
            "apply_url",
            "apply_email",
        ]
        labels = {
            "title": _("Job title"),
            "language": _("Language of the listing"),
            "description": _("Description"),
            "occupation": _("Occupation (ISCO-08)"),
            "sector": _("Sector"),
            "employment_type": _("Type of employment"),
            "openings": _("Number of openings"),
            "region": _("Region"),
            "place": _("Town or place"),
            "remote": _("Where the work is done"),
            "hours_per_week": _("Hours per week"),
            "pay_min": _("Pay from"),
            "pay_max": _("Pay up to"),
            "pay_period": _("Pay period"),
            "pay_currency": _("Currency"),
            "fair_chance_statement": _("Fair-chance statement"),
            "start_date": _("Start date"),
            "closing_date": _("Closing date for applications"),
            "apply_method": _("How people apply"),
            "apply_email": _("E-mail address for applications"),
        }
        help_texts = {
            "language": _(
                "The language you write the listing in. Job seekers can look for listings in their language."
            ),
            "description": _(
                "What the job involves and what you offer. You can use simple HTML: paragraphs, lists, "
                "bold, italic, small headings and links. Anything else is removed when you save."
            ),
            "occupation": _("Optional, but it helps us match people who trained for this work."),
            "hours_per_week": _("The usual hours, up to 80. Leave it empty if the hours vary."),
            "pay_min": _("Leave both pay fields empty if you do not want to show pay."),
            "pay_currency": _("Three-letter code, for example GBP."),
            "fair_chance_statement": _(
                "How you treat applicants with a criminal record, for example when and how you ask about it."
            ),
            "closing_date": _("Leave it empty if the listing stays open until you close it."),
            "apply_email": _("Needed when people apply by e-mail."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 12}),
            "fair_chance_statement": forms.Textarea(attrs={"rows": 4}),
            "hours_per_week": forms.NumberInput(attrs={"min": "0", "max": str(MAX_HOURS), "step": "0.5"}),
            "pay_min": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
            "pay_max": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
            "openings": forms.NumberInput(attrs={"min": "1"}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closing_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "pay_currency": forms.TextInput(attrs={"size": "3", "autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = forms.ChoiceField(
            label=_("Region"), choices=[("", _("Choose a region")), *region_choices()]
        )
        self.fields["sector"].choices = [("", _("Choose a sector")), *list(self.fields["sector"].choices)[1:]]
        self.fields["employment_type"].choices = [
            ("", _("Choose a type")),
            *list(self.fields["employment_type"].choices)[1:],
        ]
        self.fields["occupation"] = OccupationChoiceField(
            queryset=Occupation.objects.all(),
            required=False,
            label=self._meta.labels["occupation"],
            help_text=self._meta.help_texts["occupation"],
            empty_label=_("Choose an occupation"),
        )
        for name, label in REQUIREMENT_FLAGS.items():
            self.fields[name].label = label
        # Most employers write in the language they use the site in: that is the default, and
        # what a form sent without the field (an older page still open) is taken to be in.
        self.fields["language"].required = False
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("language", visitor_language_code())
        if self.instance.pk and not self.is_bound:
            links = self.instance.skill_links.all()
            self.initial["required_skills"] = [link.skill_id for link in links if link.required]
            self.initial["preferred_skills"] = [link.skill_id for link in links if not link.required]
            links = self.instance.certification_links.all()
            self.initial["required_certifications"] = [
                link.certification_id for link in links if link.required
            ]
            self.initial["preferred_certifications"] = [
                link.certification_id for link in links if not link.required
            ]

    # Groups of fields, as the template shows them.
    def fieldsets(self):
        groups = [
            (
                _("The job"),
                ["title", "language", "description", "occupation", "sector", "employment_type", "openings"],
            ),
            (_("Where"), ["region", "place", "remote"]),
            (_("Hours and pay"), ["hours_per_week", "pay_min", "pay_max", "pay_period", "pay_currency"]),
            (
                _("Skills and certifications"),
                [
                    "required_skills",
                    "preferred_skills",
                    "required_certifications",
                    "preferred_certifications",
                ],
            ),
            (_("The job involves"), list(REQUIREMENT_FLAGS)),
            (_("Fair chance"), ["fair_chance_statement"]),
            (_("Dates"), ["start_date", "closing_date"]),
            (_("How to apply"), ["apply_method", "apply_url", "apply_email"]),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]

    def clean_language(self):
        language = self.cleaned_data.get("language")
        if language:
            return language
        return self.instance.language if self.instance.pk else visitor_language_code()

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_description(self):
        cleaned = sanitise_html(self.cleaned_data["description"])
        if not re.sub(r"<[^>]+>", "", cleaned).strip():
            raise forms.ValidationError(_("Describe the job in words: what it involves and what you offer."))
        return cleaned

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours is not None and not 0 < hours <= MAX_HOURS:
            raise forms.ValidationError(
                _("Give the usual hours per week, more than 0 and at most %(max)s, or leave it empty.")
                % {"max": MAX_HOURS}
            )
        return hours

    def _not_negative(self, name):
        value = self.cleaned_data[name]
        if value is not None and value < 0:
            raise forms.ValidationError(_("Pay cannot be below zero."))
        return value

    def clean_pay_min(self):
        return self._not_negative("pay_min")

    def clean_pay_max(self):
        return self._not_negative("pay_max")

    def clean_pay_currency(self):
        code = self.cleaned_data["pay_currency"].strip().upper()
        if not code:
            return "GBP"
        if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.currencies.get(alpha_3=code) is None:
            raise forms.ValidationError(_("Give a three-letter currency code, for example GBP or EUR."))
        return code

    def clean_openings(self):
        openings = self.cleaned_data["openings"]
        if openings is not None and openings < 1:
            raise forms.ValidationError(_("A listing has at least one opening."))
        return openings

    def clean_closing_date(self):
        closing = self.cleaned_data["closing_date"]
        if closing is not None and closing < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closing

    def _in_both(self, required, preferred, field):
        both = set(self.cleaned_data.get(required) or []) & set(self.cleaned_data.get(preferred) or [])
        if both:
            names = ", ".join(sorted(str(item) for item in both))
            self.add_error(
                field,
                _("%(names)s cannot be both required and preferred: choose one list.") % {"names": names},
            )

    def clean(self):
        cleaned = super().clean()
        self._in_both("required_skills", "preferred_skills", "preferred_skills")
        self._in_both("required_certifications", "preferred_certifications", "preferred_certifications")
        method = cleaned.get("apply_method")
        # Keep only the contact the chosen method uses, so that old addresses are not shown.
        if method and method != ApplyMethod.URL and "apply_url" in cleaned:
            cleaned["apply_url"] = ""
        if method and method != ApplyMethod.EMAIL and "apply_email" in cleaned:
            cleaned["apply_email"] = ""
        return cleaned

    def _update_errors(self, errors):
        """JobListing.clean's errors, except on fields that already have one: an invalid address
        should say "Enter a valid URL", not also "Give the address"."""
        if hasattr(errors, "error_dict"):
            for field in [name for name in errors.error_dict if name in self._errors]:
                del errors.error_dict[field]
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def deterring_phrases(self):
        """The deterring phrases in the text as typed (bound) or as saved (unbound)."""
        if self.is_bound:
            texts = [self.data.get(self.add_prefix(name), "") for name in WORDING_FIELDS]
        else:
            texts = [self.initial.get(name) or "" for name in WORDING_FIELDS]
        return find_deterring_phrases(*texts)

    def occupation_and_region(self):
        """The occupation and region as typed (bound) or as saved (unbound), for the guidance and
        the wording notes other apps add (jobs/job_page_panels.py); None and "" when not given."""
        if not self.is_bound:
            return self.instance.occupation if self.instance.occupation_id else None, self.instance.region
        region = self.data.get(self.add_prefix("region"), "")
        chosen = self.data.get(self.add_prefix("occupation"), "")
        try:
            occupation = self.fields["occupation"].queryset.filter(pk=int(chosen)).first() if chosen else None
        except ValueError:
            occupation = None
        return occupation, region

    def wording_notes(self, phrases):
        return wording_notes(phrases, *self.occupation_and_region())

    def save_links(self, job):
        """Replace the listing's skills and certifications with those chosen."""
        data = self.cleaned_data
        with transaction.atomic():
            job.skill_links.all().delete()
            JobSkill.objects.bulk_create(
                [JobSkill(job=job, skill=skill, required=True) for skill in data["required_skills"]]
                + [JobSkill(job=job, skill=skill, required=False) for skill in data["preferred_skills"]]
            )
            job.certification_links.all().delete()
            JobCertification.objects.bulk_create(
                [
                    JobCertification(job=job, certification=item, required=True)
                    for item in data["required_certifications"]
                ]
                + [
                    JobCertification(job=job, certification=item, required=False)
                    for item in data["preferred_certifications"]
                ]
            )
