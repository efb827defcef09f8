"""Fair-chance job listings and their moderation: the states live here, and only here."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language_info, to_locale
from django.utils.translation import gettext_lazy as _

from employers.models.organisations import Employer
from jobs.richtext import sanitise_html
from jobs.signals import job_state_changed
from portal.languages import localise_path
from portal.regions import region_name, validate_region
from taxonomy.classifications import EmploymentType, SectorChoices
from taxonomy.models import Certification, Occupation, Skill


class RemoteOption(models.TextChoices):
    ON_SITE = "on-site", _("On site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class PayPeriod(models.TextChoices):
    HOUR = "hour", _("per hour")
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


class ApplyMethod(models.TextChoices):
    URL = "url", _("On our website")
    EMAIL = "email", _("By e-mail")
    PORTAL = "portal", _("Through the portal")


# The requirement flags matching reads later: each is something a graduate may be unable to do.
REQUIREMENT_FLAGS = {
    "works_with_vulnerable_people": _("Works with children or vulnerable adults"),
    "requires_driving": _("Driving"),
    "handles_cash": _("Handling cash"),
    "requires_security_clearance": _("Security clearance"),
    "night_shifts": _("Night shifts"),
}


class JobListingQuerySet(models.QuerySet):
    def published(self, on=None, scanning=False):
        """What the public may see: published, not past closing, from a verified employer.

        `scanning=True` says the same for a query that walks tens of thousands of listings (the
        ids of a deep page of the board): "not from an employer that is not verified" is then a
        hashed set of the few unverified employers that each listing's employer is looked up in,
        instead of a join to the employers table per listing (on PostgreSQL, 100,000 listings:
        OFFSET 40,000 took 28 ms through the join, 11 ms through the set). A single listing is
        cheaper through the join, hence the choice."""
        today = on or timezone.localdate()
        if scanning:
            unverified = Employer.objects.exclude(status=Employer.Status.VERIFIED).values("pk")
            verified = ~models.Q(employer__in=unverified)
        else:
            verified = models.Q(employer__status=Employer.Status.VERIFIED)
        return self.filter(verified, status=JobListing.Status.PUBLISHED).filter(
            models.Q(closing_date__isnull=True) | models.Q(closing_date__gte=today)
        )

    def pending(self):
        return self.filter(status=JobListing.Status.PENDING)

    def with_requirements(self):
        """Each listing's skills and certifications, required first then by name, in two queries."""
        return self.prefetch_related(
            models.Prefetch(
                "skill_links", JobSkill.objects.select_related("skill").order_by("-required", "skill__name")
            ),
            models.Prefetch(
                "certification_links",
                JobCertification.objects.select_related("certification").order_by(
                    "-required", "certification__name"
                ),
            ),
        )

    def past_closing(self, on=None):
        """Published listings whose closing date has passed: the expiry rule, used everywhere."""
        today = on or timezone.localdate()
        return self.filter(status=JobListing.Status.PUBLISHED, closing_date__lt=today)


