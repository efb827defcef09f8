"""An e-mail's subject is plain text: "Bricks & Mortar" keeps its ampersand, never "&amp;".

Every subject template is rendered through portal.mail.render_subject (no HTML escaping, one line,
stripped); the invitation, pledge and campaign e-mails are sent for real with such a name.
"""

import pathlib
import re

import pytest
from django.conf import settings

from campaigns.tasks import send_pledge_email
from employers.emails import send_event_email, send_invitation
from employers.models import Invitation
from portal.mail import render_subject
from tests.campaigns.factories import LiveCampaignPageFactory, PendingPledgeFactory
from tests.employers.factories import EmployerFactory, HiringPledgeFactory

NAME = "Bricks & Mortar"
PROJECT = pathlib.Path(settings.BASE_DIR)
# The site's own folder and every app's (<app>/templates/): template name -> file.
TEMPLATE_DIRS = [
    PROJECT / "templates",
    *(path for path in PROJECT.glob("*/templates") if path.parent.name != ".venv"),
]
SUBJECT_FILES = {
    str(path.relative_to(folder)): path for folder in TEMPLATE_DIRS for path in folder.rglob("*_subject.txt")
}
SUBJECT_TEMPLATES = sorted(SUBJECT_FILES)


class Named:
    """Whatever a subject template asks of an object, it answers with an ampersand in it."""

    def __getattr__(self, name):
        return NAME

    def __str__(self):
        return NAME


class RetentionCheck(Named):
    # A count (the subject's plural form follows it), as a retention check's months are.
    months = 6


def test_there_are_subject_templates_to_check():
    assert "employers/email/invitation_subject.txt" in SUBJECT_TEMPLATES
    assert len(SUBJECT_TEMPLATES) > 30


@pytest.mark.parametrize("template", SUBJECT_TEMPLATES)
def test_every_subject_template_keeps_an_ampersand(template):
    context = {
        key: Named()
        for key in ("employer", "job", "pledge", "campaign", "provider", "deadline", "check", "invitation")
    }
    context["check"] = RetentionCheck()
    context.update(reference=NAME, graduate_reference=NAME, references=[NAME], month=None, days_left=3)
    subject = render_subject(template, context)
    assert "&amp;" not in subject and "&#" not in subject
    assert "\n" not in subject and subject == subject.strip() and subject
    if "{{" in SUBJECT_FILES[template].read_text() and "employer" in template + subject:
        assert NAME in subject


def test_no_code_renders_a_subject_another_way():
    """A subject rendered with render_to_string would be HTML-escaped again."""
    offenders = []
    for path in PROJECT.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "migrations" in path.parts:
            continue
        if re.search(r"render_to_string\([^)]*_subject", path.read_text()):
            offenders.append(str(path.relative_to(PROJECT)))
    assert offenders == []


@pytest.mark.django_db
def test_the_invitation_names_the_organisation_as_it_is_written(mailoutbox):
    employer = EmployerFactory(name=NAME)
    invitation = Invitation.objects.create(employer=employer, email="colleague@example.org")
    send_invitation(invitation, "https://portal.example.org/employer/invitations/accept/x/")
    (message,) = mailoutbox
    assert message.subject == "You are invited to join Bricks & Mortar on the Second Chance Portal"
    assert "join Bricks & Mortar on" in message.body


@pytest.mark.django_db
def test_the_pledge_signed_e_mail_keeps_the_ampersand(mailoutbox):
    employer = EmployerFactory(name=NAME)
    pledge = HiringPledgeFactory(employer=employer)
    send_event_email("pledge_signed", ["owner@example.org"], {"pledge": pledge, "employer": employer})
    (message,) = mailoutbox
    assert message.subject == f"Hiring pledge {pledge.reference} signed for Bricks & Mortar"


@pytest.mark.django_db
@pytest.mark.parametrize("event", ["pledge_confirmation", "pledge_confirmed"])
def test_a_supporter_s_e_mails_name_the_campaign_as_written(campaign_index, mailoutbox, event):
    pledge = PendingPledgeFactory(
        campaign=LiveCampaignPageFactory(parent=campaign_index, title="Bricks & Mortar Week")
    )
    send_pledge_email.enqueue(pledge.pk, event, "https://portal.example.org")
    (message,) = mailoutbox
    assert "your pledge to Bricks & Mortar Week" in message.subject
    assert "&amp;" not in message.subject
