"""Programme providers, their programmes and graduates, consent, and the audit of personal data.

The portal stores that a person completed a programme, never what offence they committed:
there is no field for offence, sentence or conviction anywhere, and there must never be one.
"""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from partners.signals import graduate_matching_changed
from portal import page_cache
from portal.audit import request_details
from portal.organisations import StatusChange, VerifiableOrganisation, VerifiableOrganisationQuerySet
from portal.regions import region_name, validate_region
from taxonomy.classifications import SectorChoices
from taxonomy.models import Certification, Skill

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_graduate_reference():
    """A random, non-guessable code such as G-7KQ3-M9XZ (32**8 possibilities)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"G-{chars[:4]}-{chars[4:]}"


class ProgrammeProvider(VerifiableOrganisation):
    class Kind(models.TextChoices):
        PRISON = "prison", _("Prison")
        PROBATION = "probation", _("Probation service")
        NGO = "ngo", _("Charity or NGO")
        TRAINING = "training", _("Training provider")

    name = models.CharField(max_length=160)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    region = models.CharField(max_length=10, validators=[validate_region])

    objects = VerifiableOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def region_name(self):
        return region_name(self.region)


class ProviderStatusChange(StatusChange):
    provider = models.ForeignKey(ProgrammeProvider, on_delete=models.CASCADE, related_name="status_history")


class ProviderStaff(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        CASE_WORKER = "case-worker", _("Case worker")

    provider = models.ForeignKey(ProgrammeProvider, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_roles"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.CASE_WORKER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "user"], name="one_staff_role_per_provider")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.provider})"


class Programme(models.Model):
    class Kind(models.TextChoices):
        VOCATIONAL = "vocational", _("Vocational training")
        EDUCATION = "education", _("Education")
        WORK = "work", _("Work programme")
        CBT = "cognitive-behavioural", _("Cognitive-behavioural programme")
        PEER_MENTORING = "peer-mentoring", _("Peer mentoring")

    provider = models.ForeignKey(ProgrammeProvider, on_delete=models.CASCADE, related_name="programmes")
    name = models.CharField(max_length=160)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    sector = models.CharField(max_length=1, choices=SectorChoices.choices, blank=True)
    skills_taught = models.ManyToManyField(Skill, blank=True, related_name="programmes")
    certifications_awarded = models.ManyToManyField(Certification, blank=True, related_name="programmes")
    region = models.CharField(max_length=10, validators=[validate_region])
    duration_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    gender_responsive = models.BooleanField(
        default=False, help_text=_("Designed for women, e.g. women's construction training.")
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


# A graduate's work restriction → the job requirement it clashes with (matching's hard filter).
RESTRICTION_CLASHES = {
    "no_vulnerable_work": "works_with_vulnerable_people",
    "no_driving": "requires_driving",
    "no_cash_handling": "handles_cash",
    "no_night_shifts": "night_shifts",
    "no_security_clearance": "requires_security_clearance",
}


class GraduateQuerySet(models.QuerySet):
    def matchable(self):
        """Seeking work, with a current matching consent, recorded by a verified provider."""
        # Exists, not a join: a graduate with no consent row at all must not slip through.
        consenting = MatchingConsent.objects.filter(graduate=models.OuterRef("pk"), withdrawn_at__isnull=True)
        return self.filter(
            models.Exists(consenting),
            status=Graduate.Status.SEEKING,
            provider__status=ProgrammeProvider.Status.VERIFIED,
        )


class Graduate(models.Model):
    """What other parties may ever see of a person: a reference code, skills and preferences."""

    class Status(models.TextChoices):
        SEEKING = "seeking", _("Seeking work")
        PLACED = "placed", _("Placed")
        NOT_SEEKING = "not-seeking", _("Not seeking work")

    reference = models.CharField(max_length=12, unique=True, editable=False)
    provider = models.ForeignKey(ProgrammeProvider, on_delete=models.PROTECT, related_name="graduates")
    programmes = models.ManyToManyField(Programme, through="GraduateProgramme", related_name="graduates")
    extra_skills = models.ManyToManyField(
        Skill, blank=True, related_name="+", help_text=_("Besides those taught.")
    )
    certifications = models.ManyToManyField(Certification, blank=True, related_name="graduates")
    available_from = models.DateField(null=True, blank=True)
    preferred_regions = models.JSONField(default=list, blank=True)
    willing_to_travel = models.BooleanField(default=False, help_text=_("To neighbouring regions."))
    willing_to_relocate = models.BooleanField(default=False)
    wants_remote = models.BooleanField(_("open to remote work"), default=False)
    preferred_sectors = models.JSONField(default=list, blank=True)
    preferred_employment_types = models.JSONField(default=list, blank=True)
    no_vulnerable_work = models.BooleanField(_("no work with children or vulnerable adults"), default=False)
    no_driving = models.BooleanField(_("no driving"), default=False)
    no_cash_handling = models.BooleanField(_("no cash handling"), default=False)
    no_night_shifts = models.BooleanField(_("curfew: no night shifts"), default=False)
    no_security_clearance = models.BooleanField(_("cannot obtain security clearance"), default=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SEEKING)
    personal_statement = models.TextField(
        blank=True,
        max_length=1500,
        help_text=_(
            "In the graduate's own words, recorded with consent; shown only after an accepted introduction."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Erasure (on request, or by `manage.py enforce_retention`): the reference, programmes
    # completed, hires and the audit trail stay; everything about the person goes.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    retention_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = GraduateQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        indexes = [models.Index(fields=["status", "provider"])]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_graduate_reference()
            while Graduate.objects.filter(reference=self.reference).exists():
                self.reference = new_graduate_reference()
        super().save(*args, **kwargs)

    def restrictions(self):
        return [field for field in RESTRICTION_CLASHES if getattr(self, field)]

    def restriction_labels(self):
        """The restrictions in words ("no work with children or vulnerable adults"), not field names."""
        return [str(self._meta.get_field(field).verbose_name) for field in self.restrictions()]

    @property
    def preferred_region_names(self):
        """Preferred regions by name ("Leeds"), never the ISO code ("GB-LDS")."""
        return [region_name(code) for code in self.preferred_regions or [] if code]

    def current_consent(self):
        return self.consents.filter(withdrawn_at__isnull=True).order_by("-given_on").first()

    def all_skill_ids(self):
        """Skills taught by completed programmes, plus those staff added."""
        taught = Skill.objects.filter(programmes__graduates=self).values_list("pk", flat=True)
        return set(taught) | set(self.extra_skills.values_list("pk", flat=True))

    def withdraw_consent(self, by):
        """Withdrawal takes the graduate out of every match list at once."""
        with transaction.atomic():
            self.consents.filter(withdrawn_at__isnull=True).update(
                withdrawn_at=timezone.now(), withdrawn_by=by
            )
        graduate_matching_changed.send(sender=Graduate, graduate=self)

    @property
    def is_erased(self):
        return self.erased_at is not None

    def erase(self, by=None, request=None):
        """Erase the person: personal data, consent records, free text, preferences and restrictions.

        Kept: the reference, the programmes completed, hires and retention answers (the aggregate
        outcome counts) and the audit trail, which gains an entry saying who erased the record
        (nobody: the retention rules). Introductions are withdrawn and lose their released contact
        and messages; the graduate leaves matching and the search index at once.
        """
        introductions = self.introductions.model
        with transaction.atomic():
            GraduatePersonalData.objects.filter(graduate=self).delete()
            self.consents.all().delete()
            # Waiting requests end as withdrawn; accepted ones stay accepted (an outcome counted in
            # the figures) and the employer's page shows them withdrawn, without the contact.
            self.introductions.filter(status=introductions.Status.REQUESTED).update(
                status=introductions.Status.WITHDRAWN, answered_at=timezone.now()
            )
            self.introductions.update(message="", released_contact="")
            page_cache.forget_pages()  # introductions withdrawn: the impact figures count them
            self.extra_skills.clear()
            self.certifications.clear()
            self.personal_statement = ""
            self.available_from = None
            self.preferred_regions, self.preferred_sectors, self.preferred_employment_types = [], [], []
            for field in ("willing_to_travel", "willing_to_relocate", "wants_remote", *RESTRICTION_CLASHES):
                setattr(self, field, False)
            self.status = self.Status.NOT_SEEKING
            self.erased_at, self.erased_by, self.retention_notice_sent_at = timezone.now(), by, None
            self.save()
            if request is not None:
                PersonalDataAccess.record(request, self, PersonalDataAccess.Action.ERASE)
            else:
                PersonalDataAccess.objects.create(
                    graduate=self, user=by, action=PersonalDataAccess.Action.ERASE, path="enforce_retention"
                )
        graduate_matching_changed.send(sender=Graduate, graduate=self)


class GraduateProgramme(models.Model):
    graduate = models.ForeignKey(Graduate, on_delete=models.CASCADE, related_name="completions")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField()

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(fields=["graduate", "programme"], name="programme_once_per_graduate")
        ]

    def __str__(self):
        return f"{self.graduate}: {self.programme}"


class GraduatePersonalData(models.Model):
    """Name, contact details and notes: reachable only through the partner area, every access audited."""

    graduate = models.OneToOneField(Graduate, on_delete=models.CASCADE, related_name="personal_data")
    full_name = models.CharField(max_length=160)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)

    def __str__(self):
        return _("Personal data of %(graduate)s") % {"graduate": self.graduate_id}


class MatchingConsent(models.Model):
    class Method(models.TextChoices):
        SIGNED_FORM = "signed-form", _("Signed form")
        VERBAL = "verbal", _("Verbal, witnessed by staff")
        ELECTRONIC = "electronic", _("Electronic")

    graduate = models.ForeignKey(Graduate, on_delete=models.CASCADE, related_name="consents")
    given_on = models.DateField()
    method = models.CharField(max_length=12, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-given_on"]

    def __str__(self):
        return _("Consent of %(graduate)s (%(day)s)") % {
            "graduate": self.graduate_id,
            "day": date_format(self.given_on),
        }


class PersonalDataAccess(models.Model):
    """The audit log: who saw or exported whose personal data, when, and from which request."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        EDIT = "edit", _("Edited")
        EXPORT = "export", _("Exported")
        RELEASE = "release", _("Released to an employer")
        ERASE = "erase", _("Erased")

    graduate = models.ForeignKey(Graduate, on_delete=models.CASCADE, related_name="personal_data_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=10, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.user_id} {self.action} {self.graduate_id} at {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, request, graduate, action):
        return cls.objects.create(
            graduate=graduate,
            user=request.user if request.user.is_authenticated else None,
            action=action,
            **request_details(request),
        )
