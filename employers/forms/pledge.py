"""Forms of the hiring pledge: signing, withdrawing and reporting progress."""

from django import forms
from django.utils.translation import gettext_lazy as _

from employers.models import PledgeCommitment, ProgressItem, commitments_in_language

# PositiveIntegerField holds up to 2,147,483,647; no honest pledge comes near this.
MAX_NUMBER = 1_000_000


class SignPledgeForm(forms.Form):
    """One checkbox per current commitment, a number where it needs one, the signatory, consent.

    The number field of a commitment is read only when its checkbox is ticked, so a number typed
    against an unticked commitment is ignored rather than refused.
    """

    signatory_name = forms.CharField(label=_("Name of the person signing"), max_length=120)
    signatory_title = forms.CharField(label=_("Their job title"), max_length=120)
    authority_confirmed = forms.BooleanField(
        label=_("I confirm that I have authority to sign this pledge for the organisation"),
        error_messages={"required": _("Confirm that you have authority to sign for the organisation.")},
    )
    is_public = forms.BooleanField(
        label=_("Show this pledge publicly"),
        required=False,
        initial=True,
        help_text=_("Public pledges appear on the pledge wall and your profile, and anyone can verify them."),
    )

    def __init__(self, *args, commitments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = list(
            PledgeCommitment.objects.current().for_visitors() if commitments is None else commitments
        )
        self.commitments_error = None
        fields = {}
        for commitment in self.commitments:
            fields[self.commitment_key(commitment)] = forms.BooleanField(
                label=commitment.shown_title, required=False, help_text=commitment.shown_description
            )
            if commitment.needs_number:
                fields[self.number_key(commitment)] = forms.CharField(
                    label=(
                        _("Number of %(what)s") % {"what": commitment.shown_number_label}
                        if commitment.number_label
                        else _("Number for: %(title)s") % {"title": commitment.shown_title}
                    ),
                    required=False,
                    help_text=_("Needed if you choose this commitment. A whole number, at least 1."),
                    widget=forms.NumberInput(attrs={"min": 1, "max": MAX_NUMBER, "inputmode": "numeric"}),
                )
        # Commitments first, then the signatory and the consent checkboxes.
        self.fields = {**fields, **self.fields}

    @staticmethod
    def commitment_key(commitment):
        return f"commitment_{commitment.pk}"

    @staticmethod
    def number_key(commitment):
        return f"number_{commitment.pk}"

    def rows(self):
        """(commitment, checkbox, number field or None) in the commitments' order, for the template."""
        for commitment in self.commitments:
            number = self[self.number_key(commitment)] if commitment.needs_number else None
            yield commitment, self[self.commitment_key(commitment)], number

    def clean(self):
        cleaned = super().clean()
        chosen = {}
        for commitment in self.commitments:
            if not cleaned.get(self.commitment_key(commitment)):
                if commitment.needs_number:
                    cleaned[self.number_key(commitment)] = None
                continue
            number = None
            if commitment.needs_number:
                key = self.number_key(commitment)
                raw = (cleaned.get(key) or "").strip()
                if not raw:
                    self.add_error(key, _("Give the number for this commitment."))
                    continue
                try:
                    number = int(raw)
                except ValueError:
                    self.add_error(key, _("Enter a whole number, for example 5."))
                    continue
                if number < 1:
                    self.add_error(key, _("Enter a number of at least 1."))
                    continue
                if number > MAX_NUMBER:
                    self.add_error(key, _("Enter a smaller number."))
                    continue
                cleaned[key] = number
            chosen[commitment] = number
        if not any(cleaned.get(self.commitment_key(c)) for c in self.commitments):
            self.commitments_error = _("Choose at least one commitment.")
            self.add_error(None, self.commitments_error)
        cleaned["commitments"] = chosen
        return cleaned


class WithdrawPledgeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawing the pledge"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with the pledge's history and read by campaign staff."),
        error_messages={"required": _("Give a reason for withdrawing the pledge.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason


class FirstOptionRadioSelect(forms.RadioSelect):
    """Radios whose label target is the first option, so an error summary's link lands on it."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class ProgressReportForm(forms.Form):
    """Per commitment of the pledge: a state, and a number where the commitment has one."""

    def __init__(self, *args, pledge, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pledge = pledge
        self.items = list(pledge.commitments.prefetch_related(commitments_in_language("commitment")))
        earlier = {item.commitment_id: item for item in previous.items.all()} if previous else {}
        for item in self.items:
            before = earlier.get(item.pk)
            self.fields[self.state_key(item)] = forms.ChoiceField(
                label=item.commitment.shown_title,
                choices=ProgressItem.State.choices,
                widget=FirstOptionRadioSelect,
                initial=before.state if before else None,
                error_messages={"required": _("Choose how far you are with this commitment.")},
            )
            if item.commitment.needs_number:
                help_text = (
                    _("You pledged %(number)s %(what)s.")
                    % {"number": item.number, "what": item.commitment.shown_number_label}
                    if item.number is not None
                    else ""
                )
                self.fields[self.number_key(item)] = forms.IntegerField(
                    label=_("%(commitment)s: number so far") % {"commitment": item.commitment.shown_title},
                    required=False,
                    min_value=0,
                    max_value=MAX_NUMBER,
                    initial=before.number if before else None,
                    help_text=help_text,
                )

    @staticmethod
    def state_key(item):
        return f"state_{item.pk}"

    @staticmethod
    def number_key(item):
        return f"number_{item.pk}"

    def rows(self):
        for item in self.items:
            number = self[self.number_key(item)] if item.commitment.needs_number else None
            yield item, self[self.state_key(item)], number

    def answers(self):
        """(HiringPledgeCommitment, state, number or None) for each commitment, once valid."""
        return [
            (
                item,
                self.cleaned_data[self.state_key(item)],
                self.cleaned_data.get(self.number_key(item)) if item.commitment.needs_number else None,
            )
            for item in self.items
        ]
