from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .kinds import account_kinds


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, taking as long for an address that already has an account as for a new
    one: without this the password was hashed only for a new account (1.2-1.7 s against
    0.03-0.2 s), which told anyone whether an address was registered despite
    ACCOUNT_PREVENT_ENUMERATION. Both paths hash the password once and queue one e-mail (a
    confirmation link, or "you already have an account").

    The person also says what kind of account they make (portal.accounts.kinds): the first kind
    unless they choose another."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = account_kinds()
        if len(kinds) > 1:
            self.fields["kind"] = forms.ChoiceField(
                label=_("What kind of account are you making?"),
                choices=[
                    (kind.key, format_html('{} <span class="muted">{}</span>', kind.label, kind.help_text))
                    for kind in kinds
                ],
                initial=kinds[0].key,
                required=False,
                widget=forms.RadioSelect,
            )
            self.order_fields(["kind"])

    def clean_kind(self):
        kinds = {kind.key: kind for kind in account_kinds()}
        return kinds.get(self.cleaned_data.get("kind")) or account_kinds()[0]

    def signup(self, request, user):
        kind = self.cleaned_data.get("kind")
        if kind is not None and kind.on_signup is not None:
            kind.on_signup(request, user)

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))  # the work a new account costs; discarded
        return super().try_save(request)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my memberships are deleted and cannot be restored"),
        error_messages={"required": _("Tick this box to delete your account.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
