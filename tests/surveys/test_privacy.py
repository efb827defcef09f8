"""A survey answer names nobody and can be joined with nothing: no account, no e-mail, no address,
no time of day, no link to a supporter pledge, no cookie shared with the pledge form."""

import pytest
from django.core.cache import cache
from django.db import models
from django.test import RequestFactory

from campaigns.models import SupporterPledge
from surveys.models import Answer, Response
from surveys.views import has_answered
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import VerifiedUserFactory
from tests.surveys.factories import SurveyWaveFactory

pytestmark = pytest.mark.django_db

SHEET = {
    "q_accept_colleague": "4",
    "q_accept_neighbour": "4",
    "q_accept_family_friend": "4",
    "q_accept_fellow_student": "4",
    "q_people_can_change": "4",
}


def test_a_response_has_no_field_that_could_identify_or_join_it():
    for model in (Response, Answer):
        for field in model._meta.get_fields():
            assert not isinstance(
                field,
                (models.DateTimeField, models.TimeField, models.GenericIPAddressField, models.EmailField),
            ), field
            name = field.name.lower()
            assert not any(
                word in name for word in ("ip", "address", "email", "user", "pledge", "cookie", "agent")
            ), field
            if field.is_relation and field.many_to_one:
                assert field.related_model._meta.app_label == "surveys", field
    # Nor does a pledge point at a survey.
    assert all(
        not (field.is_relation and field.related_model and field.related_model._meta.app_label == "surveys")
        for field in SupporterPledge._meta.get_fields()
    )


def cache_keys():
    """Every key in the cache the suite runs with (local memory, or Redis in the PostgreSQL suite)."""
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):
        return [str(key) for key in cache._cache]
    client = cache._cache.get_client()
    return [key.decode() for key in client.scan_iter("*")]


def test_nothing_of_the_visitor_is_stored(client, home):
    wave = SurveyWaveFactory()
    client.post(
        f"/surveys/{wave.slug}/",
        SHEET,
        REMOTE_ADDR="198.51.100.77",
        HTTP_USER_AGENT="MarkerAgent/1.0",
        HTTP_X_FORWARDED_FOR="192.0.2.55",
    )
    row = Response.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    for marker in ("198.51.100.77", "192.0.2.55", "MarkerAgent"):
        assert marker not in stored
    assert set(row) == {"id", "wave_id", "answered_on", "age_band", "region"}
    # Nor in the cache, where the rate limit counts answers per address for an hour.
    assert cache.get("ratelimit:survey:198.51.100.77") is None
    assert not [key for key in cache_keys() if "198.51.100.77" in key]


def test_a_logged_in_visitor_is_not_recorded_either(client, home):
    user = VerifiedUserFactory(email="someone@example.org")
    client.force_login(user)
    wave = SurveyWaveFactory()
    client.post(f"/surveys/{wave.slug}/", SHEET)
    row = Response.objects.values().get()
    assert str(user.pk) not in {str(value) for key, value in row.items() if key not in ("id", "wave_id")}
    assert "someone" not in str(row)


def test_the_cookie_says_answered_and_nothing_else(client, home):
    wave = SurveyWaveFactory()
    response = client.post(f"/surveys/{wave.slug}/", SHEET)
    cookie = response.cookies[f"survey-answered-{wave.pk}"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie.value.split(":")[0] == "yes"
    visitor = RequestFactory().get("/")
    visitor.COOKIES[cookie.key] = cookie.value
    assert has_answered(visitor, wave)
    visitor.COOKIES[cookie.key] = "yes:" + cookie.value.split(":", 1)[1][:-1] + "x"  # tampered
    assert not has_answered(visitor, wave)
    assert str(Response.objects.get().pk) not in cookie.value.split(":")[0]
    # Only the answered mark is set: no session, no cookie the pledge form reads.
    assert set(response.cookies) == {f"survey-answered-{wave.pk}"}


def test_answering_and_pledging_share_no_cookie(client, home, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    wave = SurveyWaveFactory()
    survey_cookies = set(client.post(f"/surveys/{wave.slug}/", SHEET).cookies)
    pledge = client.post(
        f"/support/pledge/{campaign.pk}/",
        {"name": "Sam", "email": "sam@example.org", "consent": "on", "privacy": "on"},
    )
    assert not survey_cookies & set(pledge.cookies)
