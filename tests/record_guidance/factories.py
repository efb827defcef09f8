"""Factories for record guidance: jurisdictions by their regions, guidance with sources, example
rules. Nothing here describes a person."""

import factory
from wagtail.models import Locale

from record_guidance.models import (
    GuidanceSource,
    Jurisdiction,
    JurisdictionRegion,
    RecordGuidance,
    SentenceBand,
    SpentRule,
)


class JurisdictionFactory(factory.django.DjangoModelFactory):
    """England and Wales by default: pass regions=["GB-SCT"] and a name for another."""

    name = factory.Sequence(lambda n: f"England and Wales {n}")
    name_fr = "Angleterre et pays de Galles"

    class Meta:
        model = Jurisdiction
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        for code in ["GB-ENG", "GB-WLS"] if extracted is None else extracted:
            JurisdictionRegion.objects.create(jurisdiction=self, code=code)


class RecordGuidanceFactory(factory.django.DjangoModelFactory):
    """Care workers (ISCO 53), for whom the law requires an enhanced check."""

    jurisdiction = factory.SubFactory(JurisdictionFactory)
    isco_group = "53"
    title = "Care workers"
    check_required_by_law = True
    legal_requirement = "an enhanced DBS check with a check of the adults' barred list"
    roles_needing_check = "Personal care for adults is regulated activity."
    licences = "None for the job itself."
    when_spent = "Standard and enhanced checks may show spent convictions unless filtered."

    class Meta:
        model = RecordGuidance
        skip_postgeneration_save = True

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        for title, url in extracted or [
            ("DBS filtering guidance", "https://www.gov.uk/government/collections/dbs-filtering-guidance")
        ]:
            GuidanceSource.objects.create(guidance=self, title=title, url=url)


def translate(guidance, language, **texts):
    """A translation of `guidance` into `language`, as the admin's Translate action makes it."""
    translated = guidance.copy_for_translation(Locale.objects.get(language_code=language))
    for field, text in texts.items():
        setattr(translated, field, text)
    translated.save()
    return translated


class SpentRuleFactory(factory.django.DjangoModelFactory):
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    band = SentenceBand.UP_TO_12_MONTHS
    rehabilitation_years = 1
    note = "Counted from the end of the sentence."
    source_title = "Telling an employer about your criminal record"
    source_url = "https://www.gov.uk/tell-employer-or-college-about-criminal-record"

    class Meta:
        model = SpentRule


def example_rules(jurisdiction=None):
    """England and Wales's example rules (as the demo's), and Scotland's over-4-years rule."""
    jurisdiction = jurisdiction or JurisdictionFactory(name="England and Wales")
    for band, years in [
        (SentenceBand.NON_CUSTODIAL, 1),
        (SentenceBand.UP_TO_12_MONTHS, 1),
        (SentenceBand.UP_TO_30_MONTHS, 4),
        (SentenceBand.UP_TO_4_YEARS, 4),
        (SentenceBand.OVER_4_YEARS, 7),
    ]:
        SpentRuleFactory(jurisdiction=jurisdiction, band=band, rehabilitation_years=years)
    scotland = JurisdictionFactory(name="Scotland", name_fr="Écosse", regions=["GB-SCT"])
    SpentRuleFactory(jurisdiction=scotland, band=SentenceBand.OVER_4_YEARS, rehabilitation_years=None)
    return jurisdiction, scotland
