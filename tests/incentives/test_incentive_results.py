"""Saved incentive results in the employer area: saving, snapshots, attaching, deadlines, reminders."""

import datetime
import io
import re

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from incentives.models import (
    IncentiveCondition,
    IncentiveDeadline,
    IncentiveScheme,
    IncentiveStep,
    SavedIncentiveResult,
)
from incentives.models.results import headcount_from_size_band
from incentives.tasks import send_incentive_deadline_reminders
from matching.models import Hire
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    VerifiedUserFactory,
    owner_of,
)
from tests.partners.factories import GraduateFactory, ProgrammeProviderFactory

START = datetime.date(2026, 6, 1)
PROCUREMENT = "Example procurement preference for pledged employers"


def make_scheme(name="Hiring bonus", benefit="500 in cash."):
    scheme = IncentiveScheme.objects.create(
        name=name,
        provider_agency="Agency",
        country="XX",
        kind=IncentiveScheme.Kind.OTHER,
        summary="A scheme.",
        benefit=benefit,
        live=True,
    )
    IncentiveCondition.objects.create(
        scheme=scheme,
        sort_order=0,
        fact="first_job_since_release",
        operator="is_yes",
        value="",
        met_text="It is the first job since release.",
        not_met_text="Only for the first job since release.",
    )
    IncentiveStep.objects.create(
        scheme=scheme, sort_order=0, label="File the claim", relative_to="start", days_offset=28
    )
    IncentiveStep.objects.create(
        scheme=scheme, sort_order=1, label="Pre-screen the candidate", relative_to="offer", days_offset=0
    )
    scheme.save_revision().publish()
    scheme.refresh_from_db()
    return scheme


@pytest.fixture
def owner(home):
    return owner_of(email="owner@bakery.example")


@pytest.fixture
def logged_in(client, owner):
    client.force_login(owner[0])
    return client


@pytest.fixture
def scheme(db):
    return make_scheme()


def hire_for(employer, start=START):
    job = JobListingFactory(employer=employer, title="Baker")
    graduate = GraduateFactory(provider=ProgrammeProviderFactory())
    return Hire.objects.create(graduate=graduate, job=job, employer=employer, start_date=start)


def save(client, **answers):
    return client.post(reverse("employers:save_incentive_result"), answers)


def entry_for(saved, scheme):
    return next(item for item in saved.results if item["scheme_id"] == scheme.pk)


def test_saving_needs_a_login_and_a_membership(client, home, scheme):
    response = save(client, first_job_since_release="yes")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    user = VerifiedUserFactory()
    client.force_login(user)
    response = save(client, first_job_since_release="yes")
    assert response.status_code == 302
    assert response["Location"] == reverse("employers:register")
    assert not SavedIncentiveResult.objects.exists()


def test_saving_re_evaluates_the_answers_and_keeps_the_revision(logged_in, owner, scheme):
    response = save(logged_in, first_job_since_release="yes", outcome="not_eligible", results="forged")
    saved = SavedIncentiveResult.objects.get()
    assert response["Location"] == reverse("employers:incentive_result", args=[saved.pk])
    assert saved.employer == owner[1] and saved.saved_by == owner[0]
    assert saved.answers == {"first_job_since_release": "yes"}
    entry = entry_for(saved, scheme)
    assert entry["outcome"] == "eligible"
    assert entry["revision_id"] == scheme.live_revision_id is not None
    assert entry["conditions"][0]["status"] == "met"


def test_the_snapshot_survives_a_later_scheme_edit(logged_in, scheme):
    save(logged_in, first_job_since_release="no")
    saved = SavedIncentiveResult.objects.get()
    first_revision = scheme.latest_revision_id
    scheme.benefit = "Nothing any more."
    scheme.save()
    scheme.save_revision()
    assert scheme.latest_revision_id != first_revision

    saved.refresh_from_db()
    assert entry_for(saved, scheme)["revision_id"] == first_revision
    page = logged_in.get(reverse("employers:incentive_result", args=[saved.pk])).content.decode()
    assert "500 in cash." in page and "Nothing any more." not in page
    assert "Only for the first job since release." in page
    assert "Schemes may have changed since" in page
    listing = logged_in.get(reverse("employers:incentive_results")).content.decode()
    assert reverse("employers:incentive_result", args=[saved.pk]) in listing


