"""allauth's messages (address confirmation, password reset, notices) go out through the retried
e-mail task, so that a sign-up succeeds while the mail server refuses."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from portal.mail import send_message
from portal.ratelimit import client_address


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        send_message(self.render_mail(template_prefix, email, ctx))

    def get_client_ip(self, request):
        # allauth's rate limits count by the same client address as the portal's (one setting,
        # TRUSTED_PROXY_COUNT); a request without enough forwarded hops falls back, not a 500.
        return client_address(request)
