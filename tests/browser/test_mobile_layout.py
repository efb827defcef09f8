"""Phones: no page scrolls sideways at 320 and 375 px, and the skill picker works by keyboard alone.

Each walk logs in as one kind of person (a visitor, an account holder, an employer owner, a
programme coordinator), opens every page that person reaches at both widths and collects every
page where `document.documentElement.scrollWidth > innerWidth`, with the elements that stick out,
so one failing run names every offender.
"""

import datetime
import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from jobs.models import JobListing
from matching.models import Hire, Introduction
from taxonomy.models import Skill
from tests.browser.test_employer_journey import assert_no_serious_violations
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import (
    CertificationFactory,
    DraftJobFactory,
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    RecruiterFactory,
    SkillFactory,
    VerifiedUserFactory,
    owner_of,
)
from tests.partners.factories import CoordinatorFactory, GraduateFactory, ProgrammeFactory
from tests.stories.factories import StoryPageFactory, ThemeFactory

pytestmark = pytest.mark.browser

WIDTHS = (320, 375)

# Measures the page, and names the deepest elements whose edge passes the viewport's, so that a
# failure says what to fix. Elements inside something that clips its overflow do not count.
MEASURE = """() => {
  const width = window.innerWidth;
  const right = (el) => el.getBoundingClientRect().right;
  const clipped = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if ((style.overflowX !== "visible" && style.overflowX !== "clip") || style.position === "fixed") return true;
    }
    return false;
  };
  const name = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    if (el.classList.length) text += "." + [...el.classList].join(".");
    return `${text} (${Math.round(right(el))} px)`;
  };
  const wide = [...document.body.querySelectorAll("*")].filter(
    (el) => el.getBoundingClientRect().width > 0 && right(el) > width + 0.5 && !clipped(el)
  );
  // First the elements wider than what holds them: where the fix goes.
  const culprits = wide.filter((el) => el.parentElement && right(el) > right(el.parentElement) + 0.5);
  // Then text that runs out of its box (a long address, say): the box fits, the words do not.
  const spilling = [...document.body.querySelectorAll("*")].filter(
    (el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !clipped(el)
      && getComputedStyle(el).overflowX === "visible"
      && el.getBoundingClientRect().left + el.scrollWidth > width + 0.5
  );
  culprits.push(...spilling.filter((el) => !spilling.some((other) => other !== el && el.contains(other))));
  const shown = (culprits.length ? culprits : wide).slice(0, 6).map(name);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits: shown};
}"""


def sideways(page, pages):
    """Open every (name, url) at each width; return a line per page that scrolls sideways."""
    offenders = []
    for name, url in pages:
        page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
        response = page.goto(url)
        assert response is not None and response.status < 500, f"{name} ({url}) answered {response.status}"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            found = page.evaluate(MEASURE)
            if found["scrollWidth"] > found["innerWidth"]:
                offenders.append(
                    f"{name} ({url}) at {width} px is {found['scrollWidth']} px wide: "
                    + ", ".join(found["culprits"])
                )
    return offenders


def assert_no_sideways_scrolling(page, pages):
    offenders = sideways(page, pages)
    assert not offenders, "Pages that scroll sideways on a phone:\n" + "\n".join(offenders)