def test_another_organisations_result_is_not_found(logged_in, scheme):
    other = SavedIncentiveResult.objects.create(employer=EmployerFactory(), answers={}, results=[])
    assert logged_in.get(reverse("employers:incentive_result", args=[other.pk])).status_code == 404
    url = reverse("employers:attach_incentive_result", args=[other.pk])
    assert logged_in.post(url, {"job": ""}).status_code == 404


def test_attach_to_own_job_but_not_another_organisations(logged_in, owner, scheme):
    save(logged_in, first_job_since_release="yes")
    saved = SavedIncentiveResult.objects.get()
    url = reverse("employers:attach_incentive_result", args=[saved.pk])
    own_job = JobListingFactory(employer=owner[1])
    other_job = JobListingFactory(employer=EmployerFactory())

    assert logged_in.post(url, {"job": other_job.pk}).status_code == 404
    saved.refresh_from_db()
    assert saved.job is None

    assert logged_in.post(url, {"job": own_job.pk}).status_code == 302
    saved.refresh_from_db()
    assert saved.job == own_job
    assert logged_in.get(url).status_code == 405


def test_attaching_a_hire_schedules_the_dated_steps(logged_in, owner, scheme):
    save(logged_in, first_job_since_release="yes")
    saved = SavedIncentiveResult.objects.get()
    hire = hire_for(owner[1])
    other_hire = hire_for(EmployerFactory())
    url = reverse("employers:attach_incentive_result", args=[saved.pk])

    assert logged_in.post(url, {"hire": other_hire.pk}).status_code == 404
    assert not IncentiveDeadline.objects.exists()

    logged_in.post(url, {"hire": hire.pk})
    deadlines = {d.label: d for d in saved.deadlines.all()}
    assert deadlines["File the claim"].due_on == START + datetime.timedelta(days=28)
    assert deadlines["File the claim"].deadline_text == "within 28 days of the start date"
    assert deadlines["Pre-screen the candidate"].due_on == hire.recorded_at.date()
    page = logged_in.get(reverse("employers:incentive_result", args=[saved.pk])).content.decode()
    assert "29 June 2026" in page

    logged_in.post(url, {"hire": hire.pk})  # attaching again adds nothing
    assert saved.deadlines.filter(label="File the claim").count() == 1


def test_a_scheme_ruled_out_gets_no_deadlines(logged_in, owner, scheme):
    save(logged_in, first_job_since_release="no")
    saved = SavedIncentiveResult.objects.get()
    logged_in.post(
        reverse("employers:attach_incentive_result", args=[saved.pk]), {"hire": hire_for(owner[1]).pk}
    )
    assert not saved.deadlines.filter(scheme_id=scheme.pk).exists()


def test_reminders_are_sent_7_days_and_1_day_before_once_each(owner, scheme, mailoutbox):
    employer = owner[1]
    saved = SavedIncentiveResult.objects.create(employer=employer, answers={}, results=[])
    saved.results = [
        {
            "scheme_id": scheme.pk,
            "scheme_name": scheme.name,
            "outcome": "eligible",
            "steps": [{"label": "File the claim", "relative_to": "start", "days_offset": 28}],
        }
    ]
    saved.hire = hire_for(employer)
    saved.save()
    [deadline] = saved.schedule_deadlines()
    due = deadline.due_on  # 29 June 2026

    def run(day):
        with time_machine.travel(datetime.datetime.combine(day, datetime.time(8)), tick=False):
            return send_incentive_deadline_reminders.enqueue().return_value

    assert run(due - datetime.timedelta(days=8)) == 0
    assert run(due - datetime.timedelta(days=7)) == 1
    assert run(due - datetime.timedelta(days=7)) == 0
    assert run(due - datetime.timedelta(days=3)) == 0
    assert run(due - datetime.timedelta(days=1)) == 1
    assert run(due - datetime.timedelta(days=1)) == 0
    assert run(due) == 0
    assert len(mailoutbox) == 2
    assert mailoutbox[0].to == ["owner@bakery.example"]
    assert mailoutbox[0].subject == "Due in 7 days: File the claim (Hiring bonus)"
    assert mailoutbox[1].subject == "Due tomorrow: File the claim (Hiring bonus)"
    assert f"/employer/incentives/{saved.pk}/" in mailoutbox[0].body

    out = io.StringIO()
    with time_machine.travel(datetime.datetime.combine(due, datetime.time(8)), tick=False):
        call_command("send_incentive_deadline_reminders", stdout=out)
    assert "Sent 0 incentive deadline reminders." in out.getvalue()


