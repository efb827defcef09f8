import time

import factory
import wagtail_factories
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from portal.models import StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)


class ImageFactory(wagtail_factories.ImageFactory):
    """Large enough for every rendition the templates ask for (up to 1440 wide, 1200x630 cards), so
    srcset lists distinct widths as in real use (the Nu checker rejects repeated widths)."""

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=1600, height=1040, color="green")


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "An introduction."
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Some words.</p>"))])

    class Meta:
        model = StandardPage


# A fixed TOTP secret for tests (base32): codes come from allauth's own hotp_value.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def with_totp(user, secret=TEST_TOTP_SECRET):
    """Turn on two-factor authentication (TOTP) for `user`, as the admin requires of campaign staff."""
    if not user.authenticator_set.filter(type="totp").exists():
        TOTP.activate(user, secret)
    return user


def totp_code(secret=TEST_TOTP_SECRET):
    """The current code for `secret`."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
