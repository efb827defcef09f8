"""The monthly summary e-mail to campaign staff: one month's figures, sent once per month."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.addresses import absolute_url
from portal.mail import language_context, localise_text, recipients_by_language, render_subject

from . import figures
from .models import MonthlySummary
from .permissions import staff_recipients


def previous_month(today=None):
    today = today or timezone.localdate()
    return (today.replace(day=1) - relativedelta(months=1)).replace(day=1)


def summary_context(month):
    period = figures.Period.month(month)
    employers = figures.employer_figures(period)
    jobs = figures.job_figures(period)
    introductions = figures.introductions_by_outcome(period)
    return {
        "month": month,
        "period": period,
        "supporters": figures.supporters_by_campaign(period),
        "supporters_total": sum(n for _title, n in figures.supporters_by_campaign(period)),
        "employers": employers,
        "jobs": jobs,
        "introductions": introductions,
        "introductions_total": sum(introductions.values()),
        "hires": figures.hire_count(period),
        "hires_by_sector": figures.hires_split(period, by="sector"),
        "retention": figures.retention_rates(period),
        "dashboard_url": absolute_url(
            reverse("impact_dashboard") + f"?start={period.start:%Y-%m-%d}&end={period.end:%Y-%m-%d}"
        ),
    }


def send_monthly_summary(month):
    """E-mail `month`'s summary to staff unless it went already; returns how many received it.

    The month is claimed first (a unique row), so two runs at once send it only once; a failed
    send releases the claim so that the next run tries again.
    """
    month = month.replace(day=1)
    try:
        with transaction.atomic():
            claim = MonthlySummary.objects.create(month=month)
    except IntegrityError:
        return 0
    try:
        recipients = list(staff_recipients().values_list("email", flat=True))
        if not recipients:
            claim.delete()  # nobody to tell yet: the month stays open for when staff exist
            return 0
        context = summary_context(month)
        # Each member of staff reads it in their own language: rendered once per language.
        for code, addresses in recipients_by_language(recipients).items():
            with translation.override(code):
                localised = {**context, **language_context(code)}
                subject = render_subject("impact/email/monthly_summary_subject.txt", localised)
                text = localise_text(render_to_string("impact/email/monthly_summary.txt", localised), code)
                html = localise_text(render_to_string("impact/email/monthly_summary.html", localised), code)
            for address in addresses:
                message = EmailMultiAlternatives(
                    subject, text, None, [address], headers={"Content-Language": code}
                )
                message.attach_alternative(html, "text/html")
                message.send()
    except Exception:
        claim.delete()
        raise
    claim.sent_at, claim.recipients = timezone.now(), len(recipients)
    claim.save(update_fields=["sent_at", "recipients"])
    return len(recipients)


def parse_month(text):
    """'2026-10' → date(2026, 10, 1); ValueError otherwise."""
    return datetime.datetime.strptime(text, "%Y-%m").date()
