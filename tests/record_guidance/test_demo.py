"""The demo's record guidance: real public sources, example rules marked as examples, translations
of the care workers' guidance, and loading twice changes nothing."""

import pytest
from wagtail.models import Locale

from record_guidance import demo
from record_guidance.guidance import guidance_for
from record_guidance.models import Jurisdiction, RecordGuidance, SpentRule
from record_guidance.selfcheck import NEVER, SPENT, assess

pytestmark = pytest.mark.django_db


def test_demo_guidance_and_rules(home):
    demo.load(site=None)
    demo.load(site=None)
    assert set(Jurisdiction.objects.values_list("name", flat=True)) == {"England and Wales", "Scotland"}
    english = RecordGuidance.objects.filter(locale=Locale.get_default())
    groups = set(english.values_list("isco_group", flat=True))
    assert {"53", "23", "241", "331", "5414"} <= groups
    assert english.count() == len(demo.GUIDANCE)
    assert RecordGuidance.objects.count() == len(demo.GUIDANCE) + 3  # care workers in fr, es, ar
    for guidance in RecordGuidance.objects.all():
        sources = list(guidance.sources.all())
        assert sources and all(source.url.startswith("https://") for source in sources)
    assert SpentRule.objects.count() == 10
    assert all(rule.is_example and rule.source_url.startswith("https://") for rule in SpentRule.objects.all())
    # A care job in Manchester and one in Glasgow find their own jurisdiction's guidance.
    assert [g.jurisdiction.name for g in guidance_for("5321", "GB-MAN")] == ["England and Wales"]
    assert [g.jurisdiction.name for g in guidance_for("5322", "GB-GLG")] == ["Scotland"]
    scotland_long = SpentRule.objects.get(jurisdiction__name="Scotland", band="over_4_years")
    assert assess(scotland_long, 21).kind == NEVER
    assert (
        assess(SpentRule.objects.get(jurisdiction__name="England and Wales", band="up_to_12_months"), 1).kind
        == SPENT
    )
    assert demo.counts() == ["10 record guidance texts", "10 example spent rules"]
