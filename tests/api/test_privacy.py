"""The privacy rules of the matching issue, extended to the open data API: after every flow that
touches graduates (introductions, a hire, a retention check), no answer of the API carries any
graduate's personal data, any employer member's name or e-mail, a pledge's signatory, a job's
application address or a supporter's e-mail."""

import pytest

from campaigns.models import SupporterPledge
from tests.campaigns.factories import ConfirmedPledgeFactory
from tests.partners.test_privacy import assert_clean, markers_of, run_flows, world  # noqa: F401

SEARCHED = ["/api/v1/jobs", "/api/v1/employers"]
CONTROL = "Zqxnothingmatches"


def member_markers(world):  # noqa: F811
    markers = []
    for user in (world["owner"], world["recruiter"]):
        markers += [user.email, user.last_name]
    markers += [world["pledge"].signatory_name, world["job"].apply_email]
    markers += [pledge.email for pledge in SupporterPledge.objects.all()]
    return [marker for marker in markers if marker]


def api_urls(client, world):  # noqa: F811
    urls = [
        "/api/v1/",
        "/api/v1/openapi.json",
        "/api/v1/docs",
        "/api/v1/jobs",
        f"/api/v1/jobs/{world['job'].pk}",
        "/api/v1/employers",
        f"/api/v1/employers/{world['employer'].slug}",
        "/api/v1/stories",
        "/api/v1/campaigns",
        "/api/v1/impact",
    ]
    assert set(client.get("/api/v1/").json()["endpoints"].values()) <= {f"http://testserver{u}" for u in urls}
    return urls


@pytest.mark.django_db
def test_no_personal_data_in_any_api_answer(client, settings, world):  # noqa: F811
    settings.API_RATE_LIMIT = "10000/m"  # a search per marker, well past the public limit
    job = world["job"]
    job.apply_method, job.apply_email = "email", "hiring.manager@bricks.example.org"
    job.save()
    ConfirmedPledgeFactory(campaign=world["campaign"], email="supporter.jo@example.net", name="Jo Bloggs")
    run_flows(client, world)
    markers = markers_of(world["all_graduates"]) + member_markers(world)
    assert len(markers) >= 30

    for who in ("public", "owner"):
        if who == "owner":
            client.force_login(world["owner"])  # a signed-in member gets the same public data
        for url in api_urls(client, world):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_clean(response.content.decode(), markers, f"{url} ({who})")
        # Searching for a marker finds nothing: the answer may echo the words, nothing more.
        for path in SEARCHED:
            control = client.get(path, {"q": CONTROL}).content.decode().count(CONTROL)
            for marker in markers:
                response = client.get(path, {"q": marker})
                assert response.status_code == 200, (path, marker)
                text = response.content.decode()
                assert text.count(marker) <= control, f"{path}?q={marker} finds personal data"
                others = [m for m in markers if m != marker and marker not in m and m not in marker]
                assert_clean(text.replace(marker, ""), others, f"{path}?q={marker} ({who})")
