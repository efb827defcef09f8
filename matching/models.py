"""Introductions between an employer and a graduate, hires, and retention checks."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs.models import JobListing
from partners.models import Graduate
from portal import page_cache

INTRODUCTION_TTL = datetime.timedelta(days=14)
RETENTION_MONTHS = (3, 6, 12)


class IntroductionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Introduction.Status.REQUESTED)

    def overdue(self, now=None):
        now = now or timezone.now()
        return self.open().filter(requested_at__lte=now - INTRODUCTION_TTL)


class Introduction(models.Model):
    """An employer asks to meet a graduate about a job; provider staff record the answer."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Origin(models.TextChoices):
        EMPLOYER = "employer", _("Requested by the employer")
        PARTNER = "partner", _("Suggested by the programme")

    job = models.ForeignKey(JobListing, on_delete=models.CASCADE, related_name="introductions")
    graduate = models.ForeignKey(Graduate, on_delete=models.CASCADE, related_name="introductions")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EMPLOYER)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    released_contact = models.TextField(
        blank=True, help_text=_("What the graduate agreed the employer may see: a name, a phone number, ...")
    )

    objects = IntroductionQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "graduate"],
                condition=models.Q(status="requested"),
                name="one_open_introduction_per_job_and_graduate",
            )
        ]

    def __str__(self):
        return f"{self.job} ↔ {self.graduate} ({self.get_status_display()})"

    @property
    def expires_at(self):
        return self.requested_at + INTRODUCTION_TTL

    def _answer(self, status, by, released_contact=""):
        changed = Introduction.objects.filter(pk=self.pk, status=self.Status.REQUESTED).update(
            status=status, answered_at=timezone.now(), answered_by=by, released_contact=released_contact
        )
        self.refresh_from_db()
        if changed:
            page_cache.forget_pages()  # the impact figures count introductions (no signal on update)
        return bool(changed)

    def accept(self, by, released_contact):
        return self._answer(self.Status.ACCEPTED, by, released_contact)

    def decline(self, by):
        return self._answer(self.Status.DECLINED, by)

    def expire(self):
        return self._answer(self.Status.EXPIRED, None)

    @property
    def hireable(self):
        """A hire may be recorded from an accepted introduction of a graduate not erased, once."""
        return (
            self.status == self.Status.ACCEPTED
            and not self.graduate.is_erased
            and not Hire.objects.filter(introduction=self).exists()
        )

    def record_hire(self, by, start_date, hours_per_week):
        """The hire, with the job and the graduate of this introduction; None if one is already
        recorded (the database holds one hire per introduction, whoever races)."""
        if self.status != self.Status.ACCEPTED:
            raise ValueError("A hire is recorded only from an accepted introduction.")
        try:
            with transaction.atomic():
                # Recording the hire places the graduate and schedules retention checks (matching.outcomes).
                return Hire.objects.create(
                    graduate=self.graduate,
                    job=self.job,
                    employer=self.job.employer,
                    introduction=self,
                    start_date=start_date,
                    hours_per_week=hours_per_week,
                    recorded_by=by,
                )
        except IntegrityError:
            return None


class Hire(models.Model):
    """A graduate, or a job seeker who applied, started a job found through the portal; retention
    is asked at 3, 6 and 12 months. Exactly one of `graduate` and `application` is set."""

    graduate = models.ForeignKey(
        Graduate, null=True, blank=True, on_delete=models.CASCADE, related_name="hires"
    )
    # A hire from a job seeker's application (the applications app, above this one: named by
    # string); one hire per application, held by the database.
    application = models.OneToOneField(
        "applications.Application", null=True, blank=True, on_delete=models.CASCADE, related_name="hire"
    )
    job = models.ForeignKey(JobListing, on_delete=models.SET_NULL, null=True, related_name="hires")
    employer = models.ForeignKey("employers.Employer", on_delete=models.CASCADE, related_name="hires")
    start_date = models.DateField()
    hours_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(80)]
    )
    # The accepted introduction the hire came from (none for hires recorded before it was asked);
    # one hire per introduction, held by the database.
    introduction = models.OneToOneField(
        Introduction, null=True, blank=True, on_delete=models.SET_NULL, related_name="hire"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(graduate__isnull=False, application__isnull=True)
                | models.Q(graduate__isnull=True, application__isnull=False),
                name="hire_of_a_graduate_or_an_application",
            )
        ]

    def __str__(self):
        return f"{self.person_reference} at {self.employer} from {self.start_date}"

    @property
    def person_reference(self):
        """Who was hired, by reference only: the graduate's (G-...) or the job seeker's (S-...)."""
        if self.graduate_id:
            return self.graduate.reference
        return self.application.seeker.reference if self.application_id else ""


class RetentionCheck(models.Model):
    class Answer(models.TextChoices):
        EMPLOYED = "employed", _("Still employed")
        LEFT = "left", _("Has left")
        UNKNOWN = "unknown", _("Don't know")

    SALT = "matching.retention"

    hire = models.ForeignKey(Hire, on_delete=models.CASCADE, related_name="retention_checks")
    months = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        constraints = [models.UniqueConstraint(fields=["hire", "months"], name="one_check_per_milestone")]

    def __str__(self):
        return f"{self.hire} at {self.months} months"

    def answer_token(self, answer):
        """A signed one-click link token: no login needed to answer."""
        return signing.dumps({"c": self.pk, "a": answer}, salt=self.SALT)

    @classmethod
    def from_token(cls, token):
        data = signing.loads(token, salt=cls.SALT, max_age=120 * 24 * 3600)
        check = cls.objects.filter(pk=data.get("c")).select_related("hire").first()
        return check, data.get("a")
