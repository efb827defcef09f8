"""What the employer area keeps rendered per organisation (issue 22).

The employer dashboard's panels are the same for every member of the organisation and cost most
of the page. They are kept as fragments (portal/fragments.py) whose key holds the organisation's
id and its own generation, next to the content generation that every fragment carries:

- the content generation follows everything registered with portal.page_cache (employers, jobs,
  pledges, introductions, hires, schemes: see each app's AppConfig.ready), and the code that
  changes those with QuerySet.update() drops it itself;
- an organisation's own generation follows what only its area shows: its memberships and its
  members' e-mail addresses. The partner area does the same per provider (partners/area_cache.py).

One organisation's change never drops another's, and nothing of one can be served under another's
key. Entries live FRAGMENT_CACHE_SECONDS at most, so what changes with the clock (a pledge past
its expiry) follows within a minute.
"""

from django.contrib.auth import get_user_model

from employers.models import Membership
from portal.generations import GenerationFamily, advance_on_change, current_generation

EMPLOYER_AREAS = GenerationFamily("employers:area", "cached employer area")


def employer_key(employer, membership):
    """The dashboard panels' key: the organisation, its generation and the viewer's role (owners
    are shown what only they may do)."""
    return (employer.pk, current_generation(EMPLOYER_AREAS.of(employer.pk)), membership.role)


def _membership_changed(sender, instance, **kwargs):
    EMPLOYER_AREAS.advance(instance.employer_id)


def _person_changed(sender, instance, update_fields=None, **kwargs):
    # Logging in saves last_login only: nothing an organisation shows.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    EMPLOYER_AREAS.advance(*Membership.objects.filter(user=instance).values_list("employer_id", flat=True))


def connect_signals():
    advance_on_change(Membership, _membership_changed)
    advance_on_change(get_user_model(), _person_changed)
