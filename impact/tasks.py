import datetime

from django_tasks import task

from .summary import send_monthly_summary


@task()
def send_impact_summary(month):
    """Send the summary of `month` (ISO date of its first day) once; returns how many received it."""
    return send_monthly_summary(datetime.date.fromisoformat(month))
