"""Background tasks of outcomes and introductions (run daily): retention checks, overdue requests."""

from django_tasks import task

from matching import outcomes


@task()
def send_retention_checks():
    """E-mail every retention check that is due, once each. Returns how many were sent."""
    return outcomes.send_due_retention_checks()


@task()
def expire_introductions():
    """Expire introduction requests unanswered after 14 days and tell the employers. Returns how many."""
    return outcomes.expire_overdue_introductions()
