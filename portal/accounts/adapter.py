"""The portal's allauth adapter.

- Where a person lands after logging in (or signing up, once the address is confirmed) when no
  safe `next` says otherwise: the first area they work in (portal.accounts.areas), decided here
  and nowhere else.
- allauth's messages (address confirmation, password reset, notices) go out through the retried
  e-mail task, so that a sign-up succeeds while the mail server refuses, and every one of them
  names the portal and its public address from settings (WAGTAIL_SITE_NAME, PORTAL_SITE_URL).
- Languages: a new account keeps the language the person signed up in; signing in takes a person
  with a chosen language to their landing page in it (and sets the language cookie); allauth's
  messages are written in the recipient's language, their links under its prefix.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from portal.addresses import site_url
from portal.languages import default_language, supported
from portal.mail import in_language, language_context, localise_text, render_subject, send_message
from portal.ratelimit import client_address

from .areas import landing_url
from .language import remember_language


def site_identity():
    """The portal's name and public address, for every e-mail: one place, from settings."""
    return {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": site_url()}


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        url = landing_url(request.user)
        chosen = supported(request.user.language)
        return in_language(url, chosen) if chosen else url

    def get_signup_redirect_url(self, request):
        # Once the address is confirmed the new account is logged in and lands where its kind
        # lives (a job seeker's profile is made with the account); one in no area yet lands
        # where an organisation is registered, as always.
        if request.user.is_authenticated:
            return self.get_login_redirect_url(request)
        return super().get_signup_redirect_url(request)

    def save_user(self, request, user, form, commit=True):
        # The language of the sign-up page is the newcomer's until they choose another.
        user.language = supported(translation.get_language()) or ""
        return super().save_user(request, user, form, commit=commit)

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        chosen = supported(getattr(user, "language", ""))
        if chosen and hasattr(response, "set_cookie"):
            remember_language(response, chosen)
        return response

    def recipient_language(self, email, context):
        """The account's chosen language, else (an address with no account, a person who never
        chose) the language of the page the request came from."""
        user = context.get("user")
        if getattr(user, "email", "").lower() != email.lower():
            user = get_user_model().objects.filter(email=email.lower()).first()
        return (
            supported(getattr(user, "language", ""))
            or supported(translation.get_language())
            or (default_language())
        )

    def format_email_subject(self, subject):
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        # allauth renders the subject with HTML escaping ("&amp;"); the portal's way does not.
        message.subject = self.format_email_subject(render_subject(f"{template_prefix}_subject.txt", context))
        return message

    def send_mail(self, template_prefix, email, context):
        # A notice sent once the transaction commits may come after the request is over: the
        # portal's own templates need no request, only its name and address.
        request = allauth_context.request
        ctx = {"request": request, "email": email}
        if request is not None:
            ctx["current_site"] = get_current_site(request)
        ctx.update(context)
        ctx.update(site_identity())
        language = self.recipient_language(email, ctx)
        with translation.override(language):
            ctx.update(language_context(language))
            # allauth builds its links (confirmation, password reset) in the request's language.
            for key, value in ctx.items():
                if (
                    key.endswith("_url")
                    and key != "site_url"
                    and isinstance(value, str)
                    and value.startswith("http")
                ):
                    ctx[key] = in_language(value, language, any_host=True)
            message = self.render_mail(template_prefix, email, ctx, headers={"Content-Language": language})
        message.body = localise_text(message.body, language)
        alternatives, message.alternatives = getattr(message, "alternatives", []), []
        for content, mimetype in alternatives:
            message.attach_alternative(localise_text(content, language), mimetype)
        send_message(message)

    def get_client_ip(self, request):
        # allauth's rate limits count by the same client address as the portal's (one setting,
        # TRUSTED_PROXY_COUNT); a request without enough forwarded hops falls back, not a 500.
        return client_address(request)
