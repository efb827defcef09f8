"""Volunteers and peer mentors: their screening, references, mentor requests, matches and sessions.

A volunteer's screening is one state machine (its statuses and steps in volunteers/screening.py,
the one transition `Volunteer.move_to` here): every change goes through `move_to`, which refuses an illegal step with a message staff can read and keeps
who, when, from, to and why in VolunteerStatusChange. Personal data (name, contact, lived
experience, references) is for campaign staff; after a match, the provider's coordinator sees the
mentor's name, e-mail, role and languages only. Nothing here records an offence or a conviction:
the lived experience is the person's own words, never required.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Graduate, ProgrammeProvider
from portal.audit import request_details
from portal.regions import region_name, validate_region
from taxonomy.classifications import LANGUAGE_NAMES
from taxonomy.models import Skill
from volunteers.screening import (
    BACKGROUND_CHECK_ROLES,
    MENTOR_ROLES,
    REFERENCES_NEEDED,
    STATUS_EXPLANATIONS,
    TRANSITIONS,
    Availability,
    Role,
    ScreeningRefused,
    Status,
)

REFERENCE_SALT = "volunteers.reference"
REFERENCE_LINK_MAX_AGE = datetime.timedelta(days=21)
CLAIM_SALT = "volunteers.claim"
CLAIM_LINK_MAX_AGE = datetime.timedelta(days=14)


def language_names(codes):
    return [str(LANGUAGE_NAMES.get(code, code)) for code in codes or []]


class VolunteerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Status.ACTIVE, erased_at__isnull=True)

    def in_screening(self):
        return self.filter(
            status__in=[Status.APPLIED, Status.REFERENCES_REQUESTED, Status.INTERVIEWED, Status.TRAINED]
        )

    def mentors(self):
        return self.active().filter(role__in=MENTOR_ROLES)


class Volunteer(models.Model):
    Role = Role
    Status = Status
    Availability = Availability

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer",
        verbose_name=_("account"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.APPLIED)
    full_name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    region = models.CharField(_("region"), max_length=10, validators=[validate_region])
    languages = models.JSONField(_("languages"), default=list, blank=True)
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="+", verbose_name=_("skills"))
    availability = models.JSONField(_("availability"), default=list, blank=True)
    availability_note = models.CharField(_("availability in your words"), max_length=300, blank=True)
    motivation = models.TextField(_("motivation"), max_length=2000)
    lived_experience = models.TextField(_("lived experience in your own words"), max_length=2000, blank=True)
    # The language the application was made in: e-mails before there is an account are in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    consented_at = models.DateTimeField(_("consented to the privacy notice at"))
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    interview_done = models.BooleanField(_("interview done"), default=False)
    training_done = models.BooleanField(_("training done"), default=False)
    background_check_done = models.BooleanField(_("background check done"), default=False)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        ordering = ["-applied_at"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        indexes = [models.Index(fields=["status", "role"])]

    def __str__(self):
        return self.full_name if not self.is_erased else _("Erased volunteer %(id)s") % {"id": self.pk}

    # The area gate (portal/areas.py) names the organisation a person acts for; a volunteer acts
    # for themselves.
    @property
    def volunteer(self):
        return self

    @property
    def volunteer_id(self):
        return self.pk

    @property
    def is_erased(self):
        return self.erased_at is not None

    @property
    def region_name(self):
        return region_name(self.region)

    def language_names(self):
        return language_names(self.languages)

    def availability_labels(self):
        labels = dict(Availability.choices)
        return [str(labels.get(value, value)) for value in self.availability or []]

    def status_explanation(self):
        return STATUS_EXPLANATIONS[self.status]

    # The checklist staff complete before a volunteer becomes active -----------------------------

    def references_needed(self):
        return REFERENCES_NEEDED[self.role]

    def needs_background_check(self):
        return self.role in BACKGROUND_CHECK_ROLES

    def checklist(self, references_received=None):
        """[(label, done)] for the volunteer's role, in the order staff work through it."""
        if references_received is None:
            references_received = self.references.filter(given_at__isnull=False).count()
        needed = self.references_needed()
        items = [
            (
                _("References received (%(received)d of %(needed)d)")
                % {"received": min(references_received, needed), "needed": needed},
                references_received >= needed,
            ),
            (_("Interview done"), self.interview_done),
            (_("Training done"), self.training_done),
        ]
        if self.needs_background_check():
            items.append((_("Background check (DBS) done"), self.background_check_done))
        return items

    def checklist_complete(self):
        return all(done for _label, done in self.checklist())

    # The screening ------------------------------------------------------------------------------

    def next_statuses(self):
        return TRANSITIONS[self.status]

    def move_to(self, status, by, reason=""):
        """The one way the status changes; raises ScreeningRefused for a step the screening forbids."""
        status = Status(status)
        if self.is_erased:
            raise ScreeningRefused(_("This volunteer's data was erased: the status no longer changes."))
        if status not in TRANSITIONS[self.status]:
            raise ScreeningRefused(
                _("A volunteer cannot go from “%(current)s” to “%(wanted)s”.")
                % {"current": Status(self.status).label, "wanted": status.label}
            )
        if status == Status.ACTIVE and not self.checklist_complete():
            missing = [str(label) for label, done in self.checklist() if not done]
            raise ScreeningRefused(
                _("Complete the checklist before making this volunteer active: %(missing)s.")
                % {"missing": ", ".join(missing)}
            )
        with transaction.atomic():
            previous = self.status
            self.status, self.status_changed_at = status, timezone.now()
            self.save(update_fields=["status", "status_changed_at"])
            VolunteerStatusChange.objects.create(
                volunteer=self, from_status=previous, to_status=status, changed_by=by, reason=reason
            )
            if status in (Status.ENDED, Status.DECLINED):
                # Mentoring a graduate ends with the volunteering.
                for mentorship in self.mentorships.current():
                    mentorship.end(Mentorship.Outcome.MENTOR_LEFT, "", by=by)
        return previous

    def erase(self, by, request=None):
        """Erase the person on request: name, contact, words, references and skills go; the status
        history stays without its reasons, matches and session logs stay without their notes."""
        with transaction.atomic():
            if self.status not in (Status.ENDED, Status.DECLINED):
                self.move_to(Status.ENDED, by=by)
            self.references.all().delete()
            self.skills.clear()
            self.status_history.update(reason="")
            MentoringSession.objects.filter(mentorship__volunteer=self).update(notes="")
            self.mentorships.update(outcome_note="")
            self.full_name, self.email, self.phone = "", "", ""
            self.other_languages = self.availability_note = self.motivation = self.lived_experience = ""
            self.languages, self.availability = [], []
            self.user = None
            self.erased_at = timezone.now()
            self.save()
            VolunteerDataAccess.objects.create(
                volunteer=self,
                user=by,
                action=VolunteerDataAccess.Action.ERASE,
                **(request_details(request) if request else {}),
            )

    def claim_token(self):
        return signing.dumps({"v": self.pk, "e": self.email}, salt=CLAIM_SALT)


