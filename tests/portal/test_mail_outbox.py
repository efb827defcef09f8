"""E-mails waiting in the queue: the task table holds an id, never the message (no password-reset
or confirmation link), the message waits encrypted and goes once delivered, attachments arrive,
and finished task rows are pruned after TASK_RETENTION_DAYS."""

import datetime
import email

import pytest
import time_machine
from django.core.mail import EmailMessage
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from portal.mail import send_message
from portal.models import OutboxMessage
from tests.employers.factories import VerifiedUserFactory

from .test_mail_retry import work_the_queue


def stored_text():
    """Everything the task table and the outbox hold, as one string."""
    rows = DBTaskResult.objects.values_list("args_kwargs", "return_value")
    return repr(list(rows)) + repr(list(OutboxMessage.objects.values_list("payload", flat=True)))


def test_a_password_reset_link_never_sits_in_the_task_table(client, queued_mail, home):
    sink = queued_mail
    sink.refusing = False
    VerifiedUserFactory(email="dana@example.org")
    response = client.post("/accounts/password/reset/", {"email": "dana@example.org"})
    assert response.status_code == 302
    [queued] = DBTaskResult.objects.filter(task_path="portal.mail.deliver")
    assert queued.args_kwargs["args"] == [OutboxMessage.objects.get().pk, 1]
    text = stored_text()
    for secret in ("/accounts/password/reset/key/", "dana@example.org", "Password Reset"):
        assert secret not in text

    work_the_queue()

    [message] = sink.received
    assert "/accounts/password/reset/key/" in message.content.decode()
    assert not OutboxMessage.objects.exists()  # gone once delivered


def test_an_attachment_arrives_with_the_message(queued_mail):
    sink = queued_mail
    sink.refusing = False
    message = EmailMessage("Your certificate", "Attached.", None, ["owner@example.org"])
    message.attach("certificate.pdf", b"%PDF-1.4 fake certificate bytes", "application/pdf")
    send_message(message)
    assert b"fake certificate bytes" not in repr(DBTaskResult.objects.values_list("args_kwargs")).encode()

    work_the_queue()

    [envelope] = sink.received
    parsed = email.message_from_bytes(envelope.content)
    [attachment] = [part for part in parsed.walk() if part.get_filename()]
    assert attachment.get_filename() == "certificate.pdf"
    assert attachment.get_payload(decode=True) == b"%PDF-1.4 fake certificate bytes"


def test_finished_and_failed_task_rows_are_pruned_after_the_retention_days(queued_mail, settings):
    sink = queued_mail
    sink.refusing = False
    settings.TASK_RETENTION_DAYS = 7
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        send_message(EmailMessage("Old news", "x", None, ["a@example.org"]))
        work_the_queue()
    with time_machine.travel(datetime.datetime(2026, 3, 7, 9, tzinfo=datetime.UTC), tick=False):
        send_message(EmailMessage("Recent news", "x", None, ["b@example.org"]))
        work_the_queue()
    DBTaskResult.objects.filter(finished_at__date=datetime.date(2026, 3, 7)).update(status="FAILED")
    assert DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"]).count() == 2

    with time_machine.travel(datetime.datetime(2026, 3, 9, 9, tzinfo=datetime.UTC), tick=False):
        call_command("prune_tasks")
        assert DBTaskResult.objects.count() == 1  # the row finished 8 days ago is gone
    with time_machine.travel(datetime.datetime(2026, 3, 15, 9, tzinfo=datetime.UTC), tick=False):
        call_command("prune_tasks")
        assert not DBTaskResult.objects.exists()  # failed rows too


@pytest.mark.django_db
def test_prune_tasks_without_a_task_table_says_so(capsys):
    call_command("prune_tasks")
    assert "nothing to prune" in capsys.readouterr().out
