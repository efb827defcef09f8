"""A job seeker's application to a job through the portal, and the steps it goes through.

The states live here, and only here: each step is a transition (the states it may start from,
the state it leads to), applied with one conditional UPDATE so that two people acting at once
cannot both move it, logged as an ApplicationStep, and announced by `application_changed`
(applications/emails.py tells the seeker, in their language).

What the seeker sends goes only to the organisation that posted the job: the application holds
which parts they chose (profile, CV, a cover note) and the views in the employer area show only
those, looked up within the employer acting.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.signals import application_changed
from matching.models import Hire
from seekers.models import JobSeeker
from taxonomy.classifications import RecordCheckStage


class RejectionReason(models.TextChoices):
    """Fixed, kind wordings an employer picks when it is not this time (shown to the seeker)."""

    OTHER_CANDIDATE = "other-candidate", _("We offered the job to another candidate.")
    EXPERIENCE = "experience", _("We were looking for more experience in this kind of work.")
    SKILLS = "skills", _("Some skills the job needs did not show in your application.")
    FILLED = "filled", _("The job has been filled or is no longer open.")
    AVAILABILITY = "availability", _("The hours or the start date did not fit.")


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        """Applications still in progress: not hired, not turned down, not withdrawn."""
        return self.exclude(status__in=Application.CLOSED_STATES)

    def unseen(self):
        return self.filter(status=Application.Status.SENT)

    def shortlisted(self):
        return self.filter(status=Application.Status.SHORTLISTED)

    def hired(self):
        return self.filter(status=Application.Status.HIRED)

    def to_employer(self, employer):
        """Applications to `employer`'s jobs: the only ones its members may ever see."""
        return self.filter(job__employer=employer)

    def of_seeker(self, seeker):
        return self.filter(seeker=seeker)