class JobListing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")
        EXPIRED = "expired", _("Expired")

    # action: (states it may start from, state it leads to)
    TRANSITIONS = {
        "submit": ({Status.DRAFT}, Status.PENDING),
        "approve": ({Status.PENDING}, Status.PUBLISHED),
        "reject": ({Status.PENDING}, Status.REJECTED),
        "redraft": ({Status.REJECTED}, Status.DRAFT),
        "resubmit": ({Status.PUBLISHED}, Status.PENDING),  # the substance changed after publication
        "close": ({Status.PUBLISHED, Status.PENDING, Status.DRAFT}, Status.CLOSED),
        "expire": ({Status.PUBLISHED}, Status.EXPIRED),
    }
    # Changing any of these on a published listing sends it back to review.
    SUBSTANCE_FIELDS = (
        "title",
        "description",
        "occupation",
        "sector",
        "region",
        "place",
        "remote",
        "employment_type",
        "hours_per_week",
        "pay_min",
        "pay_max",
        "pay_period",
        "fair_chance_statement",
        "apply_method",
        "apply_url",
        "apply_email",
        *REQUIREMENT_FLAGS,
    )

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="jobs")
    title = models.CharField(max_length=160)
    # What the listing is written in: its page says so (lang), the board filters by it, and each
    # search engine stems its words in that language (jobs/migrations/0004, search.engines).
    language = models.CharField(
        _("language of the listing"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    slug = models.SlugField(max_length=180, editable=False)
    description = models.TextField(help_text=_("Paragraphs, lists, bold, italic and links."))
    occupation = models.ForeignKey(
        Occupation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.CharField(max_length=1, choices=SectorChoices.choices)
    region = models.CharField(max_length=10, validators=[validate_region])
    place = models.CharField(_("town or place"), max_length=120, blank=True)
    remote = models.CharField(max_length=10, choices=RemoteOption.choices, default=RemoteOption.ON_SITE)
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    pay_min = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    pay_max = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    pay_period = models.CharField(max_length=10, choices=PayPeriod.choices, default=PayPeriod.HOUR)
    pay_currency = models.CharField(max_length=3, default="GBP")
    skills = models.ManyToManyField(Skill, through="JobSkill", blank=True, related_name="jobs")
    certifications = models.ManyToManyField(
        Certification, through="JobCertification", blank=True, related_name="jobs"
    )
    works_with_vulnerable_people = models.BooleanField(
        _("works with children or vulnerable adults"), default=False
    )
    requires_driving = models.BooleanField(_("driving"), default=False)
    handles_cash = models.BooleanField(_("handling cash"), default=False)
    requires_security_clearance = models.BooleanField(_("security clearance"), default=False)
    night_shifts = models.BooleanField(_("night shifts"), default=False)
    fair_chance_statement = models.TextField(blank=True)
    openings = models.PositiveSmallIntegerField(default=1)
    start_date = models.DateField(null=True, blank=True)
    closing_date = models.DateField(null=True, blank=True)
    apply_method = models.CharField(max_length=10, choices=ApplyMethod.choices, default=ApplyMethod.PORTAL)
    apply_url = models.URLField(blank=True)
    apply_email = models.EmailField(blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    rejection_reason = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    renewed_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "closing_date"]),
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["employer", "status"]),
            # The moderation queue (oldest submission first, all or by status) reads 50 rows of
            # an index instead of sorting 100,000 wide rows; the impact dashboard counts by it.
            models.Index(fields=["submitted_at"], name="joblisting_submitted"),
            models.Index(fields=["status", "submitted_at"], name="joblisting_status_submitted"),
            # The board's usual filters (region and sector) find a page of published listings
            # through this index instead of reading the table (PostgreSQL adds a covering index of
            # the published listings: jobs/migrations/0002).
            models.Index(
                fields=["region", "sector"],
                condition=models.Q(status="published"),
                name="joblisting_open_place",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:180] or "job"
        self.description = sanitise_html(self.description)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.pay_min is not None and self.pay_max is not None and self.pay_max < self.pay_min:
            errors["pay_max"] = _("The top of the pay range cannot be below the bottom.")
        if self.apply_method == ApplyMethod.URL and not self.apply_url:
            errors["apply_url"] = _("Give the address where people apply.")
        if self.apply_method == ApplyMethod.EMAIL and not self.apply_email:
            errors["apply_email"] = _("Give the e-mail address applications go to.")
        if errors:
            raise ValidationError(errors)

    @property
    def hours_plural_count(self):
        """The number that picks the plural form of "hours a week": gettext takes whole numbers,
        and a fraction of an hour reads in the plural ("1.5 hours"), like any number but 1."""
        if self.hours_per_week is None:
            return None
        hours = Decimal(str(self.hours_per_week))
        return int(hours) if hours == hours.to_integral_value() else 2

    def get_absolute_url(self):
        return localise_path(f"/jobs/{self.pk}-{self.slug}/")

    @property
    def description_html(self):
        """The description as markup to print: sanitised again on the way out, so that nothing stored
        before (or around) the sanitiser reaches a page, the admin or the API unchecked."""
        return mark_safe(sanitise_html(self.description))  # nosec B308 B703 # passed nh3's allow-list

    @property
    def region_name(self):
        return region_name(self.region)

    @property
    def language_tag(self):
        """The listing's language as BCP 47 ("en-GB", "fr"): what `lang` and JSON-LD expect."""
        return to_locale(self.language).replace("_", "-")

    @property
    def text_direction(self):
        """ "rtl" for a listing in Arabic, "ltr" otherwise: its text keeps its direction on any page."""
        return "rtl" if get_language_info(self.language).get("bidi") else "ltr"

    @property
    def where(self):
        """The place and the region, the region left out when the place already names it:
        "Hunslet, Leeds", but "Leeds" for a job in Leeds (never "Leeds, Leeds")."""
        place, region = " ".join(self.place.split()), self.region_name
        if not place:
            return region
        if not region or region.casefold() in place.casefold():
            return place
        return f"{place}, {region}"

    @property
    def pay_text(self):
        """Pay as every page shows it (job board, job page, employer area, the admin's review):
        "GBP 11.50–13.00 per hour", "GBP 25,000 per year", "GBP up to 30,000 per year", or ""."""
        amounts = [value for value in (self.pay_min, self.pay_max) if value is not None]
        if not amounts:
            return ""
        if len(amounts) == 2 and amounts[0] == amounts[1]:
            amounts = amounts[:1]
        places = 0 if all(value == value.to_integral_value() for value in amounts) else 2
        shown = [number_format(value, places, force_grouping=True) for value in amounts]
        if self.pay_min is None:
            shown = [_("up to %(amount)s") % {"amount": shown[0]}]
        return f"{self.pay_currency} {'–'.join(shown)} {self.get_pay_period_display()}"

    def requirement_labels(self):
        return [label for field, label in REQUIREMENT_FLAGS.items() if getattr(self, field)]

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.employer.status == Employer.Status.VERIFIED
            and (self.closing_date is None or self.closing_date >= timezone.localdate())
        )

    # The state machine
    def can(self, action):
        sources, _target = self.TRANSITIONS[action]
        return self.status in sources

    def transition(self, action, by=None, reason=""):
        """Move to the state `action` leads to, record it, and tell the listeners."""
        if not self.can(action):
            raise InvalidTransition(
                _("A %(state)s listing cannot be %(action)s.")
                % {"state": self.get_status_display().lower(), "action": ACTION_PAST[action]}
            )
        _sources, target = self.TRANSITIONS[action]
        previous = self.status
        now = timezone.now()
        self.status = target
        changed = ["status", "updated_at"]
        if target == self.Status.PENDING:
            self.submitted_at = now
            changed.append("submitted_at")
        if target == self.Status.PUBLISHED:
            self.published_at = now
            self.rejection_reason = ""
            changed += ["published_at", "rejection_reason"]
        if target == self.Status.REJECTED:
            self.rejection_reason = reason
            changed.append("rejection_reason")
        if target in (self.Status.CLOSED, self.Status.EXPIRED):
            self.closed_at = now
            changed.append("closed_at")
        with transaction.atomic():
            self.save(update_fields=changed)
            JobStateChange.objects.create(
                job=self, action=action, from_status=previous, to_status=target, changed_by=by, reason=reason
            )
        job_state_changed.send(sender=JobListing, job=self, action=action, previous=previous, by=by)
        return self

    def submit(self, by=None):
        return self.transition("submit", by)

    def approve(self, by=None):
        return self.transition("approve", by)

    def reject(self, by, reason):
        if not reason.strip():
            raise InvalidTransition(_("Say why the listing is rejected, so the employer can fix it."))
        return self.transition("reject", by, reason)

    def redraft(self, by=None):
        return self.transition("redraft", by)

    def close(self, by=None):
        return self.transition("close", by)

    def expire(self):
        return self.transition("expire")

    def substance_changed(self, previous):
        """Whether an edit touched what reviewers approved (`previous` is the saved listing)."""
        return any(getattr(self, field) != getattr(previous, field) for field in self.SUBSTANCE_FIELDS)

    def renew(self, by=None):
        """A new draft copying this listing, its skills and certifications; dates left to fill."""
        with transaction.atomic():
            copy = JobListing.objects.get(pk=self.pk)
            copy.pk = None
            copy.status = self.Status.DRAFT
            copy.renewed_from = self
            copy.created_by = by
            copy.start_date = copy.closing_date = None
            copy.submitted_at = copy.published_at = copy.closed_at = None
            copy.rejection_reason = ""
            copy.save()
            JobSkill.objects.bulk_create(
                JobSkill(job=copy, skill_id=link.skill_id, required=link.required)
                for link in self.skill_links.all()
            )
            JobCertification.objects.bulk_create(
                JobCertification(job=copy, certification_id=link.certification_id, required=link.required)
                for link in self.certification_links.all()
            )
        return copy


