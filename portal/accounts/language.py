"""A signed-in person's language: chosen in their account, it decides the addresses they land on
after signing in, the language cookie, Wagtail's admin language and every e-mail they receive."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile

from portal.languages import supported


def remember_language(response, code):
    """The language cookie, as the switcher sets it: the next visit to `/` opens in `code`."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def admin_language(code):
    """Wagtail's admin code for `code` ("en-gb" is its "en-gb" or "en"), or "" when it has none."""
    offered = [admin_code for admin_code, _name in get_available_admin_languages()]
    for candidate in (code, code.split("-")[0]):
        if candidate in offered:
            return candidate
    return ""


class LanguageForm(forms.Form):
    # Each language named in itself (settings.LANGUAGES): whoever cannot read the current one
    # still finds theirs.
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "The site opens in this language when you sign in, and e-mails to you are written in it."
        ),
        error_messages={
            "required": gettext_lazy("Choose a language."),
            "invalid_choice": gettext_lazy("Choose one of the languages in the list."),
        },
    )


@login_required
def choose_language(request):
    user = request.user
    current = supported(user.language) or supported(translation.get_language())
    form = LanguageForm(request.POST if request.method == "POST" else None, initial={"language": current})
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["language"]
        user.language = code
        user.save(update_fields=["language"])
        wagtail_code = admin_language(code)
        if wagtail_code:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = wagtail_code
            profile.save(update_fields=["preferred_language"])
        # The confirmation is read on the next page, which is in the chosen language.
        with translation.override(code):
            messages.success(request, _("Your language is saved."))
            target = reverse("account_language")
        return remember_language(HttpResponseRedirect(target), code)
    return TemplateResponse(
        request,
        "account/language.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