class VolunteerStatusChange(models.Model):
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="status_history")
    from_status = models.CharField(_("from"), max_length=24, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=24, choices=Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("status change")

    def __str__(self):
        return f"{self.volunteer_id}: {self.from_status} → {self.to_status}"


class Reference(models.Model):
    """A referee's reference, given once through a signed, expiring link; read by staff only."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="references")
    referee_name = models.CharField(_("referee's name"), max_length=160)
    referee_email = models.EmailField(_("referee's e-mail address"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    known_for = models.CharField(
        _("how long and how the referee knows the volunteer"), max_length=300, blank=True
    )
    text = models.TextField(_("reference"), blank=True)
    given_at = models.DateTimeField(_("given at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("reference")

    def __str__(self):
        return _("Reference by %(name)s") % {"name": self.referee_name}

    def token(self):
        return signing.dumps({"r": self.pk}, salt=REFERENCE_SALT)

    @classmethod
    def from_token(cls, token):
        """The reference a link names; signing.SignatureExpired / BadSignature for a bad link."""
        data = signing.loads(token, salt=REFERENCE_SALT, max_age=REFERENCE_LINK_MAX_AGE)
        return cls.objects.select_related("volunteer").filter(pk=data.get("r")).first()

    def give(self, known_for, text):
        """Record the reference once: False when it was given already (the link works once)."""
        return bool(
            Reference.objects.filter(pk=self.pk, given_at__isnull=True).update(
                known_for=known_for, text=text, given_at=timezone.now()
            )
        )


class MentorRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=MentorRequest.Status.OPEN)


class MentorRequest(models.Model):
    """A provider asks for a mentor for one of its graduates, named by reference only."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MATCHED = "matched", _("Matched")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    provider = models.ForeignKey(
        ProgrammeProvider, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme provider")
    )
    graduate = models.ForeignKey(
        Graduate, on_delete=models.CASCADE, related_name="+", verbose_name=_("graduate")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    preferred_role = models.CharField(
        _("preferred role"), max_length=20, choices=[(r.value, r.label) for r in MENTOR_ROLES]
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    objects = MentorRequestQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("mentor request")
        verbose_name_plural = _("mentor requests")

    def __str__(self):
        return _("Mentor for %(reference)s") % {"reference": self.graduate.reference}

    def language_names(self):
        return language_names(self.languages)

    def match(self, volunteer, by):
        """Match an active mentor; refused (ScreeningRefused) unless both are still free to."""
        if self.status != self.Status.OPEN:
            raise ScreeningRefused(_("This request is no longer open."))
        if volunteer.status != Status.ACTIVE or volunteer.role not in MENTOR_ROLES or volunteer.is_erased:
            raise ScreeningRefused(_("Only an active mentor can be matched."))
        with transaction.atomic():
            claimed = MentorRequest.objects.filter(pk=self.pk, status=self.Status.OPEN).update(
                status=self.Status.MATCHED
            )
            if not claimed:
                raise ScreeningRefused(_("This request is no longer open."))
            self.status = self.Status.MATCHED
            return Mentorship.objects.create(request=self, volunteer=volunteer, matched_by=by)


class MentorshipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_at__isnull=True)


class Mentorship(models.Model):
    class Outcome(models.TextChoices):
        GOALS_MET = "goals-met", _("The graduate reached their goals")
        IN_WORK = "in-work", _("The graduate found work")
        GRADUATE_STOPPED = "graduate-stopped", _("The graduate stopped coming")
        MENTOR_LEFT = "mentor-left", _("The mentor could not continue")
        OTHER = "other", _("Something else")

    request = models.OneToOneField(MentorRequest, on_delete=models.CASCADE, related_name="mentorship")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="mentorships")
    matched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    matched_at = models.DateTimeField(_("matched at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.CharField(_("in a few words"), max_length=500, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-matched_at"]
        verbose_name = _("mentoring match")

    def __str__(self):
        return f"{self.volunteer_id} ↔ {self.request_id}"

    @property
    def is_current(self):
        return self.ended_at is None

    def end(self, outcome, note, by=None):
        """End the match once: False when it had ended already."""
        return bool(
            Mentorship.objects.filter(pk=self.pk, ended_at__isnull=True).update(
                ended_at=timezone.now(), outcome=outcome, outcome_note=note
            )
        )


class MentoringSession(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    notes = models.CharField(_("a few words"), max_length=500, blank=True)
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("mentoring session")

    def __str__(self):
        return f"{self.mentorship_id} {self.held_on}"


class VolunteerDataAccess(models.Model):
    """The audit log: who saw a volunteer's personal data, when and from which request."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        VIEW_CONTACT = "contact", _("Viewed the mentor's contact")
        ERASE = "erase", _("Erased")

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="data_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    path = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=10, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("access to a volunteer's data")

    def __str__(self):
        return f"{self.user_id} {self.action} {self.volunteer_id}"

    @classmethod
    def record(cls, request, volunteer, action=Action.VIEW):
        user = request.user if request.user.is_authenticated else None
        return cls.objects.create(volunteer=volunteer, user=user, action=action, **request_details(request))
