"""`{{ value|machine_datetime }}`: the one format of machine-readable times (`<time datetime>`).

HTML's datetime allows at most three digits of fractions of a second, and Django's `date:'c'`
writes six; whole seconds are all a reader or a search engine needs.
"""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_datetime(value):
    """2026-12-02T02:40:10+00:00 for a datetime (in the current time zone), 2026-12-02 for a date."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
