"""The soak's visitors do the work they name, as a browser would, and a soak that did none fails.

The pledge visitor once looked for a CSRF token in the campaign page and posted to the page's own
`pledge/` route; the cacheable page has no token and its form posts to /support/pledge/<id>/, so
every sign-up silently gave up and the mail drill measured nothing.
"""

import pytest

from bench import forms, report, visitors
from campaigns.models import SupporterPledge
from jobs.models import JobListing
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import owner_of

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def submit(client, form, data):
    assert form.method == "post"
    return client.post(form.action.removeprefix(BASE), dict_of_lists(data))


def dict_of_lists(pairs):
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def test_the_pledge_visitor_submits_the_campaign_form_to_its_action_and_the_pledge_is_stored(
    client, campaign_index
):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    page = client.get(campaign.url)
    assert page.status_code == 200

    form = forms.find_form(page.content.decode(), BASE + campaign.url, "email")

    assert form is not None, "the campaign page has no pledge form"
    assert form.action == f"{BASE}/support/pledge/{campaign.pk}/"
    response = submit(client, form, visitors.pledge_data(form, "visitor-1@example.org"))
    assert response.status_code == 302
    pledge = SupporterPledge.objects.get(email="visitor-1@example.org")
    assert pledge.status == SupporterPledge.Status.PENDING
    assert pledge.campaign_id == campaign.pk


def test_the_employer_visitor_saves_a_draft_through_the_new_listing_form(client):
    user, employer = owner_of()
    client.force_login(user)
    page = client.get("/employer/jobs/new/")
    assert page.status_code == 200

    form = forms.find_form(page.content.decode(), BASE + "/employer/jobs/new/", "title")
    response = submit(client, form, visitors.draft_data(form, "Soak draft test 1-0"))

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = JobListing.objects.get(title="Soak draft test 1-0")
    assert draft.status == JobListing.Status.DRAFT
    assert draft.employer == employer


def test_a_browser_sends_defaults_but_no_unticked_box_nor_unpressed_button():
    html = """<form method="post" action="/go/"><input name="a" value="1">
    <input type="checkbox" name="off"><input type="checkbox" name="on" checked value="yes">
    <select name="s"><option value="">Choose<option value="x" selected>X</select>
    <textarea name="t">
hello</textarea><button name="b" value="pressed">Go</button>
    <input type="submit" name="sub" value="Send"><input name="d" value="no" disabled></form>"""

    form = forms.find_form(html, BASE + "/page/", "a")

    assert form.action == BASE + "/go/"
    assert form.data() == [("a", "1"), ("on", "yes"), ("s", "x"), ("t", "hello")]
    assert form.choices("s") == ["x"]


def soak_that_did(page=0, search=0, employer=0, submitted=(), accepted=(), answered=(), saved=()):
    recorder = report.Recorder()
    for kind, count in (("page", page), ("search", search), ("employer", employer)):
        for _ in range(count):
            recorder.record(kind, 200, 0.01, "/", True)
    done = {
        "submitted": set(submitted),
        "accepted": set(accepted),
        "drafts_answered": set(answered),
        "drafts_saved": set(saved),
    }
    return report.work_checks(recorder, done)


def failed(checks):
    return sorted(name for name, (_count, passed) in checks.items() if not passed)


def test_a_soak_whose_sign_ups_never_reached_the_database_fails():
    checks = soak_that_did(
        page=100, search=20, employer=10, submitted=["a@x.org"], answered=["t"], saved=["t"]
    )

    assert failed(checks) == ["pledge sign-ups accepted (in the database)"]


def test_a_soak_that_saved_no_employer_draft_fails():
    checks = soak_that_did(page=100, search=20, employer=10, submitted=["a@x.org"], accepted=["a@x.org"])

    assert failed(checks) == ["employer drafts saved (in the database)"]


def test_a_soak_that_did_every_kind_of_work_passes():
    checks = soak_that_did(
        page=100,
        search=20,
        employer=10,
        submitted=["a@x.org"],
        accepted=["a@x.org"],
        answered=["t"],
        saved=["t"],
    )

    assert failed(checks) == []
