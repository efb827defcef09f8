"""A mail server that refuses: the sign-up still succeeds, and the e-mail task tries again later
(with a backoff) until the server accepts. The server is a real SMTP sink (aiosmtpd) on loopback;
the queue is the database task backend worked by `manage.py db_worker`, as in production."""

import logging
import time

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.models import SupporterPledge
from tests.campaigns.factories import LiveCampaignPageFactory

from .test_outage import closed_port


def pledge(client, campaign):
    data = {"name": "Jo Bloggs", "email": "jo@example.org", "region": "GB-MAN", "count_publicly": "on"}
    return client.post(f"{campaign.url}pledge/", data)


def work_the_queue():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def waiting_attempts():
    return DBTaskResult.objects.filter(task_path="portal.mail.deliver", status="READY")


def wait_for_backoff():
    latest = max(result.run_after for result in waiting_attempts())
    time.sleep(max(0.0, (latest - timezone.now()).total_seconds()) + 0.1)


def sent_subjects(sink):
    subjects = []
    for envelope in sink.received:
        header = next(line for line in envelope.content.decode().splitlines() if line.startswith("Subject:"))
        subjects.append(header.removeprefix("Subject: "))
    return subjects


def test_a_pledge_succeeds_while_the_mail_server_refuses_and_the_email_arrives_after_a_retry(
    client, queued_mail, campaign_index, caplog
):
    sink = queued_mail
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon")
    response = pledge(client, campaign)
    assert response.status_code == 302
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()
    assert SupporterPledge.objects.get().email == "jo@example.org"

    with caplog.at_level(logging.WARNING, logger="portal.mail"):
        work_the_queue()
    assert sink.refused == 1
    assert sink.received == []
    assert (
        "Could not send e-mail 'Confirm your pledge to Yellow Ribbon' to jo@example.org (attempt 1 of 3)"
        in (caplog.text)
    )
    [retry] = waiting_attempts()
    assert retry.run_after > timezone.now()  # a backoff, not a busy loop
    assert retry.args_kwargs["args"][1] == 2

    work_the_queue()  # before the backoff is over nothing is tried
    assert sink.refused == 1

    sink.refusing = False
    wait_for_backoff()
    work_the_queue()
    assert sent_subjects(sink) == ["Confirm your pledge to Yellow Ribbon"]
    assert sink.received[0].rcpt_tos == ["jo@example.org"]
    assert "/support/confirm/" in sink.received[0].content.decode()
    assert not waiting_attempts()


def test_an_account_sign_up_succeeds_while_the_mail_server_refuses(client, queued_mail, home):
    sink = queued_mail
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new.employer@example.org",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    work_the_queue()
    assert sink.refused == 1 and sink.received == []

    sink.refusing = False
    wait_for_backoff()
    work_the_queue()
    [message] = sink.received
    assert message.rcpt_tos == ["new.employer@example.org"]
    assert "/accounts/confirm-email/" in message.content.decode()


def test_after_the_last_attempt_the_failure_is_logged_and_the_queue_is_left_empty(
    client, queued_mail, campaign_index, caplog
):
    sink = queued_mail
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon")
    pledge(client, campaign)
    with caplog.at_level(logging.WARNING, logger="portal.mail"):
        work_the_queue()
        for _ in range(2):
            wait_for_backoff()
            work_the_queue()
    assert sink.refused == 3
    assert (
        "Giving up on e-mail 'Confirm your pledge to Yellow Ribbon' to jo@example.org after 3 attempts"
        in (caplog.text)
    )
    assert not waiting_attempts()


def test_with_a_closed_mail_port_the_attempt_is_retried_too(client, queued_mail, campaign_index, settings):
    settings.EMAIL_PORT = closed_port()
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon")
    response = pledge(client, campaign)
    assert response.status_code == 302
    work_the_queue()
    [retry] = waiting_attempts()
    assert retry.args_kwargs["args"][1] == 2


def test_without_a_queue_a_refused_email_is_logged_and_the_sign_up_still_succeeds(
    client, smtp_sink, campaign_index, settings, caplog
):
    """The embedded default (immediate tasks) has nothing to defer on: no retry, but no error page."""
    sink, port = smtp_sink
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon")
    with caplog.at_level(logging.WARNING, logger="portal.mail"):
        response = pledge(client, campaign)
    assert response.status_code == 302
    assert SupporterPledge.objects.get().email == "jo@example.org"
    assert sink.refused == 1
    assert "the task backend cannot retry later" in caplog.text