ACTION_PAST = {
    "submit": _("submitted"),
    "approve": _("approved"),
    "reject": _("rejected"),
    "redraft": _("returned to draft"),
    "resubmit": _("sent back to review"),
    "close": _("closed"),
    "expire": _("expired"),
}


class InvalidTransition(Exception):
    pass


class JobSkill(models.Model):
    job = models.ForeignKey(JobListing, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="job_links")
    required = models.BooleanField(default=True, help_text=_("Required, or only preferred."))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "skill"], name="skill_once_per_job")]
        # Matching counts shared skills per job from the skill side.
        indexes = [models.Index(fields=["skill", "job", "required"], name="jobskill_skill_job_required")]

    def __str__(self):
        return f"{self.skill} ({'required' if self.required else 'preferred'})"


class JobCertification(models.Model):
    job = models.ForeignKey(JobListing, on_delete=models.CASCADE, related_name="certification_links")
    certification = models.ForeignKey(Certification, on_delete=models.CASCADE, related_name="job_links")
    required = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "certification"], name="certification_once_per_job")
        ]

    def __str__(self):
        return f"{self.certification} ({'required' if self.required else 'preferred'})"


class JobStateChange(models.Model):
    job = models.ForeignKey(JobListing, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(max_length=20)
    from_status = models.CharField(max_length=10, choices=JobListing.Status.choices)
    to_status = models.CharField(max_length=10, choices=JobListing.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.job}: {self.from_status} → {self.to_status}"


class JobReport(models.Model):
    """A member of the public reporting a listing; it reaches the moderation queue."""

    class Reason(models.TextChoices):
        DISCRIMINATORY = "discriminatory", _("It discourages people with convictions")
        MISLEADING = "misleading", _("It is misleading or a scam")
        FILLED = "filled", _("The job is no longer available")
        OTHER = "other", _("Something else")

    job = models.ForeignKey(JobListing, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.TextField(max_length=2000, blank=True)
    reporter_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.job}: {self.get_reason_display()}"
