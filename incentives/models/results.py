"""Incentive checker results an employer saved, and the dated deadlines of a recorded hire.

A saved result keeps the raw answers and a snapshot of every scheme's result as it was when saved
(with the scheme revision used), so that it reads the same after staff edit the schemes. Attached
to a hire, it gets the dated steps of each scheme that may apply, with reminders before each one.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs.models import JobListing
from matching.models import Hire


def headcount_from_size_band(size_band):
    """The lower bound of a size band ("10-49" → 10, "1000+" → 1000), or None when unknown."""
    text = (size_band or "").split("-")[0].rstrip("+").strip()
    return int(text) if text.isdigit() else None


def known_facts(employer, has_active_pledge=None):
    """The facts the portal already knows about an organisation, as typed answers
    (`has_active_pledge` when the caller knows it already)."""
    if has_active_pledge is None:
        has_active_pledge = employer.pledges.active().exists()
    facts = {
        "employer_sector": employer.sector or None,
        "employer_headcount": headcount_from_size_band(employer.size_band),
        "region": employer.head_office_region or None,
        "has_active_hiring_pledge": has_active_pledge,
    }
    return {key: value for key, value in facts.items() if value is not None}


def snapshot_of(scheme_results):
    """A JSON snapshot of the engine's SchemeResults, enough to show them again unchanged."""
    snapshot = []
    for result in scheme_results:
        scheme = result.scheme
        # The live revision is what the checker evaluated; the latest may be an unpublished draft.
        revision_id = scheme.live_revision_id
        snapshot.append(
            {
                "scheme_id": scheme.pk,
                "scheme_name": scheme.name,
                "revision_id": revision_id,
                "provider_agency": scheme.provider_agency,
                "outcome": result.outcome,
                "conditions": [
                    {"fact": condition.fact, "status": status, "sentence": str(sentence)}
                    for condition, status, sentence in result.conditions
                ],
                "benefit": result.benefit,
                "maximum_value": None if scheme.maximum_value is None else str(scheme.maximum_value),
                "currency": scheme.currency,
                "how_to_apply": scheme.how_to_apply,
                "source_url": scheme.source_url,
                "steps": [
                    {
                        "label": step.label,
                        "relative_to": step.relative_to,
                        "days_offset": step.days_offset,
                        "deadline_text": str(step.deadline_text),
                    }
                    for step in scheme.steps.all()
                ],
            }
        )
    return snapshot


class SavedIncentiveResult(models.Model):
    employer = models.ForeignKey(
        "employers.Employer", on_delete=models.CASCADE, related_name="incentive_results"
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(default=dict, blank=True, help_text=_("The raw answers, fact key → text."))
    results = models.JSONField(default=list, blank=True, help_text=_("Snapshot of each scheme's result."))
    job = models.ForeignKey(
        JobListing, null=True, blank=True, on_delete=models.SET_NULL, related_name="incentive_results"
    )
    hire = models.ForeignKey(
        Hire, null=True, blank=True, on_delete=models.SET_NULL, related_name="incentive_results"
    )

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("saved incentive result")

    def __str__(self):
        return _("Incentive result %(number)s of %(employer)s") % {
            "number": self.pk,
            "employer": self.employer,
        }

    @property
    def counts(self):
        counts = {}
        for item in self.results:
            counts[item["outcome"]] = counts.get(item["outcome"], 0) + 1
        return counts

    def schedule_deadlines(self):
        """(Re)create the dated steps for the attached hire; returns the deadlines.

        Steps come from the snapshot (the scheme revision used), for schemes that are not ruled
        out. The offer date is the day the hire was recorded; the start date is the hire's.
        Deadlines already reminded are kept as they are.
        """
        if self.hire is None:
            self.deadlines.filter(reminder_sent_at__isnull=True, final_reminder_sent_at__isnull=True).delete()
            return []
        offer_date = timezone.localdate(self.hire.recorded_at) if self.hire.recorded_at else None
        start_date = self.hire.start_date
        kept = []
        for item in self.results:
            if item.get("outcome") == "not_eligible":
                continue
            for index, step in enumerate(item.get("steps", [])):
                anchor = offer_date if step["relative_to"] == "offer" else start_date
                if anchor is None:
                    continue
                due_on = anchor + datetime.timedelta(days=int(step["days_offset"]))
                deadline, _created = IncentiveDeadline.objects.update_or_create(
                    result=self,
                    scheme_id=item["scheme_id"],
                    step_index=index,
                    defaults={
                        "scheme_name": item["scheme_name"],
                        "label": step["label"],
                        "deadline_text": step.get("deadline_text", ""),
                        "due_on": due_on,
                    },
                )
                kept.append(deadline.pk)
        self.deadlines.exclude(pk__in=kept).delete()
        return list(self.deadlines.all())


class IncentiveDeadline(models.Model):
    """One dated step of a scheme for a recorded hire; owners are reminded 7 days and 1 day before."""

    result = models.ForeignKey(SavedIncentiveResult, on_delete=models.CASCADE, related_name="deadlines")
    scheme_id = models.PositiveIntegerField()
    scheme_name = models.CharField(max_length=200)
    step_index = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=200)
    deadline_text = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    reminder_sent_at = models.DateTimeField(null=True, blank=True, help_text=_("The 7-day reminder."))
    final_reminder_sent_at = models.DateTimeField(null=True, blank=True, help_text=_("The 1-day reminder."))

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["result", "scheme_id", "step_index"], name="one_deadline_per_result_step"
            )
        ]

    def __str__(self):
        return f"{self.label} by {self.due_on}"
