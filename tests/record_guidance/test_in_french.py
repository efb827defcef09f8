"""Record guidance in French shows no English interface string: the self-check blank, with
mistakes and with each kind of answer, a guided job page and the employer's listing form with its
guidance and legal-requirement note (the detector of tests/portal/test_no_english_in_french.py).
Guidance an editor has not translated is content marked `lang="en…"`, left out by the detector."""

import pytest

from record_guidance.models import SentenceBand
from taxonomy.models import Occupation
from tests.employers.factories import JobListingFactory, owner_of
from tests.jobs.test_job_area import posting
from tests.portal.test_no_english_in_french import english_messages, english_on
from tests.record_guidance.factories import RecordGuidanceFactory, example_rules

pytestmark = pytest.mark.django_db


def test_record_guidance_pages_in_french_show_no_english_interface_string(client, home):
    england_and_wales, scotland = example_rules()
    RecordGuidanceFactory(jurisdiction=england_and_wales)
    care = Occupation.objects.get(code="5321")
    job_path = JobListingFactory(
        occupation=care, region="GB-MAN"
    ).get_absolute_url()  # before French is active
    messages = english_messages()
    url = "/fr/record-check/"
    pages = {
        "self-check": client.get(url),
        "with mistakes": client.post(url, {}),
        "spent": client.post(
            url, {"jurisdiction": england_and_wales.pk, "sentence": "up_to_12_months", "years_since": "5"}
        ),
        "not yet": client.post(
            url, {"jurisdiction": england_and_wales.pk, "sentence": "up_to_4_years", "years_since": "-1"}
        ),
        "never": client.post(
            url, {"jurisdiction": scotland.pk, "sentence": SentenceBand.OVER_4_YEARS, "years_since": "21"}
        ),
        "job page": client.get(f"/fr{job_path}"),
    }
    owner, _employer = owner_of()
    client.force_login(owner)
    pages["listing form"] = client.post(
        "/fr/employer/jobs/new/",
        {**posting(occupation=str(care.pk), fair_chance_statement="No criminal record."), "check": "1"},
    )
    assert 'data-flag="legal-requirement"' in pages["listing form"].content.decode()
    found = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        # The listing form offers each language of a listing by its own name: "English" is one.
        english = [text for text in english_on(response.content.decode(), messages) if text != "English"]
        if english:
            found[name] = english
    assert not found, f"English interface strings on French pages: {found}"
