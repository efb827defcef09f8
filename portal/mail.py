"""Every e-mail the portal sends goes through here, as a task that is tried again later.

A sign-up, a pledge or a staff decision is saved whatever the mail server says: the message is
handed to the task queue, and the task, when the server refuses or is down, puts itself back on
the queue with a growing delay (`run_after`) until MAIL_MAX_ATTEMPTS is reached. Each failure is
logged. With the immediate task backend (development, tests) there is no queue to defer on, so a
failure is logged and the message dropped, as a direct send would have done, but without an
error page.

The task's arguments are the id of an `OutboxMessage` and the attempt number, never the message:
the message itself (with its password-reset or confirmation link, and its attachments) waits in
that row, encrypted with a key derived from SECRET_KEY, and the row is deleted as soon as the
message is delivered or given up. Finished task rows are pruned by `manage.py prune_tasks`.

Every message is written in its recipient's language: the one a person chose in their account
(`User.language`), else the one a supporter signed in (passed as `language`), else English. The
subject and body are rendered under that language whatever the request or task that sends them is
in, a notice to several people goes out once per language among them, and the site's own links in
the rendered body are moved under that language's prefix (`localise_text`).
"""

import base64
import datetime
import email
import hashlib
import json
import logging
import re
import smtplib
from email.mime.base import MIMEBase
from urllib.parse import urlsplit, urlunsplit

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template
from django.urls import translate_url
from django.utils import timezone, translation
from django_tasks import task

from .addresses import site_url
from .languages import codes, default_language, is_right_to_left, supported
from .models import OutboxMessage

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


def render_subject(template_name, context=None):
    """Render a subject template as the plain text a subject is: without HTML escaping (an
    organisation called "Bricks & Mortar" keeps its ampersand), on one line, stripped. Every
    e-mail's subject goes through here."""
    template = get_template(template_name).template  # the Django template behind the backend's
    text = template.render(Context(dict(context or {}), autoescape=False))
    return " ".join(text.split())


def recipients_by_language(recipients, language=None, fallback=None):
    """{language: [addresses]} in the recipients' order: `language` for everyone when given (a
    supporter: nobody with an account to ask), else each address's account's choice, else
    `fallback` (an invitation to someone without an account: the inviter's page), else English."""
    recipients = [address for address in recipients if address]
    if language:
        return {supported(language) or default_language(): recipients} if recipients else {}
    chosen = dict(
        get_user_model()
        .objects.filter(email__in={address.lower() for address in recipients})
        .values_list("email", "language")
    )
    groups = {}
    for address in recipients:
        code = supported(chosen.get(address.lower())) or supported(fallback) or default_language()
        groups.setdefault(code, []).append(address)
    return groups


def in_language(url, code, any_host=False):
    """One of the site's addresses ("https://…/fr/jobs/3-x/", "/jobs/3-x/") in language `code`
    ("https://…/es/jobs/3-x/"); an address outside the languages' part (/admin/, /api/v1/) or of
    another site stays as it is (`any_host`: allauth's links carry the request's host). Links are
    built in whatever language the sender ran in."""
    parts = urlsplit(str(url))
    if parts.netloc and not any_host and f"{parts.scheme}://{parts.netloc}" != site_url():
        return url
    path = parts.path or "/"
    for prefix in codes():
        if path == f"/{prefix}" or path.startswith(f"/{prefix}/"):
            path = path[len(prefix) + 1 :] or "/"
            break
    with translation.override(default_language()):
        return translate_url(urlunsplit(parts._replace(path=path)), code)


def _site_address():
    """The site's own absolute addresses in a text; the trailing punctuation of a sentence is
    not part of one (replacement keeps it)."""
    return re.compile(re.escape(site_url()) + r"(?:/[^\s<>\"'()]*)?")


def localise_text(text, code):
    """Every address of this site in `text` (a rendered body, plain or HTML) under `code`'s
    prefix: templates write English paths ("{{ site_url }}/employer/") and the links a sender
    built carry whatever language it ran in; the address says the language of the page."""

    def replace(match):
        address = match.group(0)
        kept = address.rstrip(".,;:!?")
        return in_language(kept, code) + address[len(kept) :]

    return _site_address().sub(replace, str(text))


