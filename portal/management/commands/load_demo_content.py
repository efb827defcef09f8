"""Build a living demo site. Running it again changes nothing that is already there."""

import os
from types import SimpleNamespace

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from wagtail.rich_text import RichText

from portal.accounts.areas import landing_url
from portal.demo import app_demos, content, translations
from portal.demo.images import demo_image
from portal.models import StandardPage
from portal.site_setup import ensure_child, ensure_home_page

DEFAULT_PASSWORD = "second-chance-demo"  # nosec B105 # demo logins only; DEMO_PASSWORD overrides it
# The admin asks campaign staff for a second factor. The demo staff accounts share this documented
# TOTP secret (add it to any authenticator app, or `oathtool --totp -b SECRET`); demo content only.
DEMO_TOTP_SECRET = "SECONDCHANCEDEMOSTAFFTOTPSECRETX"  # nosec B105
DEMO_USERS = [
    ("admin@example.org", "Ada", "Admin", None, True),
    ("editor@example.org", "Eddie", "Editor", "Campaign editors", False),
    ("moderator@example.org", "Mo", "Moderator", "Campaign moderators", False),
    ("employer@example.org", "Jordan", "Example", None, False),
    ("recruiter@example.org", "Riley", "Recruiter", None, False),
    ("partner@example.org", "Pat", "Partner", None, False),
    ("caseworker@example.org", "Casey", "Caseworker", None, False),
    ("volunteer@example.org", "Val", "Volunteer", None, False),
    ("seeker@example.org", "Sam", "Seeker", None, False),
]


class Command(BaseCommand):
    help = "Load demo content: home, pages, stories, campaigns with supporters, and demo logins."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "")
        defaulted = not password
        password = password or DEFAULT_PASSWORD
        # Demo addresses are not real: the e-mails that verifying employers would send go nowhere.
        with (
            transaction.atomic(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        ):
            users = self.users(password)
            home = ensure_home_page(
                title="Home",
                hero_heading="Everyone deserves a second chance",
                hero_text="Work, a home and people who believe in them: that is what stops reoffending. "
                "Read their stories, back the campaign, and open your doors.",
                hero_image=demo_image("Sunrise over the hills", "home-hero"),
            )
            pages = {
                slug: self.standard_page(home, slug, title, intro, body)
                for slug, title, intro, body in content.STANDARD_PAGES
            }
            # Each app's examples, in INSTALLED_APPS order (portal/demo/__init__.py).
            site = SimpleNamespace(users=users, home=home, pages=pages)
            demos = app_demos()
            for demo in demos:
                demo.load(site)
            # Last: a translated page links to the translations of the pages its source links to.
            translated = translations.translate_site(home)
        counts = [phrase for demo in demos for phrase in getattr(demo, "counts", list)()]
        counts.append(f"{translated} pages translated into French, Spanish and Arabic")
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {', '.join(counts)}."))
        for demo in demos:
            for line in getattr(demo, "report", list)():
                self.stdout.write(line)
        roles = {email: role for demo in demos for email, role in getattr(demo, "ROLES", {}).items()}
        self.stdout.write(
            f"Demo logins, all at {settings.PORTAL_SITE_URL}/accounts/login/ (each lands in their own area):"
        )
        for email, _first, _last, group, superuser in DEMO_USERS:
            role = "superuser" if superuser else (group or roles.get(email, ""))
            self.stdout.write(f"  {email:26} {landing_url(users[email]):12} {role}")
        if defaulted:
            self.stdout.write(f"  password: {password}  (set DEMO_PASSWORD to choose another)")
        else:
            self.stdout.write("  password: the value of DEMO_PASSWORD")
        self.stdout.write(
            f"  staff (admin, editor, moderator) also give a two-factor code: TOTP secret {DEMO_TOTP_SECRET}"
            f" (an authenticator app, or: oathtool --totp -b {DEMO_TOTP_SECRET})"
        )
        for email, _first, _last, group, superuser in DEMO_USERS:
            if superuser or group:
                codes = ", ".join(self.recovery_codes(email))
                self.stdout.write(f"  recovery codes of {email} (each works once): {codes}")

    def users(self, password):
        User = get_user_model()
        users = {}
        for email, first, last, group, superuser in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User(
                    email=email, first_name=first, last_name=last, is_staff=superuser, is_superuser=superuser
                )
                user.set_password(password)
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            # allauth: every demo login has a verified primary address
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            if superuser or group:
                self.second_factor(user)
            users[email] = user
        return users

    def second_factor(self, user):
        """TOTP with the documented demo secret, and recovery codes, for a demo staff account."""
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
            RecoveryCodes.activate(user)

    def recovery_codes(self, email):
        authenticator = Authenticator.objects.filter(
            user__email=email, type=Authenticator.Type.RECOVERY_CODES
        ).first()
        return RecoveryCodes(authenticator).get_unused_codes()[:3] if authenticator else []

    def standard_page(self, home, slug, title, introduction, body_html):
        return ensure_child(
            home,
            StandardPage,
            slug,
            title=title,
            introduction=introduction,
            body=[("paragraph", RichText(body_html))],
        )
