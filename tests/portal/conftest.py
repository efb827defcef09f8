"""Fixtures of the portal tests: a real SMTP sink on loopback and the database task queue."""

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from .test_outage import closed_port


class Sink:
    """Refuses every message with a 451 while `refusing`, then keeps what it is sent."""

    def __init__(self):
        self.refusing = True
        self.refused = 0
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            self.refused += 1
            return "451 4.3.0 Mail server busy, try again later"
        self.received.append(envelope)
        return "250 2.0.0 OK"


@pytest.fixture
def smtp_sink():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=closed_port())
    controller.start()
    yield sink, controller.port
    controller.stop()


@pytest.fixture
def queued_mail(smtp_sink, transactional_db, django_db_serialized_rollback):
    """SMTP to the sink, tasks in the database queue, one second between the first attempts."""
    sink, port = smtp_sink
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        MAIL_RETRY_BASE_SECONDS=1,
        MAIL_MAX_ATTEMPTS=3,
    ):
        yield sink
