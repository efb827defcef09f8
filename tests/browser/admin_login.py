"""Campaign staff reach the Wagtail admin through allauth's login and a TOTP code (issue 14)."""

import re
import time
from urllib.parse import urlencode

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.employers.factories import VerifiedUserFactory
from tests.portal.factories import totp_code, with_totp

PASSWORD = "correct horse battery staple"


def admin_staff(email, group=None, **fields):
    """A member of `group` (or a superuser with is_superuser=True) with a verified address and TOTP."""
    user = VerifiedUserFactory(email=email, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


def log_in_to_admin(page, email, password=PASSWORD, next_url="/admin/"):
    page.goto("/accounts/login/?" + urlencode({"next": next_url}))
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    code = page.locator("input[name=code]")
    arrived = re.compile(re.escape(next_url.split("?", 1)[0]) + r"(\?.*)?$")
    for _attempt in range(2):
        code.fill(totp_code())
        code.press("Enter")
        page.wait_for_load_state("load")
        if arrived.search(page.url):
            break
        # A code works once: the same person logging in twice within 30 s waits for the next one.
        time.sleep(30 - time.time() % 30 + 0.5)
    expect(page).to_have_url(arrived)
