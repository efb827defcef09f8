import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from employers.models.organisations import Employer
from employers.signals import hiring_pledge_signed, hiring_pledge_withdrawn
from portal.languages import localise_path
from portal.snippet_translations import default_language_q, in_active_language, in_language

PLEDGE_TERM = relativedelta(months=12)
PROGRESS_INTERVAL = relativedelta(months=6)


class PledgeCommitmentQuerySet(models.QuerySet):
    def current(self):
        """The commitments an employer may choose: the default language's rows (a pledge points
        at them whatever language it was signed in), not retired."""
        return self.filter(default_language_q(), retired=False)

    def for_visitors(self):
        """With the texts in the active language (`shown_title`, ...), where an editor translated them."""
        return in_active_language(self, "title", "description", "number_label")


class PledgeCommitment(TranslatableMixin, Orderable):
    """Something an employer can promise; staff edit, order and retire them."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    needs_number = models.BooleanField(
        default=False, help_text=_("The employer gives a number when signing, e.g. graduates a year.")
    )
    number_label = models.CharField(
        max_length=80, blank=True, help_text=_("What the number counts, e.g. 'programme graduates a year'.")
    )
    retired = models.BooleanField(
        default=False, help_text=_("Retired commitments cannot be chosen any more; signed pledges keep them.")
    )

    objects = PledgeCommitmentQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("needs_number"),
        FieldPanel("number_label"),
        FieldPanel("retired"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("pledge commitment")

    def __str__(self):
        return self.title

    @property
    def shown_title(self):
        return in_language(self, "title")

    @property
    def shown_description(self):
        return in_language(self, "description")

    @property
    def shown_number_label(self):
        return in_language(self, "number_label") if self.number_label else ""


def commitments_in_language(lookup):
    """Prefetch the commitments at `lookup` with their texts in the visitor's language."""
    return Prefetch(lookup, queryset=PledgeCommitment.objects.for_visitors())


class HiringPledgeQuerySet(models.QuerySet):
    def active(self, on=None):
        now = on or timezone.now()
        return self.filter(withdrawn_at__isnull=True, signed_at__lte=now, expires_at__gt=now)

    def public(self):
        return self.filter(is_public=True)

    def due_for_renewal_reminder(self, on=None):
        now = on or timezone.now()
        return self.active(now).filter(
            renewal_reminder_sent_at__isnull=True, expires_at__lte=now + datetime.timedelta(days=30)
        )

    def due_for_progress_request(self, on=None):
        """Six months after signing; the second report is asked for by the renewal reminder.

        A report counts as an answer: nobody is asked again until six months after the later of
        the last request and the last report (a report made since the last request is not
        followed by a request)."""
        now = on or timezone.now()
        cutoff = now - PROGRESS_INTERVAL
        reported_since = ProgressReport.objects.filter(pledge=OuterRef("pk"), submitted_at__gt=cutoff)
        return (
            self.active(now)
            .filter(signed_at__lte=cutoff)
            .filter(
                models.Q(progress_requested_at__isnull=True) | models.Q(progress_requested_at__lte=cutoff)
            )
            .exclude(Exists(reported_since))
        )


class HiringPledge(models.Model):
    """An employer's signed, public (or private) promise, for 12 months; history is never deleted."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    reference = models.CharField(max_length=20, unique=True, editable=False)
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="pledges")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signatory_name = models.CharField(max_length=120)
    signatory_title = models.CharField(_("signatory's job title"), max_length=120)
    authority_confirmed = models.BooleanField(default=False)
    is_public = models.BooleanField(default=True)
    signed_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)
    renewal_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    progress_requested_at = models.DateTimeField(null=True, blank=True)

    objects = HiringPledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at"]
        indexes = [models.Index(fields=["employer", "withdrawn_at", "expires_at"])]

    def __str__(self):
        return self.reference

    @property
    def state(self):
        if self.withdrawn_at:
            return self.State.WITHDRAWN
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.ACTIVE

    def get_state_display(self):
        return self.State(self.state).label

    @property
    def is_active(self):
        return self.state == self.State.ACTIVE

    def get_absolute_url(self):
        return localise_path(f"/pledges/{self.reference}/")

    @classmethod
    def sign(cls, *, employer, user, commitments, signatory_name, signatory_title, is_public):
        """Create the pledge with its commitments: `commitments` maps PledgeCommitment to number."""
        now = timezone.now()
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    pledge = cls.objects.create(
                        reference=cls._next_reference(now.year),
                        employer=employer,
                        signed_by=user,
                        signatory_name=signatory_name,
                        signatory_title=signatory_title,
                        authority_confirmed=True,
                        is_public=is_public,
                        signed_at=now,
                        expires_at=now + PLEDGE_TERM,
                    )
                    HiringPledgeCommitment.objects.bulk_create(
                        HiringPledgeCommitment(pledge=pledge, commitment=commitment, number=number)
                        for commitment, number in commitments.items()
                    )
                break
            except IntegrityError:  # two pledges took the same reference at once; take the next
                continue
        else:
            raise IntegrityError("Could not allocate a pledge reference")
        hiring_pledge_signed.send(sender=cls, pledge=pledge)
        return pledge

    @classmethod
    def _next_reference(cls, year):
        prefix = f"HP-{year}-"
        last = cls.objects.filter(reference__startswith=prefix).order_by("-reference").first()
        number = int(last.reference.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{number:05d}"

    def withdraw(self, by, reason):
        self.withdrawn_at = timezone.now()
        self.withdrawn_by = by
        self.withdrawal_reason = reason
        self.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        hiring_pledge_withdrawn.send(sender=HiringPledge, pledge=self)

    def latest_progress(self):
        return self.progress_reports.order_by("-submitted_at").first()

    @property
    def progress_overdue(self):
        """A report was asked for more than 30 days ago and none has come since."""
        if not self.progress_requested_at or not self.is_active:
            return False
        if timezone.now() - self.progress_requested_at < datetime.timedelta(days=30):
            return False
        latest = self.latest_progress()
        return latest is None or latest.submitted_at < self.progress_requested_at


class HiringPledgeCommitment(models.Model):
    pledge = models.ForeignKey(HiringPledge, on_delete=models.CASCADE, related_name="commitments")
    commitment = models.ForeignKey(PledgeCommitment, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["commitment__sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "commitment"], name="commitment_once_per_pledge")
        ]

    def __str__(self):
        if self.number is not None and self.commitment.number_label:
            return f"{self.commitment.shown_title}: {self.number} {self.commitment.shown_number_label}"
        return self.commitment.shown_title


class ProgressReport(models.Model):
    pledge = models.ForeignKey(HiringPledge, on_delete=models.CASCADE, related_name="progress_reports")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.pledge} progress {self.submitted_at:%Y-%m-%d}"


class ProgressItem(models.Model):
    class State(models.TextChoices):
        DONE = "done", _("Done")
        IN_PROGRESS = "in-progress", _("In progress")
        NOT_STARTED = "not-started", _("Not started")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="items")
    commitment = models.ForeignKey(HiringPledgeCommitment, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=12, choices=State.choices)
    number = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["commitment__commitment__sort_order"]

    def __str__(self):
        return f"{self.commitment}: {self.get_state_display()}"
