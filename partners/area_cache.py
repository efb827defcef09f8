"""What the partner area keeps rendered per programme provider: the graduate table, as a fragment
keyed by the provider's id and its own generation (see employers/area_cache.py for the rule). A
provider's generation follows its graduates, their consent and programmes."""

from partners.models import Graduate, GraduateProgramme, MatchingConsent, Programme, ProgrammeProvider
from partners.signals import graduate_matching_changed
from portal.generations import GenerationFamily, advance_on_change, current_generation

PROVIDER_AREAS = GenerationFamily("partners:area", "cached partner area")


def provider_key(provider, *parts):
    return (provider.pk, current_generation(PROVIDER_AREAS.of(provider.pk)), *parts)


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


def connect_signals():
    advance_on_change(ProgrammeProvider, _provider_changed)
    advance_on_change(Graduate, _provider_part_changed)
    advance_on_change(Programme, _provider_part_changed)
    advance_on_change(MatchingConsent, _graduate_part_changed)
    advance_on_change(GraduateProgramme, _graduate_part_changed)
    graduate_matching_changed.connect(_graduate_changed, dispatch_uid="area-cache-graduate-matching")
