"""Retention of graduates' personal data and of the audit trail (run by `manage.py enforce_retention`).

- A graduate with no activity (record edited, introduction requested or answered, hire recorded)
  for GRADUATE_RETENTION_MONTHS (24) is flagged to the provider's coordinators by e-mail, and erased
  GRADUATE_ERASURE_NOTICE_DAYS (30) later unless the record was touched meanwhile.
- Audit entries (PersonalDataAccess) are deleted after AUDIT_RETENTION_MONTHS (72).
"""

import datetime
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import F, Max
from django.db.models.functions import Coalesce, Greatest

from matching.emails import send_event_email
from partners.models import Graduate, PersonalDataAccess, ProviderStaff
from portal.retention import rule


def retention_months():
    return getattr(settings, "GRADUATE_RETENTION_MONTHS", 24)


def notice_days():
    return getattr(settings, "GRADUATE_ERASURE_NOTICE_DAYS", 30)


def with_last_activity(graduates):
    return graduates.annotate(
        last_activity=Greatest(
            F("updated_at"),
            Coalesce(Max("introductions__requested_at"), F("updated_at")),
            Coalesce(Max("introductions__answered_at"), F("updated_at")),
            Coalesce(Max("hires__recorded_at"), F("updated_at")),
        )
    )


def _notify(provider, graduates, erase_on):
    coordinators = ProviderStaff.objects.filter(provider=provider, role=ProviderStaff.Role.COORDINATOR)
    addresses = [staff.user.email for staff in coordinators.select_related("user")]
    send_event_email(
        "retention_notice",
        addresses,
        {
            "provider": provider,
            "references": [graduate.reference for graduate in graduates],
            "erase_on": erase_on,
            "months": retention_months(),
        },
    )


@rule
def graduates_without_activity(now):
    cutoff = now - relativedelta(months=retention_months())
    live = with_last_activity(Graduate.objects.filter(erased_at__isnull=True))
    # Touched since the notice: kept, and a new notice starts the count again when due.
    touched = live.filter(
        retention_notice_sent_at__isnull=False, last_activity__gt=F("retention_notice_sent_at")
    )
    Graduate.objects.filter(pk__in=[g.pk for g in touched]).update(retention_notice_sent_at=None)
    stale = live.filter(last_activity__lte=cutoff, retention_notice_sent_at__isnull=True)
    flagged = defaultdict(list)
    for graduate in stale.select_related("provider"):
        flagged[graduate.provider].append(graduate)
    for provider, graduates in flagged.items():
        _notify(provider, graduates, (now + datetime.timedelta(days=notice_days())).date())
    # update(), not save(): the notice itself is no activity.
    Graduate.objects.filter(pk__in=[g.pk for group in flagged.values() for g in group]).update(
        retention_notice_sent_at=now
    )
    due = live.filter(
        last_activity__lte=cutoff,
        retention_notice_sent_at__lte=now - datetime.timedelta(days=notice_days()),
    )
    erased = 0
    for graduate in Graduate.objects.filter(pk__in=[g.pk for g in due]):
        graduate.erase(by=None)
        erased += 1
    flagged_count = sum(len(group) for group in flagged.values())
    return f"Graduates: {flagged_count} flagged to their provider, {erased} erased after the notice."


@rule
def old_audit_entries(now):
    months = getattr(settings, "AUDIT_RETENTION_MONTHS", 72)
    deleted, _ = PersonalDataAccess.objects.filter(at__lt=now - relativedelta(months=months)).delete()
    return f"Audit entries: {deleted} older than {months} months deleted."