@pytest.mark.usefixtures("example_schemes")
def test_the_dashboard_shows_schemes_for_a_pledged_employer(logged_in, owner):
    HiringPledgeFactory(employer=owner[1])
    page = logged_in.get(reverse("employers:dashboard")).content.decode()
    assert "Incentives you may be eligible for" in page
    assert PROCUREMENT in page
    assert 'href="/incentives/check/"' in page


@pytest.mark.usefixtures("example_schemes")
def test_the_dashboard_leaves_out_schemes_ruled_out(logged_in, owner):
    page = logged_in.get(reverse("employers:dashboard")).content.decode()
    assert "Incentives you may be eligible for" in page
    assert PROCUREMENT not in page  # no pledge in force: not eligible


def test_the_save_form_carries_every_answer(rf, owner):
    from django.template.loader import render_to_string

    request = rf.get("/incentives/check/")
    html = render_to_string(
        "incentives/_save_form.html",
        {"answers": {"employer_headcount": "12", "region": ""}},
        request=request,
    )
    assert 'action="/employer/incentives/save/"' in html
    assert 'name="employer_headcount" value="12"' in html
    assert 'name="region" value=""' in html
    assert "csrfmiddlewaretoken" in html


def test_headcount_from_size_band():
    assert headcount_from_size_band("10-49") == 10
    assert headcount_from_size_band("1000+") == 1000
    assert headcount_from_size_band("") is None


def test_a_saved_result_records_the_live_revision_not_an_unpublished_draft(logged_in, scheme):
    live = scheme.live_revision_id
    scheme.benefit = "A draft nobody approved."
    draft = scheme.save_revision()  # saved in the admin, not published
    assert scheme.latest_revision_id == draft.pk != live

    save(logged_in, first_job_since_release="yes")

    saved = SavedIncentiveResult.objects.get()
    assert entry_for(saved, scheme)["revision_id"] == live
    page = logged_in.get(reverse("employers:incentive_result", args=[saved.pk])).content.decode()
    assert "500 in cash." in page and "A draft nobody approved." not in page


def test_a_saved_result_shows_its_answers_in_words(logged_in, scheme):
    # The checker's save form carries the typed answers as Python writes them ("True", "F").
    save(
        logged_in,
        employer_sector="F",
        first_job_since_release="True",
        receiving_benefits="False",
        employer_headcount="1200",
        offer_date="2026-03-03",
    )
    saved = SavedIncentiveResult.objects.get()
    page = logged_in.get(reverse("employers:incentive_result", args=[saved.pk])).content.decode()
    answers = page.split('id="answers-heading"')[1].split("</dl>")[0]
    assert "<dd>Construction</dd>" in answers
    assert "<dd>Yes</dd>" in answers and "<dd>No</dd>" in answers  # a "no" is an answer too
    assert "1,200" in answers and "3 March 2026" in answers
    for code in ("<dd>F</dd>", "True", "False", "2026-03-03"):
        assert code not in answers


# -- The dashboard at national scale (issue 22) ---------------------------------------------------


def hinted(client):
    page = client.get(reverse("employers:dashboard")).content.decode()
    return re.findall(r'<li data-scheme="(\d+)"', page)


def test_the_dashboards_hints_follow_a_scheme_published_or_withdrawn_at_once(logged_in):
    assert hinted(logged_in) == []
    scheme = make_scheme()  # "needs more information": is it the first job since release?
    assert hinted(logged_in) == [str(scheme.pk)]
    scheme.unpublish()
    assert hinted(logged_in) == []


def test_the_dashboard_costs_a_fixed_number_of_queries(logged_in, owner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    HiringPledgeFactory(employer=owner[1])
    make_scheme()
    logged_in.get(reverse("employers:dashboard"))  # the schemes kept for a few minutes
    with CaptureQueriesContext(connection) as queries:
        assert logged_in.get(reverse("employers:dashboard")).status_code == 200
    # user, membership with the verified address, pledge and its commitments with their wording
    # (2), introductions, two-factor, members: 7, was 19 (the session now from the cache, the
    # schemes kept a few minutes, the pledge and members read once, the header's areas from the
    # cache, the address asked with the membership); with the panels kept, 3
    # (tests/employers/test_area_cache.py)
    assert len(queries) == 7, [q["sql"][:120] for q in queries.captured_queries]
