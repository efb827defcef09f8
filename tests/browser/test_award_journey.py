"""An employer nominates itself for an award, staff open the judging, two panellists score it in
the Wagtail admin (each with a reason per criterion), judging closes with it on the shortlist,
staff choose it as the winner and publish: the award shows on /awards/, on the employer's profile
and on its pledge badge."""

import re

import pytest
from playwright.sync_api import expect

from awards.models import AwardRound, Score
from tests.awards.factories import AwardRoundFactory
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.test_job_journey import log_in
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, owner_of

pytestmark = pytest.mark.browser


def new_page(browser, live_site):
    context = browser.new_context(
        base_url=live_site.url, locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(30_000)
    return context.new_page()


def test_an_employer_is_nominated_scored_shortlisted_and_wins(browser, live_site, page):
    _owner, employer = owner_of(
        EmployerFactory(name="Harbour Bakery", size_band="10-49"), email="owner@harbour.example.org"
    )
    pledge = HiringPledgeFactory(employer=employer)
    moderator = admin_staff("moderator@example.org", group="Campaign moderators")
    judges = [admin_staff(f"judge{n}@example.org", group="Campaign editors") for n in (1, 2)]
    award_round = AwardRoundFactory(title="Fair Chance Employer of the Year 2027", year=2027, panel=judges)
    judging_url = f"/admin/awards/judging/{award_round.pk}/"

    # 1. The owner nominates the organisation, fixing what the form points out.
    log_in(page, "owner@harbour.example.org")
    page.goto("/employer/awards/")
    page.get_by_role("link", name="Nominate your organisation").click()
    expect(page.get_by_label("Category")).not_to_contain_text("Large employer")
    page.get_by_label("Category").select_option(
        label="Fair Chance Employer of the Year 2027 – Small employer"
    )
    page.get_by_role("button", name="Send the nomination").click()
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("Statement").fill(
        "We hired four people from a resettlement programme; all are still here."
    )
    page.get_by_role("button", name="Send the nomination").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fair Chance Employer of the Year 2027")
    expect(page.locator("[data-figure=hires]")).to_have_text("fewer than 5")

    # 2. Staff close nominations and open the judging.
    staff_page = new_page(browser, live_site)
    log_in_to_admin(staff_page, moderator.email, next_url=judging_url)
    staff_page.get_by_role("button", name="Move the round to “Judging”").click()
    expect(staff_page.get_by_text("The round is now: Judging.")).to_be_visible()

    # 3. Two panellists score every criterion with a reason; neither sees the other's scores.
    for judge, points in zip(judges, (5, 4), strict=True):
        judge_page = new_page(browser, live_site)
        log_in_to_admin(judge_page, judge.email, next_url=judging_url)
        expect(judge_page.locator("[data-total]")).to_have_count(0)
        judge_page.get_by_role("link", name="Score Harbour Bakery").click()
        for criterion in award_round.criteria.all():
            judge_page.locator(f'input[name="score_{criterion.pk}"][value="{points}"]').check()
        judge_page.get_by_role("button", name="Save my scores").click()
        expect(judge_page.get_by_text("Give a score and a reason for every criterion")).to_be_visible()
        for criterion in award_round.criteria.all():
            judge_page.get_by_label(f"Reason for “{criterion.title}”").fill(
                f"{judge.email} read the statement."
            )
        judge_page.get_by_role("button", name="Save my scores").click()
        expect(judge_page.get_by_text("Your scores for Harbour Bakery are saved.")).to_be_visible()
        judge_page.context.close()
    assert Score.objects.count() == 6

    # 4. Judging closes (the shortlist by mean score), staff choose the winner and publish.
    staff_page.reload()
    staff_page.get_by_role("button", name="Move the round to “Shortlist published”").click()
    expect(staff_page.locator("[data-total]")).to_have_text("27")
    staff_page.get_by_role("button", name="Choose Harbour Bakery as winner").click()
    staff_page.get_by_role("button", name="Move the round to “Winners published”").click()
    expect(staff_page.get_by_text("The round is now: Winners published.")).to_be_visible()
    award_round.refresh_from_db()
    assert award_round.status == AwardRound.Status.WINNERS

    # 5. The public sees the award on /awards/, the round, the profile and the badge.
    page.goto("/awards/")
    expect(page.locator("[data-winner]")).to_contain_text("Harbour Bakery")
    page.get_by_role("link", name="Fair Chance Employer of the Year 2027").click()
    expect(page.locator("[data-category=small] [data-winner]")).to_contain_text("Harbour Bakery")
    page.get_by_role("link", name="Harbour Bakery").first.click()
    expect(page).to_have_url(re.compile(r"/employers/harbour-bakery/$"))
    expect(page.locator("[data-honour]")).to_contain_text("Award winner 2027")
    badge = page.goto(f"/pledges/{pledge.reference}/badge.svg")
    assert "Award winner 2027" in badge.text()
