"""The portal's allauth adapter.

- Where a person lands after logging in (or signing up) when no safe `next` says otherwise: the
  first area they work in (portal.accounts.areas), decided here and nowhere else.
- allauth's messages (address confirmation, password reset, notices) go out through the retried
  e-mail task, so that a sign-up succeeds while the mail server refuses, and every one of them
  names the portal and its public address from settings (WAGTAIL_SITE_NAME, PORTAL_SITE_URL).
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site

from portal.mail import render_subject, send_message
from portal.ratelimit import client_address

from .areas import landing_url


def site_identity():
    """The portal's name and public address, for every e-mail: one place, from settings."""
    return {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": settings.PORTAL_SITE_URL}


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return landing_url(request.user)

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
        send_message(self.render_mail(template_prefix, email, ctx))

    def get_client_ip(self, request):
        # allauth's rate limits count by the same client address as the portal's (one setting,
        # TRUSTED_PROXY_COUNT); a request without enough forwarded hops falls back, not a 500.
        return client_address(request)
