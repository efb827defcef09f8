from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from employers.signals import employer_status_changed
from portal.languages import localise_path
from portal.organisations import StatusChange, VerifiableOrganisation, VerifiableOrganisationQuerySet
from portal.regions import region_name, validate_region
from taxonomy.classifications import RecordCheckStage, SectorChoices, SizeBand


class EmployerQuerySet(VerifiableOrganisationQuerySet):
    pass


class Employer(VerifiableOrganisation):
    """An organisation that hires. Nothing of it is public until campaign staff verify it."""

    name = models.CharField(_("organisation name"), max_length=160)
    slug = models.SlugField(max_length=180, unique=True, editable=False)
    registration_number = models.CharField(
        _("legal registration number"),
        max_length=40,
        blank=True,
        help_text=_("For example a company or charity number. Optional."),
    )
    sector = models.CharField(_("sector"), max_length=1, choices=SectorChoices.choices)
    size_band = models.CharField(_("number of staff"), max_length=10, choices=SizeBand.choices)
    head_office_region = models.CharField(
        _("head office region"), max_length=10, validators=[validate_region]
    )
    regions_of_operation = models.JSONField(_("regions of operation"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.TextField(_("public description"), max_length=2000, blank=True)
    record_check_stage = models.CharField(
        _("when you ask about criminal records"),
        max_length=20,
        choices=RecordCheckStage.choices,
        default=RecordCheckStage.AFTER_OFFER,
    )
    # A verified organisation's new name or description waits here for staff; the current ones
    # stay public until approved (blank name / null description: that one is unchanged).
    proposed_name = models.CharField(max_length=160, blank=True, editable=False)
    proposed_description = models.TextField(max_length=2000, null=True, blank=True, editable=False)
    proposed_at = models.DateTimeField(null=True, blank=True, editable=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~models.Q(registration_number=""),
                name="unique_registration_number_when_given",
            )
        ]
        indexes = [
            models.Index(fields=["status", "sector"]),
            # The staff list shows the newest registrations first: 50 rows by index, not a sort of
            # every employer (issue 22).
            models.Index(fields=["-created_at"], name="employer_newest_first"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:170] or "employer"
        slug, n = base, 2
        while Employer.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def head_office_region_name(self):
        return region_name(self.head_office_region)

    def regions_of_operation_names(self):
        return [region_name(code) for code in self.regions_of_operation]

    def get_absolute_url(self):
        return localise_path(f"/employers/{self.slug}/")

    def owners(self):
        return self.memberships.filter(role=Membership.Role.OWNER)

    # Name and description of a verified organisation: reviewed by staff before they are public.
    REVIEWED_FIELDS = ("name", "description")

    @property
    def has_pending_details(self):
        return self.proposed_at is not None

    def propose_details(self, name, description, by):
        """Keep the public name and description; store what differs from them for review
        (nothing differing withdraws an earlier proposal). Returns whether anything waits."""
        self.proposed_name = name if name != self.name else ""
        self.proposed_description = description if description != self.description else None
        waiting = bool(self.proposed_name) or self.proposed_description is not None
        self.proposed_at, self.proposed_by = (timezone.now(), by) if waiting else (None, None)
        self.save(update_fields=["proposed_name", "proposed_description", "proposed_at", "proposed_by"])
        return waiting

    def approve_details(self):
        if self.proposed_name:
            self.name = self.proposed_name
        if self.proposed_description is not None:
            self.description = self.proposed_description
        self._clear_proposal(["name", "description"])

    def reject_details(self):
        self._clear_proposal([])

    def _clear_proposal(self, fields):
        self.proposed_name, self.proposed_description, self.proposed_at, self.proposed_by = (
            "",
            None,
            None,
            None,
        )
        self.save(
            update_fields=[*fields, "proposed_name", "proposed_description", "proposed_at", "proposed_by"]
        )

    def status_changed(self, previous):
        employer_status_changed.send(sender=Employer, employer=self, previous=previous)


class EmployerStatusChange(StatusChange):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="status_history")

    def __str__(self):
        return f"{self.employer}: {self.from_status} → {self.to_status}"


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "joined_at"]
        constraints = [models.UniqueConstraint(fields=["employer", "user"], name="one_membership_per_user")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.employer})"

    @property
    def is_owner(self):
        return self.role == self.Role.OWNER


class Invitation(models.Model):
    """An e-mailed, signed, single-use invitation to join an organisation, valid for 7 days."""

    SALT = "employers.invitation"
    MAX_AGE = 7 * 24 * 60 * 60

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Membership.Role.choices, default=Membership.Role.RECRUITER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.employer}"

    def token(self):
        return signing.dumps({"i": self.pk, "e": self.email}, salt=self.SALT)

    @classmethod
    def from_token(cls, token):
        """The invitation a link names, or None; raises signing.SignatureExpired after 7 days."""
        data = signing.loads(token, salt=cls.SALT, max_age=cls.MAX_AGE)
        return cls.objects.filter(pk=data.get("i"), email=data.get("e")).select_related("employer").first()

    @property
    def is_open(self):
        return self.accepted_at is None and timezone.now() - self.created_at < timezone.timedelta(
            seconds=self.MAX_AGE
        )
