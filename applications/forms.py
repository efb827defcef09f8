"""Forms of applications: the seeker's (what to send) and the employer's (interview, offer, not
this time, the hire). No field asks for an offence, a sentence or a conviction, and none may."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Application, RejectionReason

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ApplyForm(forms.ModelForm):
    """What the seeker sends: their profile, their CV if they have one, a cover note."""

    class Meta:
        model = Application
        fields = ["shares_profile", "shares_cv", "cover_note"]
        labels = {
            "shares_profile": _("Send my profile (skills, work history, statement and e-mail address)"),
            "shares_cv": _("Send my CV"),
            "cover_note": _("Cover note (optional)"),
        }
        help_texts = {
            "cover_note": _(
                "Why you want this job and what you bring. You do not have to say anything about a "
                "criminal record here."
            ),
        }
        widgets = {"cover_note": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, seeker, **kwargs):
        super().__init__(*args, **kwargs)
        self.seeker = seeker
        if not seeker.has_cv:
            del self.fields["shares_cv"]
        else:
            self.fields["shares_cv"].initial = True

    def clean(self):
        cleaned = super().clean()
        if not (
            cleaned.get("shares_profile") or cleaned.get("shares_cv") or cleaned.get("cover_note", "").strip()
        ):
            raise forms.ValidationError(
                _("Choose something to send: your profile, your CV or a cover note."), code="nothing"
            )
        return cleaned


class InterviewForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    time = forms.TimeField(label=_("Time"), widget=TIME_INPUT)
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("An address, and who to ask for. Or give a video call link below."),
    )
    link = forms.URLField(label=_("Video call link"), required=False, assume_scheme="https")
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What to bring, how long it takes, who they will meet."),
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The interview cannot be in the past."))
        if day > timezone.localdate() + datetime.timedelta(days=365):
            raise forms.ValidationError(_("The interview must be within the next twelve months."))
        return day

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("place", "").strip() or cleaned.get("link")):
            self.add_error("place", _("Give a place or a video call link."))
        return cleaned

    @property
    def when(self):
        moment = datetime.datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"])
        return timezone.make_aware(moment)


class OfferForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "The terms and what happens next. If you ask about criminal records after an offer, say "
            "so here, and that the offer stands unless the law bars the role."
        ),
    )


class TurnDownForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason the person is given"), choices=RejectionReason.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("A few words of your own (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class HireForm(forms.Form):
    start_date = forms.DateField(label=_("Start date"), widget=DATE_INPUT)
    hours_per_week = forms.IntegerField(
        label=_("Hours per week"),
        min_value=1,
        max_value=80,
        help_text=_("As agreed with the person, for example 16 or 37."),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        if start < timezone.localtime(self.application.sent_at).date():
            raise forms.ValidationError(_("The start date cannot be before the application was sent."))
        if start > timezone.localdate() + datetime.timedelta(days=365):
            raise forms.ValidationError(_("The start date must be within the next twelve months."))
        return start
