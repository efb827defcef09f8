"""The forms of the volunteers app: the public application, the referee's reference, setting a
password from the confirmation link, the volunteer area's forms, the partner area's mentor request
and the staff's screening forms in the Wagtail admin."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.regions import region_choices
from taxonomy.classifications import SPOKEN_LANGUAGES
from taxonomy.widgets import SkillsField
from volunteers.models import (
    MENTOR_ROLES,
    Availability,
    MentoringSession,
    MentorRequest,
    Mentorship,
    Reference,
    Role,
    Status,
    Volunteer,
)

NO_PERSONAL_DETAILS = _(
    "Do not write the graduate's name, address, health or anything about an offence: a few words "
    "about what you did together are enough."
)


def languages_field(label, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def availability_field():
    return forms.MultipleChoiceField(
        label=_("When you are available"),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one time when you are available.")},
    )


class VolunteerApplicationForm(forms.ModelForm):
    # A field people never see; bots that fill every input give themselves away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    role = forms.ChoiceField(
        label=_("How would you like to help?"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you would like to help.")},
    )
    languages = languages_field(_("Languages you speak"))
    availability = availability_field()
    skills = SkillsField(
        _("Skills (optional)"), _("Skills you could pass on, such as interview practice or a trade.")
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the portal keeps my application to screen it"),
        error_messages={"required": _("Tick this box so that we may keep your application.")},
    )

    class Meta:
        model = Volunteer
        fields = [
            "role",
            "full_name",
            "email",
            "phone",
            "region",
            "languages",
            "other_languages",
            "availability",
            "availability_note",
            "skills",
            "motivation",
            "lived_experience",
        ]
        labels = {
            "full_name": _("Your name"),
            "email": _("E-mail address"),
            "phone": _("Phone (optional)"),
            "region": _("Where you live"),
            "other_languages": _("Other languages (optional)"),
            "availability_note": _("Anything else about when you can help (optional)"),
            "motivation": _("Why would you like to volunteer?"),
            "lived_experience": _("Your lived experience, in your own words (optional)"),
        }
        help_texts = {
            "email": _("We send you a confirmation and a link to your volunteer area."),
            "lived_experience": _(
                "Only if you want to, for peer mentors: what helped you, what you would pass on. "
                "Never tell us about an offence; we do not ask and do not record it."
            ),
        }
        error_messages = {
            "full_name": {"required": _("Enter your name.")},
            "email": {
                "required": _("Enter your e-mail address so that we can reply."),
                "invalid": _("Enter an e-mail address in the form name@example.org."),
            },
            "region": {"required": _("Choose the region where you live.")},
            "motivation": {"required": _("Tell us in a few words why you would like to volunteer.")},
        }
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 4}),
            "lived_experience": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = forms.ChoiceField(
            choices=[("", _("Choose a region"))] + region_choices(),
            label=self.Meta.labels["region"],
            error_messages=self.Meta.error_messages["region"],
        )
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["full_name"].widget.attrs.update(autocomplete="name")
        self.fields["phone"].widget.attrs.update(autocomplete="tel")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") != Role.PEER_MENTOR:
            # Lived experience is asked of peer mentors only; nothing kept that was not asked.
            cleaned["lived_experience"] = ""
        return cleaned

    def is_bot(self):
        return bool(self.data.get("website"))

    def save(self, commit=True):
        self.instance.consented_at = timezone.now()
        return super().save(commit=commit)


class ReferenceForm(forms.Form):
    known_for = forms.CharField(
        label=_("How long and in what way have you known the applicant?"),
        max_length=300,
        error_messages={"required": _("Tell us how you know the applicant.")},
    )
    text = forms.CharField(
        label=_("Your reference"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Is the applicant reliable, patient and respectful with people? Seen only by our staff."),
        error_messages={"required": _("Write your reference before sending it.")},
    )


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        password_validation.validate_password(password, get_user_model()(email=self.email))
        return password

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("password1")
            and cleaned.get("password2")
            and cleaned["password1"] != cleaned["password2"]
        ):
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class AvailabilityForm(forms.ModelForm):
    availability = availability_field()

    class Meta:
        model = Volunteer
        fields = ["availability", "availability_note"]
        labels = {"availability_note": _("Anything else about when you can help (optional)")}


class SessionForm(forms.ModelForm):
    class Meta:
        model = MentoringSession
        fields = ["held_on", "minutes", "notes"]
        labels = {"held_on": _("Date of the session"), "minutes": _("How long, in minutes")}
        help_texts = {"held_on": _("For example 2026-03-14."), "notes": NO_PERSONAL_DETAILS}
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"})}
        error_messages = {
            "held_on": {
                "required": _("Enter the date of the session."),
                "invalid": _("Enter a date such as 2026-03-14."),
            },
            "minutes": {"required": _("Enter how long the session lasted, in minutes.")},
        }

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(
                _("Log a session once it has taken place: the date is in the future.")
            )
        return held_on

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if not 5 <= minutes <= 600:
            raise forms.ValidationError(_("Enter a duration between 5 and 600 minutes."))
        return minutes


class EndMentorshipForm(forms.ModelForm):
    outcome = forms.ChoiceField(
        label=_("How did it end?"),
        choices=Mentorship.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the mentoring ended.")},
    )

    class Meta:
        model = Mentorship
        fields = ["outcome", "outcome_note"]
        labels = {"outcome_note": _("In a few words (optional)")}
        help_texts = {"outcome_note": NO_PERSONAL_DETAILS}


class MentorRequestForm(forms.ModelForm):
    graduate_reference = forms.CharField(
        label=_("Graduate's reference"),
        max_length=12,
        help_text=_(
            "Such as G-7KQ3-M9XZ. Only graduates of your provider with a matching consent on record."
        ),
        error_messages={"required": _("Enter the graduate's reference.")},
    )
    preferred_role = forms.ChoiceField(
        label=_("Which kind of mentor?"),
        choices=[(role.value, role.label) for role in MENTOR_ROLES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of mentor.")},
    )
    languages = languages_field(_("Languages the mentor should speak (optional)"))

    class Meta:
        model = MentorRequest
        fields = ["graduate_reference", "preferred_role", "languages", "note"]
        labels = {"note": _("A short note for the staff who match (optional)")}
        help_texts = {
            "note": _(
                "What the mentoring should help with. No name, address, health or offence of the graduate."
            )
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, graduates, **kwargs):
        self.graduates = graduates  # the provider's graduates with a consent on record
        super().__init__(*args, **kwargs)

    def clean_graduate_reference(self):
        reference = self.cleaned_data["graduate_reference"].strip().upper()
        graduate = self.graduates.filter(reference=reference).first()
        if graduate is None:
            # The same answer for another provider's graduate as for none: nothing to learn.
            raise forms.ValidationError(
                _("No graduate of your provider with a matching consent on record has this reference.")
            )
        self.instance.graduate = graduate
        return reference


# Staff's screening forms (Wagtail admin) ---------------------------------------------------------


class TransitionForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Why (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history, which staff see. No details of an offence."),
    )


class RequestReferenceForm(forms.ModelForm):
    class Meta:
        model = Reference
        fields = ["referee_name", "referee_email"]


class ChecklistForm(forms.ModelForm):
    class Meta:
        model = Volunteer
        fields = ["interview_done", "training_done", "background_check_done"]


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase this volunteer's personal data"),
        error_messages={"required": _("Tick the box to confirm: the erasure cannot be undone.")},
    )


class MatchForm(forms.Form):
    volunteer = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=Volunteer.objects.mentors(),
        error_messages={"invalid_choice": _("Choose one of the active mentors listed.")},
    )
