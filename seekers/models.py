"""Job seekers in their own right: the profile tied to an account, work history, a private CV,
links to a programme provider, introductions employers ask for, and the audit of every view.

Like graduates, a job seeker is known to employers by a reference code until they accept an
introduction (or, with the applications app, apply). There is no field for an offence, a
sentence or a conviction anywhere here, and there must never be one.
"""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.audit import request_details
from portal.regions import region_name
from seekers.storage import cv_path, private_storage
from taxonomy.classifications import LANGUAGE_NAMES
from taxonomy.models import Certification, Skill

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_seeker_reference():
    """A random, non-guessable code such as S-7KQ3-M9XZ: what employers call a seeker they may not name."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"S-{chars[:4]}-{chars[4:]}"


class JobSeekerQuerySet(models.QuerySet):
    def active(self):
        """Not erased (an erased profile keeps only its reference, for the counts)."""
        return self.filter(erased_at__isnull=True)

    def seeking(self):
        return self.active().filter(status=JobSeeker.Status.SEEKING)

    def findable(self):
        """Seeking work and opted in to being found by employers (anonymised)."""
        return self.seeking().filter(findable=True)


class JobSeeker(models.Model):
    """A person looking for work, with an account of their own. The person owns every field here."""

    class Status(models.TextChoices):
        SEEKING = "seeking", _("Seeking work")
        PLACED = "placed", _("In work")
        NOT_SEEKING = "not-seeking", _("Not seeking work")

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="job_seeker",
        verbose_name=_("account"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SEEKING)
    findable = models.BooleanField(
        _("employers may find my profile"),
        default=False,
        help_text=_(
            "Employers then see your skills and preferences under a reference code, never your name, "
            "and may ask you for an introduction, which you accept or decline."
        ),
    )
    skills = models.ManyToManyField(Skill, blank=True, related_name="job_seekers", verbose_name=_("skills"))
    certifications = models.ManyToManyField(
        Certification, blank=True, related_name="job_seekers", verbose_name=_("certifications")
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours a week"),
        null=True,
        blank=True,
        help_text=_("The most hours a week you can work. Leave empty if any hours suit you."),
    )
    preferred_regions = models.JSONField(_("preferred regions"), default=list, blank=True)
    willing_to_travel = models.BooleanField(_("willing to travel to neighbouring regions"), default=False)
    willing_to_relocate = models.BooleanField(_("willing to relocate"), default=False)
    wants_remote = models.BooleanField(_("open to remote work"), default=False)
    preferred_sectors = models.JSONField(_("preferred sectors"), default=list, blank=True)
    preferred_employment_types = models.JSONField(
        _("preferred types of employment"), default=list, blank=True
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    personal_statement = models.TextField(
        _("personal statement"),
        blank=True,
        max_length=1500,
        help_text=_("In your own words. Shown only to employers whose introduction you accepted."),
    )
    # The CV: a file in the private storage (seekers/storage.py), its checked type and the name
    # the person gave it. Read only through seekers.views.cv, which checks access and audits.
    cv = models.FileField(_("CV"), storage=private_storage, upload_to=cv_path, blank=True, max_length=200)
    cv_content_type = models.CharField(max_length=100, blank=True, editable=False)
    cv_original_name = models.CharField(max_length=200, blank=True, editable=False)
    cv_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = JobSeekerQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        verbose_name = _("job seeker")
        indexes = [models.Index(fields=["status", "findable"])]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_seeker_reference()
            while JobSeeker.objects.filter(reference=self.reference).exists():
                self.reference = new_seeker_reference()
        super().save(*args, **kwargs)

    # What the area gate (portal.areas) asks of a row: a person's own profile is their row, the
    # "organisation" they act for, with one role.
    role = "seeker"

    @property
    def seeker(self):
        return self

    @property
    def seeker_id(self):
        return self.pk

    @property
    def is_erased(self):
        return self.erased_at is not None

    @property
    def has_cv(self):
        return bool(self.cv)

    @property
    def preferred_region_names(self):
        return [region_name(code) for code in self.preferred_regions or [] if code]

    @property
    def language_names(self):
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages or []]

    def replace_cv(self, upload, content_type):
        """Keep `upload` (already checked by seekers.cvs) as the CV, removing the previous file."""
        old = self.cv.name if self.cv else ""
        self.cv_original_name = (upload.name or "")[:200]
        self.cv_content_type = content_type
        self.cv_uploaded_at = timezone.now()
        self.cv.save(upload.name, upload, save=False)
        self.save(update_fields=["cv", "cv_content_type", "cv_original_name", "cv_uploaded_at", "updated_at"])
        if old and old != self.cv.name:
            self.cv.storage.delete(old)

    def remove_cv(self):
        if self.cv:
            self.cv.delete(save=False)
        self.cv = ""
        self.cv_content_type = self.cv_original_name = ""
        self.cv_uploaded_at = None
        self.save(update_fields=["cv", "cv_content_type", "cv_original_name", "cv_uploaded_at", "updated_at"])

    def erase(self, request=None):
        """Erase the person (they deleted their account): profile, free text, work history, the CV
        file and every link go; the reference, the audit trail and answered introductions (as
        counts, without messages) stay."""
        with transaction.atomic():
            if self.cv:
                self.cv.delete(save=False)
            self.cv = ""
            self.cv_content_type = self.cv_original_name = ""
            self.cv_uploaded_at = None
            self.work_history.all().delete()
            self.provider_links.all().delete()
            self.skills.clear()
            self.certifications.clear()
            self.introductions.filter(status=SeekerIntroduction.Status.REQUESTED).update(
                status=SeekerIntroduction.Status.WITHDRAWN, answered_at=timezone.now()
            )
            self.introductions.update(message="")
            self.personal_statement = ""
            self.available_from, self.hours_per_week = None, None
            self.preferred_regions, self.preferred_sectors, self.preferred_employment_types = [], [], []
            self.languages = []
            self.willing_to_travel = self.willing_to_relocate = self.wants_remote = self.findable = False
            self.status = self.Status.NOT_SEEKING
            self.user = None
            self.erased_at = timezone.now()
            self.save()
            SeekerDataAccess.objects.create(
                seeker=self,
                action=SeekerDataAccess.Action.ERASE,
                **(request_details(request) if request else {}),
            )


class WorkHistoryEntry(models.Model):
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="work_history")
    role = models.CharField(_("role"), max_length=120)
    employer_name = models.CharField(_("employer"), max_length=160)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(
        _("to"), null=True, blank=True, help_text=_("Leave empty if you still work there.")
    )

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("work history entry")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="work_history_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.role} ({self.started_on:%Y})"


class ProviderLinkQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=ProviderLink.Status.REQUESTED)

    def confirmed(self):
        return self.filter(status=ProviderLink.Status.CONFIRMED)


class ProviderLink(models.Model):
    """A seeker asks a programme provider that knows them to support their applications; the
    provider's coordinators confirm. Once confirmed the provider's staff may see the profile."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the provider")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="provider_links")
    provider = models.ForeignKey(
        "partners.ProgrammeProvider", on_delete=models.CASCADE, related_name="seeker_links"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ProviderLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("link to a programme provider")
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "provider"],
                condition=Q(status__in=["requested", "confirmed"]),
                name="one_live_link_per_seeker_and_provider",
            )
        ]

    def __str__(self):
        return f"{self.seeker} → {self.provider} ({self.status})"

    def _answer(self, status, by, from_statuses=("requested",)):
        changed = ProviderLink.objects.filter(pk=self.pk, status__in=from_statuses).update(
            status=status, answered_at=timezone.now(), answered_by=by
        )
        self.refresh_from_db()
        return bool(changed)

    def confirm(self, by):
        return self._answer(self.Status.CONFIRMED, by)

    def decline(self, by):
        return self._answer(self.Status.DECLINED, by)

    def end(self, by):
        """Either side ends a link (waiting or confirmed); the provider no longer sees the profile."""
        return self._answer(self.Status.ENDED, by, from_statuses=("requested", "confirmed"))


class SeekerIntroductionQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=SeekerIntroduction.Status.REQUESTED)

    def accepted(self):
        return self.filter(status=SeekerIntroduction.Status.ACCEPTED)


class SeekerIntroduction(models.Model):
    """An employer asks to meet a findable seeker about a job; the seeker accepts or declines.
    Accepting shows the employer the seeker's profile (statement, work history, CV)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    job = models.ForeignKey("jobs.JobListing", on_delete=models.CASCADE, related_name="seeker_introductions")
    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="introductions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = SeekerIntroductionQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("introduction to a job seeker")
        constraints = [
            models.UniqueConstraint(
                fields=["job", "seeker"],
                condition=Q(status__in=["requested", "accepted"]),
                name="one_live_introduction_per_job_and_seeker",
            )
        ]

    def __str__(self):
        return f"{self.job_id} ↔ {self.seeker} ({self.status})"

    def _answer(self, status):
        changed = SeekerIntroduction.objects.filter(pk=self.pk, status=self.Status.REQUESTED).update(
            status=status, answered_at=timezone.now()
        )
        self.refresh_from_db()
        return bool(changed)

    def accept(self):
        return self._answer(self.Status.ACCEPTED)

    def decline(self):
        return self._answer(self.Status.DECLINED)


class SeekerDataAccess(models.Model):
    """The audit log: who saw a seeker's profile or CV (other than the seeker), when, for which
    organisation and from which request."""

    class Action(models.TextChoices):
        VIEW_PROFILE = "profile", _("Viewed the profile")
        VIEW_CV = "cv", _("Downloaded the CV")
        ERASE = "erase", _("Erased")

    seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="data_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    employer = models.ForeignKey(
        "employers.Employer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    provider = models.ForeignKey(
        "partners.ProgrammeProvider", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    path = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=10, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("access to a job seeker's data")

    def __str__(self):
        return f"{self.user_id} {self.action} {self.seeker_id}"

    @classmethod
    def record(cls, request, seeker, action, employer=None, provider=None):
        user = request.user if request.user.is_authenticated else None
        return cls.objects.create(
            seeker=seeker,
            user=user,
            action=action,
            employer=employer,
            provider=provider,
            **request_details(request),
        )


def seeker_of(user):
    """The job seeker profile of this account, or None (also for anonymous and erased)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return JobSeeker.objects.active().filter(user=user).first()
