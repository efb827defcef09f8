"""The W3C Nu Html Checker (vnu.jar, `make validators`) finds no error on any page the browser
suite visits: public pages, account pages, the employer area and the partner area, rendered from
factories through the test client, in their error states too. The Wagtail admin is Wagtail's own
HTML and is left out.

Needs Java and tools/vnu/node_modules/vnu-jar; skips with the reason when either is missing,
unless REQUIRE_VALIDATORS=1 (.ci/run sets it), when it fails instead.
"""

import json
import os
import shutil
import subprocess  # nosec B404 # runs the checker, a fixed command line
from pathlib import Path

import pytest
from django.test import Client

from tests.campaigns.factories import PendingPledgeFactory
from tests.community_events.factories import (
    AttendeeFactory,
    EventIndexPageFactory,
    EventPageFactory,
    PastEventPageFactory,
)
from tests.employers.factories import VerifiedUserFactory
from tests.partners.factories import CoordinatorFactory, GraduateFactory
from tests.public_site import build_public_site, public_pages

VNU_JAR = (
    Path(__file__).resolve().parents[2]
    / "tools"
    / "vnu"
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


def checker():
    """The java command, or skip (fail under REQUIRE_VALIDATORS=1) saying what is missing."""
    java = shutil.which("java")
    missing = []
    if not java:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR} (make validators)")
    if missing:
        reason = "The Nu Html Checker cannot run: missing " + ", ".join(missing)
        if os.environ.get("REQUIRE_VALIDATORS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return java


def validate(java, files):
    """{file name: ["line N: message", ...]} for every error vnu reports."""
    result = subprocess.run(  # nosec B603 # fixed arguments, our own temporary files
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = {}
    for message in report["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = Path(message.get("url", "?").removeprefix("file:")).name
        errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.fixture
def pages_to_check(home, story_index, campaign_index, standard_pages, example_schemes):
    site = build_public_site(home, story_index, campaign_index, standard_pages)
    anonymous = Client()
    owner = Client()
    owner.force_login(site["owner"])
    account = Client()
    account.force_login(VerifiedUserFactory(email="someone@example.org"))
    coordinator_staff = CoordinatorFactory()
    graduate = GraduateFactory(provider=coordinator_staff.provider)
    coordinator = Client()
    coordinator.force_login(coordinator_staff.user)
    job = site["job"]
    pending = PendingPledgeFactory(campaign=site["campaign"])
    event_index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=event_index, capacity=10)
    event.employers.set([job.employer])
    event.save()
    PastEventPageFactory(parent=event_index)
    attendee_token = AttendeeFactory(event=event).attendee_token()

    gets = [(kind, anonymous, path, 200) for kind, path in public_pages(site)] + [
        ("story index, filtered", anonymous, f"{site['story_index'].url}?theme=work", 200),
        ("job board, filtered", anonymous, "/jobs/?sector=F&q=brick", 200),
        ("search results", anonymous, "/search/?q=brick", 200),
        ("search, empty", anonymous, "/search/", 200),
        ("pledge certificate", anonymous, f"{site['pledge'].get_absolute_url()}certificate/", 200),
        ("pledge thanks", anonymous, f"{site['campaign'].url}pledge/thanks/?outcome=sent", 200),
        ("pledge confirmation", anonymous, f"/support/confirm/{pending.confirmation_token()}/", 200),
        ("eligibility checker", anonymous, "/incentives/check/", 200),
        ("events", anonymous, "/events/", 200),
        ("events, filtered", anonymous, "/events/?kind=job-fair&attendance=online", 200),
        ("event", anonymous, event.url, 200),
        ("event, signed in", account, event.url, 200),
        ("event sign-up thanks", anonymous, f"/events/sign-up/{event.pk}/thanks/", 200),
        ("attendee's place", anonymous, f"/events/place/{attendee_token}/", 200),
        ("attendee's cancellation", anonymous, f"/events/place/{attendee_token}/cancel/", 200),
        ("not found", anonymous, "/no-such-page/", 404),
        ("log in", anonymous, "/accounts/login/", 200),
        ("sign up", anonymous, "/accounts/signup/", 200),
        ("password reset", anonymous, "/accounts/password/reset/", 200),
        ("e-mail addresses", account, "/accounts/email/", 200),
        ("change password", account, "/accounts/password/change/", 200),
        ("two-factor", account, "/accounts/2fa/", 200),
        ("delete account", account, "/accounts/delete/", 200),
        ("register an organisation", account, "/employer/register/", 200),
        ("employer dashboard", owner, "/employer/", 200),
        ("employer organisation", owner, "/employer/organisation/", 200),
        ("employer members", owner, "/employer/members/", 200),
        ("employer pledge", owner, "/employer/pledge/", 200),
        ("employer jobs", owner, "/employer/jobs/", 200),
        ("employer new job", owner, "/employer/jobs/new/", 200),
        ("employer job", owner, f"/employer/jobs/{job.pk}/", 200),
        ("employer job edit", owner, f"/employer/jobs/{job.pk}/edit/", 200),
        ("employer job matches", owner, f"/employer/jobs/{job.pk}/matches/", 200),
        ("partner dashboard", coordinator, "/partner/", 200),
        ("partner graduates", coordinator, "/partner/graduates/", 200),
        ("partner new graduate", coordinator, "/partner/graduates/new/", 200),
        ("partner graduate", coordinator, f"/partner/graduates/{graduate.reference}/", 200),
        ("partner graduate edit", coordinator, f"/partner/graduates/{graduate.reference}/edit/", 200),
    ]
    pages = []
    for kind, client, path, status in gets:
        response = client.get(path)
        assert response.status_code == status, f"{kind} {path}: {response.status_code}"
        pages.append((kind, path, response.content))
    posts = [
        (
            "sign up with errors",
            anonymous,
            "/accounts/signup/",
            {"email": "not-an-address", "password1": "x"},
        ),
        (
            "log in with errors",
            anonymous,
            "/accounts/login/",
            {"login": "nobody@example.org", "password": "x"},
        ),
        ("pledge form with errors", anonymous, f"{site['campaign'].url}pledge/", {"email": "nope"}),
        ("event sign-up with errors", anonymous, f"/events/sign-up/{event.pk}/", {"email": "nope"}),
        ("new job with errors", owner, "/employer/jobs/new/", {"title": ""}),
        ("new graduate with errors", coordinator, "/partner/graduates/new/", {}),
    ]
    for kind, client, path, data in posts:
        response = client.post(path, data)
        assert response.status_code in (200, 400), f"{kind} {path}: {response.status_code}"
        pages.append((kind, path, response.content))
    return pages


def test_every_page_the_browser_suite_visits_is_valid_html(pages_to_check, tmp_path):
    java = checker()
    files, names = [], {}
    for number, (kind, path, content) in enumerate(pages_to_check):
        file = tmp_path / f"page-{number:02d}.html"
        file.write_bytes(content)
        files.append(file)
        names[file.name] = f"{kind} ({path})"
    errors = validate(java, files)
    report = "\n".join(
        f"{names.get(name, name)}: {len(lines)} errors\n    " + "\n    ".join(lines)
        for name, lines in errors.items()
    )
    assert not errors, f"The Nu Html Checker found errors on {len(errors)} of {len(files)} pages:\n{report}"
