"""Retention of supporters' e-mail addresses (run by `manage.py enforce_retention`).

A pledge never confirmed is never counted; after PLEDGE_UNCONFIRMED_RETENTION_MONTHS (3) it is
deleted with its address. A supporter who leaves (the erase link in every e-mail) is deleted at once
by the erase view.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings

from portal.retention import rule

from .models import SupporterPledge


@rule
def unconfirmed_pledges(now):
    months = getattr(settings, "PLEDGE_UNCONFIRMED_RETENTION_MONTHS", 3)
    deleted, _ = (
        SupporterPledge.objects.pending().filter(created_at__lt=now - relativedelta(months=months)).delete()
    )
    return f"Supporter pledges: {deleted} unconfirmed for {months} months deleted with their addresses."
