from django import forms
from django.utils.translation import gettext_lazy as _

from portal.regions import region_choices

from .models import Attendance, Attendee, EventKind


class SignUpForm(forms.Form):
    """A place for someone without an account: confirmed by the link e-mailed to them."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={"required": _("Enter your name, so that the organisers know who is coming.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send you a link to confirm your place. We never show your e-mail address."),
        error_messages={
            "required": _("Enter your e-mail address so that we can confirm your place."),
            "invalid": _("Enter an e-mail address in the form name@example.org."),
        },
    )
    accessibility_needs = forms.CharField(
        label=_("Anything we should arrange for you (optional)"),
        help_text=_(
            "For example step-free access, a hearing loop or an interpreter. Only the organisers see it."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep my name and e-mail address for this event"),
        error_messages={"required": _("Tick this box so that we can keep your place.")},
    )
    # A field people never see; bots that fill every input give themselves away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your name, so that the organisers know who is coming."))
        return name

    def is_bot(self):
        return bool(self.data.get("website"))


class JoinForm(forms.Form):
    """One click for a signed-in person with a verified address."""

    accessibility_needs = forms.CharField(
        label=_("Anything we should arrange for you (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EventFilterForm(forms.Form):
    """The filters of /events/: a GET form that works without JavaScript."""

    kind = forms.ChoiceField(label=_("Kind of event"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    attendance = forms.ChoiceField(label=_("How"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + list(EventKind.choices)
        self.fields["region"].choices = [("", _("All regions"))] + region_choices()
        self.fields["attendance"].choices = [
            ("", _("In person or online")),
            ("online", _("Online")),
            ("in-person", _("In person")),
        ]

    def filter(self, events):
        if not self.is_valid():
            return events
        data = self.cleaned_data
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        if data["region"]:
            events = events.filter(region=data["region"])
        if data["attendance"] == "online":
            events = events.filter(attendance__in=[Attendance.ONLINE, Attendance.MIXED])
        elif data["attendance"] == "in-person":
            events = events.filter(attendance__in=[Attendance.IN_PERSON, Attendance.MIXED])
        return events

    def chosen(self):
        return self.is_valid() and any(self.cleaned_data.values())


class PresenceForm(forms.Form):
    """Staff mark who came, after the event."""

    presence = forms.ChoiceField(
        label=_("Mark the chosen attendees as"),
        choices=[(Attendee.Presence.ATTENDED, _("Attended")), (Attendee.Presence.NO_SHOW, _("Did not come"))],
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendees"),
        queryset=Attendee.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one attendee.")},
    )

    def __init__(self, *args, sheet=None, **kwargs):
        super().__init__(*args, **kwargs)
        if sheet is not None:
            self.fields["attendees"].queryset = sheet.attendees.confirmed()
