"""The screening of volunteers, written once: the roles, the statuses, where each status may go
next (TRANSITIONS), what the volunteer reads about each, and what each role needs before it is
active. Volunteer.move_to (volunteers/models.py) is the one transition, and refuses any step not
listed here with ScreeningRefused."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PEER_MENTOR = "peer-mentor", _("Peer mentor with lived experience")
    EMPLOYMENT_MENTOR = "employment-mentor", _("Employment mentor from business")
    BEFRIENDER = "befriender", _("Befriender")
    EVENT_VOLUNTEER = "event-volunteer", _("Event volunteer")


MENTOR_ROLES = (Role.PEER_MENTOR, Role.EMPLOYMENT_MENTOR, Role.BEFRIENDER)
# Roles that meet people one to one need a background check before they are active.
BACKGROUND_CHECK_ROLES = MENTOR_ROLES
REFERENCES_NEEDED = {
    Role.PEER_MENTOR: 2,
    Role.EMPLOYMENT_MENTOR: 2,
    Role.BEFRIENDER: 2,
    Role.EVENT_VOLUNTEER: 1,
}


class Availability(models.TextChoices):
    WEEKDAY_DAYTIME = "weekday-daytime", _("Weekday daytime")
    WEEKDAY_EVENINGS = "weekday-evenings", _("Weekday evenings")
    WEEKENDS = "weekends", _("Weekends")
    FLEXIBLE = "flexible", _("Flexible")


class Status(models.TextChoices):
    APPLIED = "applied", _("Applied")
    REFERENCES_REQUESTED = "references-requested", _("References requested")
    INTERVIEWED = "interviewed", _("Interviewed")
    TRAINED = "trained", _("Trained")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")
    DECLINED = "declined", _("Declined")


# The screening, written once: from each status, where it may go next.
TRANSITIONS = {
    Status.APPLIED: (Status.REFERENCES_REQUESTED, Status.DECLINED, Status.ENDED),
    Status.REFERENCES_REQUESTED: (Status.INTERVIEWED, Status.DECLINED, Status.ENDED),
    Status.INTERVIEWED: (Status.TRAINED, Status.DECLINED, Status.ENDED),
    Status.TRAINED: (Status.ACTIVE, Status.ENDED),
    Status.ACTIVE: (Status.PAUSED, Status.ENDED),
    Status.PAUSED: (Status.ACTIVE, Status.ENDED),
    Status.ENDED: (),
    Status.DECLINED: (),
}

# What the volunteer reads about each status in their area, in plain words.
STATUS_EXPLANATIONS = {
    Status.APPLIED: _("We have your application and will be in touch about the next steps."),
    Status.REFERENCES_REQUESTED: _("We have asked your referees for a reference."),
    Status.INTERVIEWED: _("You have had your interview. Training comes next."),
    Status.TRAINED: _("You have finished your training. We are completing the last checks."),
    Status.ACTIVE: _("You are an active volunteer and may be matched."),
    Status.PAUSED: _("Your volunteering is paused: you will not be matched until it resumes."),
    Status.ENDED: _("Your volunteering has ended. Thank you for your time."),
    Status.DECLINED: _("We could not take your application further this time."),
}


class ScreeningRefused(Exception):
    """An illegal step of the screening: the message says why, nothing changed."""
