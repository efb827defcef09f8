"""A person applies to be a peer mentor, staff screen them in the Wagtail admin (references through
the signed link, the checklist, to active), a provider asks for a mentor for a graduate, staff
match them with the explanation in view, and the mentor logs in and logs a session."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.test_employer_journey import assert_no_serious_violations, link_path
from tests.browser.test_job_journey import log_in
from tests.partners.factories import CoordinatorFactory, GraduateFactory, ProgrammeProviderFactory
from volunteers.models import MentoringSession, Mentorship, Status, Volunteer

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"
MENTOR_PASSWORD = "a long and unusual passphrase 42"


def test_mentor_journey_from_application_to_a_logged_session(context, page, mailoutbox):
    provider = ProgrammeProviderFactory(name="Fresh Start Futures", region="GB-MAN")
    CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org")
    graduate = GraduateFactory(provider=provider)
    admin_staff("moderator@example.org", group="Campaign moderators")

    # 1. A visitor applies to be a peer mentor, fixing a mistake the form points out.
    page.goto("/")
    page.get_by_role("link", name="Volunteer with us").click()
    page.get_by_label("Peer mentor with lived experience").check()
    page.get_by_label("Your name").fill("Jo Helper")
    page.get_by_label("E-mail address").fill("jo@example.org")
    page.get_by_label("Where you live").select_option(label="Manchester")
    page.get_by_label("French").check()
    page.get_by_label("Weekends").check()
    page.get_by_label("Why would you like to volunteer?").fill("Someone helped me once.")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick this box")
    expect(page.get_by_label("Your name")).to_have_value("Jo Helper")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for applying")
    volunteer = Volunteer.objects.get()

    # 2. The link in the confirmation e-mail opens the volunteer area with a new password.
    page.goto(link_path(mailoutbox[-1], "/volunteer/confirm/"))
    page.get_by_label("Password", exact=True).fill(MENTOR_PASSWORD)
    page.get_by_label("Password (again)").fill(MENTOR_PASSWORD)
    page.get_by_role("button", name="Open my volunteer area").click()
    expect(page).to_have_url(re.compile(r"/volunteer/area/$"))
    expect(page.locator("[data-status]")).to_contain_text("Applied")

    # 3. Staff screen the volunteer in the Wagtail admin.
    staff = context.browser.new_context(base_url=page.url.split("/volunteer")[0]).new_page()
    log_in_to_admin(staff, "moderator@example.org", next_url=f"/admin/volunteers/inspect/{volunteer.pk}/")
    staff.get_by_label("Move to").select_option(label="References requested")
    staff.get_by_role("button", name="Change the status").click()
    for number in (1, 2):
        staff.get_by_label("Referee's name").fill(f"Referee {number}")
        staff.get_by_label("Referee's e-mail address").fill(f"referee{number}@example.org")
        staff.get_by_role("button", name="Send the request").click()
        expect(staff.locator(".messages")).to_contain_text("The referee has been e-mailed")
    referee = context.browser.new_context(base_url=page.url.split("/volunteer")[0]).new_page()
    for message in [m for m in mailoutbox if m.to[0].startswith("referee")]:
        referee.goto(link_path(message, "/volunteer/reference/"))
        referee.get_by_label(re.compile("How long and in what way")).fill("Ten years, neighbours")
        referee.get_by_label("Your reference").fill("Patient and kind with everyone.")
        referee.get_by_role("button", name="Send the reference").click()
        expect(referee.locator("[data-given]")).to_be_visible()
    referee.context.close()
    staff.reload()
    expect(staff.get_by_text("Patient and kind with everyone.").first).to_be_visible()
    for status in ("Interviewed", "Trained", "Active"):
        staff.get_by_label("Move to").select_option(label=status)
        staff.get_by_role("button", name="Change the status").click()
        if status == "Active":
            expect(staff.get_by_text("Complete the checklist").first).to_be_visible()
    staff.get_by_label("Interview done").check()
    staff.get_by_label("Training done").check()
    staff.get_by_label("Background check done").check()
    staff.get_by_role("button", name="Save the checklist").click()
    staff.get_by_label("Move to").select_option(label="Active")
    staff.get_by_role("button", name="Change the status").click()
    expect(staff.locator(".messages")).to_contain_text("is now “Active”")
    volunteer.refresh_from_db()
    assert volunteer.status == Status.ACTIVE

    # 4. The provider's coordinator asks for a mentor for a graduate.
    partner = context.browser.new_context(base_url=page.url.split("/volunteer")[0]).new_page()
    log_in(partner, "coord@fresh.example.org", expected=r"/partner/$")
    partner.get_by_role("link", name="Mentors", exact=True).click()
    partner.get_by_role("link", name="Ask for a mentor").click()
    assert_no_serious_violations(partner, "mentor request form")
    partner.get_by_label("Graduate's reference").fill(graduate.reference)
    partner.get_by_label("Peer mentor with lived experience").check()
    partner.get_by_label("French").check()
    partner.get_by_role("button", name="Send the request").click()
    expect(partner.locator("[data-status]")).to_have_text("Open")

    # 5. Staff match them, with the explanation in view.
    staff.goto("/admin/mentor-requests/")
    staff.get_by_role("link", name=re.compile(graduate.reference)).click()
    candidate = staff.locator(f'[data-candidate="{volunteer.pk}"]')
    expect(candidate).to_contain_text("Same region as the provider: Manchester")
    expect(candidate).to_contain_text("Speaks the language asked for: French")
    candidate.get_by_role("button", name="Match with Jo Helper").click()
    expect(staff.locator(".messages")).to_contain_text("both have been introduced")
    mentorship = Mentorship.objects.get()
    assert {tuple(m.to) for m in mailoutbox[-2:]} == {("jo@example.org",), ("coord@fresh.example.org",)}
    partner.reload()
    expect(partner.locator("[data-mentor-contact]")).to_contain_text("jo@example.org")
    partner.context.close()
    staff.context.close()

    # 6. The mentor logs in and logs a session.
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Log out").click()
    log_in(page, "jo@example.org", password=MENTOR_PASSWORD, expected=r"/volunteer/area/$")
    page.get_by_role("link", name=graduate.reference).click()
    expect(page.get_by_text("coord@fresh.example.org").first).to_be_visible()
    expect(page.get_by_text("Do not write the graduate").first).to_be_visible()
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    page.get_by_label("Date of the session").fill(yesterday.isoformat())
    page.get_by_label("How long, in minutes").fill("50")
    page.get_by_label("A few words", exact=True).fill("Practised an interview")
    page.get_by_role("button", name="Log the session").click()
    expect(page.locator(".sessions")).to_contain_text("Practised an interview")
    assert MentoringSession.objects.get(mentorship=mentorship).minutes == 50
