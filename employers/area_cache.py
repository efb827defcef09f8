"""What the employer and partner areas keep rendered per organisation (issue 22).

The employer dashboard's panels and a provider's graduate table are the same for every member of
the organisation and cost most of those pages. They are kept as fragments (portal/fragments.py)
whose key holds the organisation's id and its own generation, next to the content generation that
every fragment carries:

- the content generation follows everything registered with portal.page_cache (employers, jobs,
  pledges, introductions, hires, schemes: see EmployersConfig.ready), and the code that changes
  those with QuerySet.update() drops it itself;
- an organisation's own generation follows what only its area shows: its memberships and its
  members' e-mail addresses (employers); its graduates, their consent and programmes (providers).

One organisation's change never drops another's, and nothing of one can be served under another's
key. Entries live FRAGMENT_CACHE_SECONDS at most, so what changes with the clock (a pledge past
its expiry) follows within a minute.
"""

import logging

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from portal.generations import GenerationFamily

from .models import Graduate, GraduateProgramme, MatchingConsent, Membership, Programme, ProgrammeProvider
from .signals import graduate_matching_changed

logger = logging.getLogger(__name__)

EMPLOYER_AREAS = GenerationFamily("employers:area", "cached employer area")
PROVIDER_AREAS = GenerationFamily("partners:area", "cached partner area")


def _current(generation):
    try:
        return generation.current()
    except Exception:  # the cache server is away: the fragment is rendered, as without the cache
        logger.warning("Cache unavailable; %s not read", generation.what, exc_info=True)
        return None


def employer_key(employer, membership):
    """The dashboard panels' key: the organisation, its generation and the viewer's role (owners
    are shown what only they may do)."""
    return (employer.pk, _current(EMPLOYER_AREAS.of(employer.pk)), membership.role)


def provider_key(provider, *parts):
    return (provider.pk, _current(PROVIDER_AREAS.of(provider.pk)), *parts)


def _membership_changed(sender, instance, **kwargs):
    EMPLOYER_AREAS.advance(instance.employer_id)


def _person_changed(sender, instance, update_fields=None, **kwargs):
    # Logging in saves last_login only: nothing an organisation shows.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    EMPLOYER_AREAS.advance(*Membership.objects.filter(user=instance).values_list("employer_id", flat=True))


def _provider_changed(sender, instance, **kwargs):
    PROVIDER_AREAS.advance(instance.pk)


def _provider_part_changed(sender, instance, **kwargs):
    PROVIDER_AREAS.advance(instance.provider_id)


def _graduate_part_changed(sender, instance, **kwargs):
    provider_id = (
        Graduate.objects.filter(pk=instance.graduate_id).values_list("provider_id", flat=True).first()
    )
    PROVIDER_AREAS.advance(provider_id)


def _graduate_changed(sender, graduate, **kwargs):
    # Consent withdrawn or a hire recorded with QuerySet.update(): no save signal.
    PROVIDER_AREAS.advance(graduate.provider_id)


def _watch(model, receiver):
    uid = f"area-cache-{model._meta.label}"
    post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")


def connect_signals():
    _watch(Membership, _membership_changed)
    _watch(get_user_model(), _person_changed)
    _watch(ProgrammeProvider, _provider_changed)
    _watch(Graduate, _provider_part_changed)
    _watch(Programme, _provider_part_changed)
    _watch(MatchingConsent, _graduate_part_changed)
    _watch(GraduateProgramme, _graduate_part_changed)
    graduate_matching_changed.connect(_graduate_changed, dispatch_uid="area-cache-graduate-matching")
