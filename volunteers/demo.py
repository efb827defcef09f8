"""Demo volunteers: one in each state of the screening, with references and history, an open
mentor request, and the login volunteer@example.org: an active peer mentor matched to a graduate
of the first demo provider, with a logged session.

Every person here is made up: e-mail addresses end in example.invalid (the demo login's aside).
"""

import datetime

from django.utils import timezone

from partners.demo import FIRST_PROVIDER, SECOND_PROVIDER
from partners.models import Graduate, ProgrammeProvider
from volunteers.models import (
    MentoringSession,
    MentorRequest,
    Reference,
    Role,
    Status,
    Volunteer,
)

ROLES = {"volunteer@example.org": "active peer mentor, matched to a graduate, with a logged session"}

# The path through the screening to each state (every step kept in the history).
PATHS = {
    Status.APPLIED: [],
    Status.REFERENCES_REQUESTED: [Status.REFERENCES_REQUESTED],
    Status.INTERVIEWED: [Status.REFERENCES_REQUESTED, Status.INTERVIEWED],
    Status.TRAINED: [Status.REFERENCES_REQUESTED, Status.INTERVIEWED, Status.TRAINED],
    Status.ACTIVE: [Status.REFERENCES_REQUESTED, Status.INTERVIEWED, Status.TRAINED, Status.ACTIVE],
    Status.PAUSED: [
        Status.REFERENCES_REQUESTED,
        Status.INTERVIEWED,
        Status.TRAINED,
        Status.ACTIVE,
        Status.PAUSED,
    ],
    Status.ENDED: [Status.REFERENCES_REQUESTED, Status.ENDED],
    Status.DECLINED: [Status.REFERENCES_REQUESTED, Status.INTERVIEWED, Status.DECLINED],
}

# (name, role, status, region, languages)
VOLUNTEERS = [
    ("Sam Applewood", Role.PEER_MENTOR, Status.APPLIED, "GB-MAN", ["en"]),
    ("Robin Refford", Role.BEFRIENDER, Status.REFERENCES_REQUESTED, "GB-LDS", ["en", "pl"]),
    ("Ines Interview", Role.EMPLOYMENT_MENTOR, Status.INTERVIEWED, "GB-MAN", ["en", "es"]),
    ("Tariq Trained", Role.PEER_MENTOR, Status.TRAINED, "GB-BIR", ["en", "ar", "ur"]),
    ("Amara Active", Role.EMPLOYMENT_MENTOR, Status.ACTIVE, "GB-MAN", ["en", "fr"]),
    ("Eve Events", Role.EVENT_VOLUNTEER, Status.ACTIVE, "GB-MAN", ["en"]),
    ("Pia Paused", Role.BEFRIENDER, Status.PAUSED, "GB-SLF", ["en"]),
    ("Ed Ended", Role.PEER_MENTOR, Status.ENDED, "GB-LDS", ["en"]),
    ("Dee Declined", Role.BEFRIENDER, Status.DECLINED, "GB-MAN", ["en"]),
]


def _volunteer(name, role, status, region, languages, moderator, user=None, email=None):
    volunteer = Volunteer.objects.create(
        user=user,
        role=role,
        full_name=name,
        email=email or f"{name.split()[0].lower()}@volunteers.example.invalid",
        region=region,
        languages=languages,
        availability=["weekday-evenings", "weekends"],
        motivation="Someone gave me a chance once; I would like to do the same.",
        lived_experience="I know how hard the first months are." if role == Role.PEER_MENTOR else "",
        consented_at=timezone.now(),
        language="en",
    )
    path = PATHS[status]
    if Status.REFERENCES_REQUESTED in path:
        for number in (1, 2):
            reference = Reference.objects.create(
                volunteer=volunteer,
                referee_name=f"Referee {number} of {name}",
                referee_email=f"referee{number}.{volunteer.pk}@volunteers.example.invalid",
                requested_by=moderator,
            )
            if Status.INTERVIEWED in path:
                reference.give("Worked together for five years.", "Reliable, patient and kind. (demo)")
    if Status.ACTIVE in path:
        volunteer.interview_done = volunteer.training_done = volunteer.background_check_done = True
        volunteer.save()
    for step in path:
        volunteer.move_to(step, by=moderator, reason="Demo screening.")
    return volunteer


def load(site):
    """Create the demo volunteers once (after the demo providers and graduates)."""
    if Volunteer.objects.exists():
        return
    moderator = site.users.get("moderator@example.org")
    for name, role, status, region, languages in VOLUNTEERS:
        _volunteer(name, role, status, region, languages, moderator)
    mentor = _volunteer(
        "Val Volunteer",
        Role.PEER_MENTOR,
        Status.ACTIVE,
        "GB-MAN",
        ["en", "fr"],
        moderator,
        user=site.users.get("volunteer@example.org"),
        email="volunteer@example.org",
    )
    first = ProgrammeProvider.objects.filter(name=FIRST_PROVIDER).first()
    second = ProgrammeProvider.objects.filter(name=SECOND_PROVIDER).first()
    if first is None or second is None:
        return
    coordinator = site.users.get("partner@example.org")
    graduates = Graduate.objects.matchable().filter(provider=first).order_by("pk")
    matched = MentorRequest.objects.create(
        provider=first,
        graduate=graduates.first(),
        requested_by=coordinator,
        preferred_role=Role.PEER_MENTOR,
        languages=["en"],
        note="Confidence before interviews.",
    )
    mentorship = matched.match(mentor, by=moderator)
    MentoringSession.objects.create(
        mentorship=mentorship,
        held_on=timezone.localdate() - datetime.timedelta(days=6),
        minutes=60,
        notes="Coffee and a practice interview.",
    )
    MentorRequest.objects.create(
        provider=second,
        graduate=Graduate.objects.matchable().filter(provider=second).order_by("pk").first(),
        requested_by=site.users.get("caseworker@example.org"),
        preferred_role=Role.EMPLOYMENT_MENTOR,
        languages=["en", "fr"],
        note="Wants to understand office work before applying.",
    )


def counts():
    return [f"{Volunteer.objects.count()} volunteers"]
