"""The demo's applications: several states among the demo seekers, a hire with its retention
checks, and one application in progress for seeker@example.org that the demo employer can open."""

from html import unescape

from django.core.management import call_command

from applications.models import Application
from matching.models import Hire


def test_the_demo_has_applications_in_several_states_and_one_in_progress_for_the_demo_seeker(
    client, home, mailoutbox
):
    call_command("load_demo_content")
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {"sent", "viewed", "interview", "not-this-time", "hired", "shortlisted"} <= statuses
    hire = Hire.objects.get(application__isnull=False)
    assert hire.retention_checks.count() == 3
    mine = Application.objects.get(seeker__user__email="seeker@example.org")
    assert mine.is_open and mine.history.count() == 3
    client.force_login(mine.seeker.user)
    assert mine.job.title in unescape(client.get("/seeker/applications/").content.decode())
    client.force_login(mine.job.employer.memberships.get(user__email="employer@example.org").user)
    page = client.get(f"/employer/jobs/{mine.job_id}/applications/{mine.pk}/").content.decode()
    assert "I kept a busy kitchen running" in page
    assert not [mail for mail in mailoutbox if "application" in mail.subject.lower()]
