from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, taking as long for an address that already has an account as for a new
    one: without this the password was hashed only for a new account (1.2-1.7 s against
    0.03-0.2 s), which told anyone whether an address was registered despite
    ACCOUNT_PREVENT_ENUMERATION. Both paths hash the password once and queue one e-mail (a
    confirmation link, or "you already have an account")."""

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