def log_in_as(context, live_server, user):
    """Log the browser in as `user` by handing it a session made by Django's test client."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return client


LONG_NAME = "The Very Long Named Community Interest Company for Fair-Chance Employment and Training"
LONG_TITLE = "Trainee multi-skilled maintenance operative (electrical, plumbing and general repairs)"


@pytest.fixture
def employer_world(story_index, campaign_index, standard_pages):
    """An employer with a pledge, jobs in several states, matches and introductions; a provider
    with graduates, a waiting introduction and a hire; a story and a campaign."""
    skills = list(Skill.objects.order_by("name")[:4]) or [SkillFactory(name="Bricklaying")]
    certification = CertificationFactory(name="CSCS Green Card (Construction Skills Certification Scheme)")
    owner, employer = owner_of(EmployerFactory(name=LONG_NAME, sector="F", head_office_region="GB-LDS"))
    RecruiterFactory(employer=employer)
    pledge = HiringPledgeFactory(employer=employer)
    job = JobListingFactory(
        employer=employer,
        title=LONG_TITLE,
        sector="F",
        region="GB-LDS",
        place="Leeds",
        skills={skills[0]: True, skills[-1]: False},
        certifications=[certification],
    )
    draft = DraftJobFactory(
        employer=employer, title="Draft listing with a deliberately long title for phones"
    )
    coordinator = CoordinatorFactory(provider__name="Fresh Start Training and Resettlement Partnership")
    programme = ProgrammeFactory(
        provider=coordinator.provider, sector="F", region="GB-LDS", skills=skills[:1]
    )
    graduates = [
        GraduateFactory(
            provider=coordinator.provider,
            programmes=[programme],
            skills=skills[:2],
            certifications=[certification],
            preferred_regions=["GB-LDS"],
        )
        for _ in range(3)
    ]
    waiting = Introduction.objects.create(
        job=job, graduate=graduates[0], requested_by=owner, message="We would love to meet them."
    )
    accepted = Introduction.objects.create(
        job=job,
        graduate=graduates[1],
        requested_by=owner,
        status=Introduction.Status.ACCEPTED,
        released_contact="Phone: 07700 900123\nE-mail: someone.with.a.long.address@example.org",
    )
    hire = Hire.objects.create(
        graduate=graduates[1], job=job, employer=employer, start_date=datetime.date.today(), recorded_by=owner
    )
    work = ThemeFactory(name="Work", slug="work")
    story = StoryPageFactory(parent=story_index, title="A second chance in the kitchen", themes=[work])
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Give people a second chance")
    ConfirmedPledgeFactory(campaign=campaign, name="Jo", show_name=True)
    return {
        "owner": owner,
        "employer": employer,
        "pledge": pledge,
        "job": job,
        "draft": draft,
        "coordinator": coordinator.user,
        "graduates": graduates,
        "waiting": waiting,
        "accepted": accepted,
        "hire": hire,
        "story": story,
        "campaign": campaign,
    }


def checker_pages(page):
    """The checker's steps, as a visitor reaches them, and the result page's address."""
    urls = []
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/incentives/check/")
    while "/result/" not in page.url:
        urls.append(page.url)
        # Answer what the step asks with the first choice and a plausible number.
        for select in page.locator("select").all():
            select.select_option(index=1)
        for radio in page.locator("fieldset .radio-option input[type=radio]").all():
            name = radio.get_attribute("name")
            if not page.locator(f"input[name='{name}']:checked").count():
                radio.check()
        for number in page.locator("main input[type=number], main input[inputmode=numeric]").all():
            number.fill("12")
        page.locator("button[name=go][value=next]").click()
        page.wait_for_load_state()
        assert len(urls) < 10, "the checker never reached its result"
    return [(f"checker step {n}", url) for n, url in enumerate(urls, start=1)] + [
        ("checker result", page.url)
    ]


def test_public_pages_do_not_scroll_sideways(page, employer_world):
    world = employer_world
    pages = [
        ("home", "/"),
        ("stories", "/stories/"),
        ("a story", world["story"].url),
        ("campaigns", "/campaigns/"),
        ("a campaign", world["campaign"].url),
        ("jobs", "/jobs/"),
        ("jobs, filtered", "/jobs/?sector=F&q=trainee"),
        ("a job", world["job"].get_absolute_url()),
        ("pledge wall", "/pledge-wall/"),
        ("an employer", world["employer"].get_absolute_url()),
        ("a pledge's verification", world["pledge"].get_absolute_url()),
        ("a pledge's certificate", f"{world['pledge'].get_absolute_url()}certificate/"),
        ("incentives", "/incentives/"),
        ("search results", "/search/?q=chance"),
        ("impact", "/impact/"),
        ("about", "/about/"),
        ("not found", "/no-such-page/"),
        ("API docs", "/api/v1/docs"),
    ]
    pages += checker_pages(page)
    assert_no_sideways_scrolling(page, pages)


def test_account_pages_do_not_scroll_sideways(context, page, live_server, home):
    user = VerifiedUserFactory(email="someone.with.a.long.address@example.org")
    reset_key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    signed_out = [
        ("log in", "/accounts/login/"),
        ("sign up", "/accounts/signup/"),
        ("password reset", "/accounts/password/reset/"),
        ("password reset sent", "/accounts/password/reset/done/"),
        ("new password from the e-mailed link", f"/accounts/password/reset/key/{reset_key}/"),
        ("confirm your e-mail address", "/accounts/confirm-email/"),
    ]
    offenders = sideways(page, signed_out)

    # Two-factor: one person with an authenticator app logs in and is asked for a code.
    secured = VerifiedUserFactory(email="secured@example.org")
    TOTP.activate(secured, generate_totp_secret())
    assert Authenticator.objects.filter(user=secured).exists()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill("secured@example.org")
    page.locator("input[name=password]").fill("correct horse battery staple")
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    offenders += sideways(page, [("two-factor code at login", "/accounts/2fa/authenticate/")])
    context.clear_cookies()

    log_in_as(context, live_server, user)
    signed_in = [
        ("e-mail addresses", "/accounts/email/"),
        ("change password", "/accounts/password/change/"),
        ("two-factor overview", "/accounts/2fa/"),
        ("set up an authenticator app", "/accounts/2fa/totp/activate/"),
        ("delete the account", reverse("account_delete")),
        ("employer area, no organisation yet", "/employer/"),
        ("register an organisation", "/employer/register/"),
    ]
    offenders += sideways(page, signed_in)
    context.clear_cookies()
    log_in_as(context, live_server, secured)
    offenders += sideways(
        page,
        [
            ("two-factor overview, app set up", "/accounts/2fa/"),
            ("recovery codes", "/accounts/2fa/recovery-codes/"),
            ("turn the app off", "/accounts/2fa/totp/deactivate/"),
        ],
    )
    assert not offenders, "Pages that scroll sideways on a phone:\n" + "\n".join(offenders)


def test_employer_area_does_not_scroll_sideways(context, page, live_server, employer_world):
    world = employer_world
    job, draft = world["job"], world["draft"]
    client = log_in_as(context, live_server, world["owner"])
    # A saved checker result attached to the hire, so its dated steps are listed too.
    client.post(reverse("employers:save_incentive_result"), {"first_job_since_release": "yes"})
    saved = world["employer"].incentive_results.get()
    client.post(reverse("employers:attach_incentive_result", args=[saved.pk]), {"hire": world["hire"].pk})
    pages = [
        ("dashboard", "/employer/"),
        ("organisation", "/employer/organisation/"),
        ("members", "/employer/members/"),
        ("pledge", "/employer/pledge/"),
        ("pledge progress", "/employer/pledge/progress/"),
        ("withdraw the pledge", "/employer/pledge/withdraw/"),
        ("jobs", "/employer/jobs/"),
        ("jobs, drafts", "/employer/jobs/?state=draft"),
        ("new job", "/employer/jobs/new/"),
        ("a job", f"/employer/jobs/{job.pk}/"),
        ("edit a job", f"/employer/jobs/{job.pk}/edit/"),
        ("a draft's preview", f"/employer/jobs/{draft.pk}/preview/"),
        ("matches and introductions", f"/employer/jobs/{job.pk}/matches/"),
        ("saved incentive results", "/employer/incentives/"),
        ("a saved incentive result", f"/employer/incentives/{saved.pk}/"),
        ("incentive checker, signed in", "/incentives/check/"),
    ]
    assert_no_sideways_scrolling(page, pages)


def test_partner_area_does_not_scroll_sideways(context, page, live_server, employer_world):
    world = employer_world
    graduate = world["graduates"][0]
    log_in_as(context, live_server, world["coordinator"])
    pages = [
        ("dashboard", "/partner/"),
        ("graduates", "/partner/graduates/"),
        ("a graduate", f"/partner/graduates/{graduate.reference}/"),
        ("a placed graduate", f"/partner/graduates/{world['graduates'][1].reference}/"),
        ("new graduate", "/partner/graduates/new/"),
        ("edit a graduate", f"/partner/graduates/{graduate.reference}/edit/"),
        ("record a hire", f"/partner/graduates/{graduate.reference}/hire/"),
        ("suggest a job", f"/partner/graduates/{graduate.reference}/suggest/{world['job'].pk}/"),
        ("an introduction waiting", f"/partner/introductions/{world['waiting'].pk}/"),
        ("an accepted introduction", f"/partner/introductions/{world['accepted'].pk}/"),
    ]
    assert_no_sideways_scrolling(page, pages)


# The skill picker -------------------------------------------------------------------------------


def fill_job_basics(page, title):
    page.get_by_label("Job title").fill(title)
    page.get_by_label("Description").fill("<p>Full training given, from the first day.</p>")
    page.get_by_label("Sector").select_option(label="Construction")
    page.get_by_label("Region").select_option(label="Leeds")
    page.get_by_label("Type of employment").select_option(label="Full time")
    page.get_by_label("How people apply").select_option(value="url")
    page.get_by_label("Address of the application page").fill("https://example.org/jobs/1")


def save_draft(page):
    page.get_by_role("button", name=re.compile("Save draft and preview")).click()
    expect(page).to_have_url(re.compile(r"/employer/jobs/\d+/preview/"))


def choose(page, combobox, typed, presses_down=0):
    """Type into a picker, move down the list, press Enter: the keyboard, nothing else."""
    combobox.focus()
    page.keyboard.type(typed)
    for _ in range(presses_down):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def chips(picker_field):
    return [text.strip() for text in picker_field.locator(".skill-picker-chip > span").all_inner_texts()]


def test_skills_are_chosen_and_removed_by_keyboard_and_saved(context, page, live_server):
    owner, employer = owner_of(EmployerFactory(name="Solid Walls Ltd"))
    log_in_as(context, live_server, owner)
    errors = []  # the picker's script breaks no Content Security Policy and throws nothing
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/employer/jobs/new/")
    fill_job_basics(page, "Trainee bricklayer")

    required = page.get_by_role("combobox", name="Required skills")
    expect(page.locator("#id_required_skills")).to_be_hidden()
    required_field = page.locator(".field", has=required)

    # Typing filters the 150 skills; the first match is highlighted and Enter adds it.
    required.focus()
    page.keyboard.type("brick")
    listbox = page.get_by_role("listbox", name="Required skills")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option")).to_have_text(["Bricklaying"])
    expect(required).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="1 skill matches.")).to_have_count(1)
    # axe, with the list open.
    assert_no_serious_violations(page, "job form with the skill picker open")
    page.keyboard.press("Enter")
    expect(required).to_have_value("")
    expect(required).to_have_attribute("aria-expanded", "false")
    expect(required_field.get_by_role("list", name="Chosen: Required skills")).to_be_visible()
    assert chips(required_field) == ["Bricklaying"]
    expect(required_field.get_by_role("status")).to_have_text("Bricklaying added. 1 chosen.")

    choose(page, required, "plaster")
    choose(page, required, "tiling")  # chosen by mistake, and removed below
    assert chips(required_field) == ["Bricklaying", "Plastering", "Tiling"]

    # Tab reaches the chips' buttons; Enter on "Remove Tiling" removes it and says so.
    required.focus()
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Remove Tiling")).to_be_focused()
    page.keyboard.press("Enter")
    assert chips(required_field) == ["Bricklaying", "Plastering"]
    expect(required_field.get_by_role("status")).to_have_text("Tiling removed. 2 chosen.")
    expect(page.get_by_role("button", name="Remove Plastering")).to_be_focused()

    # The arrows move through the matches: "carp" matches Carpentry, then Carpet cleaning.
    preferred = page.get_by_role("combobox", name="Preferred skills")
    preferred.focus()
    page.keyboard.type("carp")
    expect(page.get_by_role("listbox", name="Preferred skills").get_by_role("option")).to_have_text(
        ["Carpentry", "Carpet cleaning"]
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    preferred_field = page.locator(".field", has=preferred)
    assert chips(preferred_field) == ["Carpentry"]
    # Escape closes an open list without choosing anything.
    preferred.focus()
    page.keyboard.type("a")
    expect(page.get_by_role("listbox", name="Preferred skills")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox", name="Preferred skills")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(preferred).to_have_value("")
    assert chips(preferred_field) == ["Carpentry"]

    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    save_draft(page)
    job = JobListing.objects.get(title="Trainee bricklayer")
    assert {link.skill.name for link in job.skill_links.filter(required=True)} == {
        "Bricklaying",
        "Plastering",
    }
    assert {link.skill.name for link in job.skill_links.filter(required=False)} == {"Carpentry"}

    assert not errors, errors

    # Editing shows the saved skills as chips again.
    page.goto(f"/employer/jobs/{job.pk}/edit/")
    assert chips(page.locator(".field", has=page.get_by_role("combobox", name="Required skills"))) == [
        "Bricklaying",
        "Plastering",
    ]


def test_without_javascript_the_skills_are_a_plain_select_that_works(browser, live_server, home):
    owner, employer = owner_of(EmployerFactory(name="Solid Walls Ltd"))
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    try:
        log_in_as(context, live_server, owner)
        page = context.new_page()
        page.goto("/employer/jobs/new/")
        expect(page.get_by_role("combobox", name="Required skills")).to_have_count(0)
        fill_job_basics(page, "Trainee plasterer")
        page.get_by_label("Required skills").select_option(label=["Plastering", "Tiling"])
        page.get_by_label("Preferred skills").select_option(label="Carpentry")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        save_draft(page)
        job = JobListing.objects.get(title="Trainee plasterer")
        assert {link.skill.name for link in job.skill_links.filter(required=True)} == {"Plastering", "Tiling"}
        assert {link.skill.name for link in job.skill_links.filter(required=False)} == {"Carpentry"}
    finally:
        context.close()


def test_graduate_form_skill_picker(context, page, live_server):
    coordinator = CoordinatorFactory()
    programme = ProgrammeFactory(provider=coordinator.provider)
    log_in_as(context, live_server, coordinator.user)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/partner/graduates/new/")
    page.get_by_label("Full name").fill("Alex Example")
    page.locator("#id_programmes-0-programme").select_option(value=str(programme.pk))
    page.locator("#id_programmes-0-completed_on").fill("2026-06-30")
    skills = page.get_by_role("combobox", name="Other skills")
    choose(page, skills, "barista")
    choose(page, skills, "forklift")
    skills.focus()
    page.keyboard.type("c")
    assert_no_serious_violations(page, "graduate form with the skill picker open")
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/partner/graduates/G-"))
    graduate = coordinator.provider.graduates.get()
    assert {skill.name for skill in graduate.extra_skills.all()} == {"Barista", "Forklift operation"}


# The job board on a phone -----------------------------------------------------------------------


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_job_board_shows_results_first_with_the_filters_one_tap_away(browser, live_site, javascript):
    JobListingFactory(title="Trainee bricklayer", sector="F")
    context = browser.new_context(
        base_url=live_site.url, java_script_enabled=javascript, viewport={"width": 375, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto("/jobs/?sector=F")
        job = page.get_by_role("link", name="Trainee bricklayer")
        filters = page.get_by_role("heading", name="Filter jobs")
        assert job.bounding_box()["y"] < filters.bounding_box()["y"]
        link = page.get_by_role("link", name="Filters (1 chosen)")
        assert link.bounding_box()["y"] < job.bounding_box()["y"]  # near the top, before the results
        link.click()
        expect(page).to_have_url(re.compile(r"#job-filters$"))
        expect(filters).to_be_in_viewport()
        expect(page.locator("[data-facet=sector] input[value=F]")).to_be_checked()

        # On a wide screen the filters sit beside the results and need no link.
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto("/jobs/")
        expect(page.get_by_role("link", name="Filters")).to_be_hidden()
        assert filters.bounding_box()["x"] < job.bounding_box()["x"]
    finally:
        context.close()


# Tables on a phone ------------------------------------------------------------------------------

LABEL = "(cell) => getComputedStyle(cell, '::before').content"


def test_tables_stack_into_labelled_cards_on_a_phone(context, page, live_server):
    coordinator = CoordinatorFactory()
    programme = ProgrammeFactory(provider=coordinator.provider, name="Bricklaying Level 1")
    GraduateFactory(provider=coordinator.provider, programmes=[programme])
    log_in_as(context, live_server, coordinator.user)

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/partner/graduates/")
    row = page.locator("table.graduates tbody tr").first
    reference, status = row.locator("th, td").nth(0), row.locator("th, td").nth(1)
    # One cell under the other, each showing its column's name; the headers stay for screen readers.
    assert (
        status.bounding_box()["y"] >= reference.bounding_box()["y"] + reference.bounding_box()["height"] - 1
    )
    assert status.evaluate(LABEL) == '"Status: "'
    assert row.locator("td").nth(1).evaluate(LABEL) == '"Programmes: "'
    expect(page.get_by_role("columnheader", name="Matching consent")).to_have_count(1)
    expect(page.get_by_role("cell", name=re.compile("Bricklaying Level 1"))).to_have_count(1)
    assert_no_serious_violations(page, "graduates as stacked cards")

    # On a wide screen it is a table again: cells side by side, no labels of their own.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert status.bounding_box()["x"] > reference.bounding_box()["x"] + 20
    assert status.evaluate(LABEL) == "none"
