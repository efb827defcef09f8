"""Staff create a survey from the standard scale and open a wave in the admin; the wave is
invited to from a campaign page; anonymous visitors answer from separate browsers (the second
answer from the same browser is refused); the results with their intervals appear on /impact/,
and a second wave shows the difference."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from surveys.models import Response, Survey
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.conftest import ELSEWHERE, TIMEOUT_MS
from tests.campaigns.factories import CampaignIndexPageFactory, LiveCampaignPageFactory
from tests.surveys.factories import SurveyWaveFactory, answer_all

pytestmark = pytest.mark.browser

VISITORS = 12


def visitor(browser, live_site):
    context = browser.new_context(base_url=live_site.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    context.route(ELSEWHERE, lambda route: route.abort("blockedbyclient"))
    return context


def new_page(browser, live_site):
    context = browser.new_context(
        base_url=live_site.url, locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def answer(page, agree):
    expect(page.get_by_role("button", name="Send my answers")).to_be_visible()
    for fieldset in page.locator("fieldset.field-radios").all():
        fieldset.get_by_label("Agree" if agree else "Disagree", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()


def test_survey_journey(browser, live_site, page, home):
    admin_staff("editor@example.org", "Campaign editors")
    campaign = LiveCampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home), title="Yellow Ribbon Week"
    )

    # 1. Staff create the survey from the standard scale and open a wave.
    log_in_to_admin(page, "editor@example.org", next_url="/admin/snippets/surveys/survey/")
    page.get_by_role("button", name="Create from the standard scale").click()
    expect(page.get_by_text("Survey created from the standard scale")).to_be_visible()
    survey = Survey.objects.get()
    today = timezone.localdate()
    page.goto("/admin/snippets/surveys/surveywave/add/")
    page.locator("select[name=survey]").select_option(str(survey.pk))
    page.locator("input[name=name]").fill("After the campaign")
    page.locator("input[name=slug]").fill("after-the-campaign")
    page.locator("input[name=opens_on]").fill((today - datetime.timedelta(days=1)).isoformat())
    page.locator("input[name=closes_on]").fill((today + datetime.timedelta(days=30)).isoformat())
    page.keyboard.press("Escape")  # close the date picker over the Save button
    page.locator("input[name=name]").click()
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text("created", exact=False).first).to_be_visible()
    wave = survey.waves.get()

    # 2. A moderator places the wave on the campaign page in the page editor and publishes it.
    admin_staff("moderator@example.org", "Campaign moderators")
    editor = new_page(browser, live_site)
    log_in_to_admin(editor, "moderator@example.org", next_url=f"/admin/pages/{campaign.pk}/edit/")
    body = editor.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Insert a block").last.click()
    editor.get_by_role("option", name="Survey").click()
    body.get_by_role("button", name="Choose survey wave").click()
    editor.get_by_role("dialog").get_by_role("link", name="After the campaign").click()
    expect(body.get_by_role("button", name="Choose survey wave")).to_have_count(0)
    body.locator("textarea").last.fill("Tell us what you think.")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.get_by_text("has been published", exact=False).first).to_be_visible()
    campaign.refresh_from_db()
    assert campaign.body[-1].block_type == "survey"

    # 3. Anonymous visitors answer, each from a browser of their own; nobody answers twice.
    for number in range(VISITORS):
        context = visitor(browser, live_site)
        visit = context.new_page()
        visit.goto(campaign.url)
        visit.get_by_role("link", name="Answer the survey").click()
        answer(visit, agree=number % 4 != 0)
        expect(visit.get_by_role("heading", name="Thank you for answering")).to_be_visible()
        if number == 0:
            visit.goto("/surveys/after-the-campaign/")
            expect(visit.get_by_text("You have already answered this survey")).to_be_visible()
            expect(visit.get_by_role("button", name="Send my answers")).to_have_count(0)
        context.close()
    assert Response.objects.filter(wave=wave).count() == VISITORS

    # 4. The results with their intervals appear on /impact/ (9 of 12 agree: 75%, 47% – 91%).
    page.goto("/impact/")
    panel = page.locator(f'[data-survey-panel="{survey.slug}"]')
    row = panel.locator('[data-wave="after-the-campaign"] tr[data-question="accept_colleague"]')
    expect(row.locator("[data-share]")).to_have_text("75%")
    expect(row.locator("[data-interval]")).to_have_text("47% – 91%")

    # 5. An earlier wave: the difference between the waves, with its interval.
    before = SurveyWaveFactory(
        survey=survey,
        name="Before the campaign",
        slug="before-the-campaign",
        opens_on=today - datetime.timedelta(days=90),
        closes_on=today - datetime.timedelta(days=60),
    )
    answer_all(before, agree=3, disagree=9)
    page.goto(f"/surveys/results/{survey.slug}/")
    change = page.locator('[data-differences] tr[data-question="accept_colleague"]')
    expect(change.locator("[data-change]")).to_have_text("+50")
    expect(change).to_contain_text("Before the campaign")
