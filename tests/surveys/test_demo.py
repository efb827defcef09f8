"""The demo's survey: two waves of the standard scale with enough answers to show intervals, a
clear difference and the breakdowns; the open wave is invited to from the live campaign."""

from django.core.management import call_command

from surveys.models import Response, Survey


def test_the_demo_survey_shows_intervals_a_difference_and_breakdowns(client, home):
    call_command("load_demo_content")
    survey = Survey.objects.get(slug="public-acceptance")
    assert survey.waves.count() == 2
    assert Response.objects.count() == 800
    page = client.get("/surveys/results/public-acceptance/").text
    assert "Across waves" in page and "data-change" in page
    assert "Too few responses to show" not in page
    campaign = client.get("/campaigns/yellow-ribbon-week/").text
    assert 'href="/surveys/public-acceptance-after/"' in campaign
    assert 'data-survey-panel="public-acceptance"' in client.get("/impact/").text