def language_context(code):
    """What an e-mail template reads of its language (`<html lang dir>`): no request gives it."""
    return {"LANGUAGE_CODE": code, "LANGUAGE_BIDI": is_right_to_left(code)}


def send_email(subject, body, recipients, from_email=None, language=None):
    """Queue a plain-text message; returns how many recipients it is queued for."""
    headers = {"Content-Language": language} if language else None
    return send_message(EmailMessage(subject, body, from_email, list(recipients), headers=headers))


def send_event_email(template, recipients, context, language=None, fallback=None):
    """Render `<template>_subject.txt` and `<template>.txt` (an app's "jobs/email/job_approved")
    with the site's address, once per language among the recipients (or in `language` for all;
    `fallback` for those who never chose), and queue them for sending (retried by the task queue while the mail server refuses); returns
    the recipients' count."""
    sent = 0
    for code, addresses in recipients_by_language(recipients, language, fallback).items():
        with translation.override(code):
            localised = {"site_url": site_url(), **language_context(code), **context}
            subject = render_subject(f"{template}_subject.txt", localised)
            body = localise_text(get_template(f"{template}.txt").render(localised), code)
            sent += send_email(subject, body, addresses, language=code)
    return sent


def send_message(message):
    """Queue an EmailMessage (or one with HTML alternatives) exactly as built."""
    recipients = message.recipients()
    if not recipients:
        return 0
    outbox = OutboxMessage.objects.create(payload=_encrypt(_serialise(message)))
    deliver.enqueue(outbox.pk, 1)
    return len(recipients)


def _fernet():
    """One key per SECRET_KEY (the fallbacks still read what was queued before a rotation)."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [
            Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"portal.mail.outbox:{key}".encode()).digest()))
            for key in keys
        ]
    )


def _encrypt(data):
    return _fernet().encrypt(json.dumps(data).encode()).decode()


def _decrypt(payload):
    return json.loads(_fernet().decrypt(payload.encode()))


def _serialise_attachment(attachment):
    if isinstance(attachment, MIMEBase):
        return {"mime": base64.b64encode(attachment.as_bytes()).decode()}
    filename, content, mimetype = attachment
    if isinstance(content, str):
        return {"filename": filename, "text": content, "mimetype": mimetype}
    return {"filename": filename, "bytes": base64.b64encode(content).decode(), "mimetype": mimetype}


def _attach(message, data):
    if "mime" in data:
        message.attach(email.message_from_bytes(base64.b64decode(data["mime"])))
    elif "text" in data:
        message.attach(data["filename"], data["text"], data["mimetype"])
    else:
        message.attach(data["filename"], base64.b64decode(data["bytes"]), data["mimetype"])


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
        "attachments": [_serialise_attachment(attachment) for attachment in message.attachments],
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
    for attachment in data.get("attachments", []):
        _attach(message, attachment)
    return message


@task()
def deliver(message_id, attempt):
    """Send one queued message; on a transient failure enqueue the next attempt after a backoff.

    The outbox row is deleted once the message is sent or given up."""
    outbox = OutboxMessage.objects.filter(pk=message_id).first()
    if outbox is None:  # sent already (a duplicate task) or pruned
        return False
    try:
        data = _decrypt(outbox.payload)
    except InvalidToken:
        logger.error("E-mail %s cannot be read (SECRET_KEY changed without a fallback); dropped", message_id)
        outbox.delete()
        return False
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
            outbox.delete()
            return False
        if not deliver.get_backend().supports_defer:
            logger.error(
                "Could not send e-mail %r to %s (attempt %d), and the task backend cannot retry later: %s",
                data["subject"],
                recipients,
                attempt,
                error,
            )
            outbox.delete()
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
        deliver.using(run_after=run_after).enqueue(message_id, attempt + 1)
        return False
    outbox.delete()
    return True