class Application(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        VIEWED = "viewed", _("Viewed by the employer")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        INTERVIEW = "interview", _("Invited to an interview")
        OFFER = "offer", _("Offered the job")
        HIRED = "hired", _("Hired")
        NOT_THIS_TIME = "not-this-time", _("Not this time")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    CLOSED_STATES = (Status.HIRED, Status.NOT_THIS_TIME, Status.WITHDRAWN)
    # action: (states it may start from, state it leads to)
    TRANSITIONS = {
        "view": ({Status.SENT}, Status.VIEWED),
        "shortlist": ({Status.SENT, Status.VIEWED}, Status.SHORTLISTED),
        # Inviting again moves the interview (a new date, place or link).
        "invite": ({Status.SENT, Status.VIEWED, Status.SHORTLISTED, Status.INTERVIEW}, Status.INTERVIEW),
        "offer": ({Status.VIEWED, Status.SHORTLISTED, Status.INTERVIEW}, Status.OFFER),
        "hire": ({Status.INTERVIEW, Status.OFFER}, Status.HIRED),
        "turn_down": (
            {Status.SENT, Status.VIEWED, Status.SHORTLISTED, Status.INTERVIEW, Status.OFFER},
            Status.NOT_THIS_TIME,
        ),
        "withdraw": (
            {Status.SENT, Status.VIEWED, Status.SHORTLISTED, Status.INTERVIEW, Status.OFFER},
            Status.WITHDRAWN,
        ),
    }

    job = models.ForeignKey(
        "jobs.JobListing", on_delete=models.CASCADE, related_name="applications", verbose_name=_("job")
    )
    seeker = models.ForeignKey(
        "seekers.JobSeeker",
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("job seeker"),
    )
    shares_profile = models.BooleanField(_("send my profile"), default=True)
    shares_cv = models.BooleanField(_("send my CV"), default=False)
    cover_note = models.TextField(_("cover note"), max_length=3000, blank=True)
    # What the employer said about record checks when the seeker applied: what they were shown.
    record_check_stage = models.CharField(
        _("when the employer asks about criminal records"),
        max_length=20,
        choices=RecordCheckStage.choices,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.SENT)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    viewed_at = models.DateTimeField(_("first viewed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)
    rejection_reason = models.CharField(
        _("reason"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    employer_message = models.TextField(_("message from the employer"), max_length=2000, blank=True)
    interview_at = models.DateTimeField(_("interview date and time"), null=True, blank=True)
    interview_place = models.CharField(_("interview place"), max_length=200, blank=True)
    interview_link = models.URLField(_("video call link"), blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["job", "seeker"], name="one_application_per_job_and_seeker")
        ]

    def __str__(self):
        return f"{self.seeker.reference} → {self.job} ({self.get_status_display()})"

    @property
    def is_open(self):
        return self.status not in self.CLOSED_STATES

    def can(self, action):
        sources, _target = self.TRANSITIONS[action]
        return self.status in sources

    def transition(self, action, by=None, **details):
        """Move to the state `action` leads to if the application is (still) in one it may start
        from; False if it is not (another member acted first). `details` are fields to set with it
        (the interview, the reason, the message)."""
        sources, target = self.TRANSITIONS[action]
        now = timezone.now()
        fields = {"status": target, "updated_at": now, **details}
        if action == "view":
            fields["viewed_at"] = now
        with transaction.atomic():
            moved = Application.objects.filter(pk=self.pk, status__in=sources).update(**fields)
            if not moved:
                self.refresh_from_db()
                return False
            ApplicationStep.objects.create(application=self, status=target, by=by, at=now)
        previous = self.status
        for name, value in fields.items():
            setattr(self, name, value)
        application_changed.send(sender=Application, application=self, action=action, previous=previous)
        return True

    def mark_viewed(self, by):
        """The first time a member opens it: the seeker is told it was read."""
        return self.status == self.Status.SENT and self.transition("view", by)

    def shortlist(self, by):
        return self.transition("shortlist", by)

    def invite(self, by, when, place="", link="", message=""):
        return self.transition(
            "invite",
            by,
            interview_at=when,
            interview_place=place,
            interview_link=link,
            employer_message=message,
        )

    def offer(self, by, message=""):
        return self.transition("offer", by, employer_message=message)

    def turn_down(self, by, reason, message=""):
        return self.transition("turn_down", by, rejection_reason=reason, employer_message=message)

    def withdraw(self, by):
        return self.transition("withdraw", by)

    def record_hire(self, by, start_date, hours_per_week):
        """Hired: the same Hire as an introduction's (retention checks at 3, 6 and 12 months,
        incentive deadlines, the figures), and the seeker is placed. None if it cannot be (not at
        interview or offer, or someone recorded it first)."""
        from_status = self.status
        try:
            with transaction.atomic():
                if not self.transition("hire", by):
                    return None
                hire = Hire.objects.create(
                    application=self,
                    job=self.job,
                    employer_id=self.job.employer_id,
                    start_date=start_date,
                    hours_per_week=hours_per_week,
                    recorded_by=by,
                )
                JobSeeker.objects.filter(pk=self.seeker_id).update(status=JobSeeker.Status.PLACED)
        except IntegrityError:
            self.status = from_status
            return None
        return hire


class ApplicationStep(models.Model):
    """Each state an application reached, when, and who moved it (the seeker sees the dates)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=15, choices=Application.Status.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("application step")
        verbose_name_plural = _("application steps")

    def __str__(self):
        return f"{self.application_id}: {self.status} at {self.at:%Y-%m-%d %H:%M}"


def erase_applications_of(seeker):
    """The seeker erased their profile: open applications are withdrawn and what they wrote goes;
    the applications stay as counts (and hires as hires)."""
    now = timezone.now()
    applications = Application.objects.filter(seeker=seeker)
    applications.exclude(status__in=Application.CLOSED_STATES).update(
        status=Application.Status.WITHDRAWN, updated_at=now
    )
    applications.update(cover_note="", shares_profile=False, shares_cv=False)
