"""E-mails to an organisation's owners when campaign staff verify or suspend it.

Wired by importing this module in EmployersConfig.ready().
"""

import logging

from django.dispatch import receiver

from employers.emails import owner_addresses, send_event_email
from employers.models import Employer
from employers.signals import employer_status_changed

logger = logging.getLogger(__name__)

# One template pair per event: employers/templates/employers/email/<event>_subject.txt and <event>.txt.
EVENTS = {
    Employer.Status.VERIFIED: "employer_verified",
    Employer.Status.SUSPENDED: "employer_suspended",
}


@receiver(employer_status_changed, sender=Employer, dispatch_uid="employers.notifications.email_owners")
def email_owners_of_status_change(sender, employer, previous, **kwargs):
    """Tell the owners their organisation is verified or suspended, with the reason staff gave."""
    event = EVENTS.get(employer.status)
    if event is None or previous == employer.status:
        return
    context = {"employer": employer, "previous": previous, "reason": employer.status_reason}
    try:
        send_event_email(event, owner_addresses(employer), context)
    except Exception:
        # The change itself is saved and in the history; a mail server failing must not undo it
        # or show staff an error page.
        logger.exception("Could not send %s to the owners of employer %s", event, employer.pk)
