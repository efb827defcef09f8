"""Every e-mail the portal sends goes through here, as a task that is tried again later.

A sign-up, a pledge or a staff decision is saved whatever the mail server says: the message is
handed to the task queue, and the task, when the server refuses or is down, puts itself back on
the queue with a growing delay (`run_after`) until MAIL_MAX_ATTEMPTS is reached. Each failure is
logged. With the immediate task backend (development, tests) there is no queue to defer on, so a
failure is logged and the message dropped, as a direct send would have done, but without an
error page.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Failures worth waiting for: the server is down, slow or refuses for now (4xx) or for this
# message (5xx: a misconfigured relay is usually fixed within the attempts).
TRANSIENT = (smtplib.SMTPException, OSError)


def max_attempts():
    return getattr(settings, "MAIL_MAX_ATTEMPTS", 6)


def backoff(attempt):
    """Seconds to wait after the given failed attempt: doubling from MAIL_RETRY_BASE_SECONDS."""
    base = getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60)
    return base * 2 ** (attempt - 1)


def send_email(subject, body, recipients, from_email=None):
    """Queue a plain-text message; returns how many recipients it is queued for."""
    return send_message(EmailMessage(subject, body, from_email, list(recipients)))


def send_message(message):
    """Queue an EmailMessage (or one with HTML alternatives) exactly as built."""
    recipients = message.recipients()
    if not recipients:
        return 0
    deliver.enqueue(_serialise(message), 1)
    return len(recipients)


def _serialise(message):
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "content_subtype": message.content_subtype,
    }


def _rebuild(data):
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    message.content_subtype = data["content_subtype"]
    return message


@task()
def deliver(data, attempt):
    """Send one message; on a transient failure enqueue the next attempt after a backoff."""
    try:
        _rebuild(data).send()
    except TRANSIENT as error:
        recipients = ", ".join(data["to"] + data["cc"] + data["bcc"])
        if attempt >= max_attempts():
            logger.error(
                "Giving up on e-mail %r to %s after %d attempts: %s",
                data["subject"],
                recipients,
                attempt,
                error,
            )
            return False
        if not deliver.get_backend().supports_defer:
            logger.error(
                "Could not send e-mail %r to %s (attempt %d), and the task backend cannot retry later: %s",
                data["subject"],
                recipients,
                attempt,
                error,
            )
            return False
        delay = backoff(attempt)
        logger.warning(
            "Could not send e-mail %r to %s (attempt %d of %d), trying again in %d s: %s",
            data["subject"],
            recipients,
            attempt,
            max_attempts(),
            delay,
            error,
        )
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        deliver.using(run_after=run_after).enqueue(data, attempt + 1)
        return False
    return True
