"""The monthly summary reaches each member of campaign staff in their own language: the HTML
part says its language and direction, the month is named in it."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.impact.conftest import member_of

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 11, 10, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_each_member_of_staff_reads_the_summary_in_their_language():
    member_of("Campaign editors", email="editor@example.org")
    member_of("Campaign editors", email="redactrice@example.org", language="ar")

    call_command("send_impact_summary")

    by_address = {message.to[0]: message for message in mail.outbox}
    arabic, english = by_address["redactrice@example.org"], by_address["editor@example.org"]
    assert arabic.extra_headers["Content-Language"] == "ar"
    arabic_html, _mimetype = arabic.alternatives[0]
    assert '<html lang="ar" dir="rtl">' in arabic_html
    assert "أكتوبر" in arabic.subject  # October, as Django names it in Arabic
    english_html, _mimetype = english.alternatives[0]
    assert '<html lang="en-gb" dir="ltr">' in english_html
    assert english.subject == "Impact summary for October 2026"
    # The dashboard is in the admin, which has no language prefix.
    assert "/admin/impact/?start=2026-10-01&end=2026-10-31" in arabic.body
