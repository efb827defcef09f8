"""What a seeker sends with an application (docs/architecture.md, "Data that must never leak"):
the cover note, the profile and the CV reach only the organisation applied to (another employer's
application id is a 404, its pages and inbox never carry them), no public page, sitemap, search
or API answer; a linked provider sees the list, not what was sent; every view is audited; erasure
removes the cover note from every table."""

import pytest
from django.db import connection

from seekers.models import SeekerDataAccess
from tests.applications.factories import ApplicationFactory, application_markers
from tests.crawl import local, sitemap_files
from tests.employers.factories import JobListingFactory, OwnerFactory
from tests.partners.factories import CoordinatorFactory
from tests.public_site import build_public_site
from tests.seekers.factories import ConfirmedLinkFactory, JobSeekerFactory, with_cv
from tests.seekers.test_privacy import API, assert_clean


@pytest.fixture
def world(home, story_index, campaign_index, standard_pages):
    site = build_public_site(home, story_index, campaign_index, standard_pages)
    seeker = with_cv(JobSeekerFactory())
    application = ApplicationFactory(job=site["job"], seeker=seeker, shares_cv=True)
    link = ConfirmedLinkFactory(seeker=seeker)
    markers = [*application_markers(application), f"SEEKMARKcv{seeker.pk}", f"SEEKMARKfile{seeker.pk}"]
    return {**site, "seeker": seeker, "application": application, "link": link, "markers": markers}


def _application_urls(application):
    base = f"/employer/jobs/{application.job_id}/applications/{application.pk}/"
    return [f"/employer/jobs/{application.job_id}/applications/", base, base + "cv/", base + "hire/"]


def test_nothing_sent_reaches_public_pages_search_sitemaps_or_the_api(client, world):
    markers = world["markers"]
    urls = [
        "/",
        "/jobs/",
        world["job"].get_absolute_url(),
        world["employer"].get_absolute_url(),
        "/impact/",
        "/jobs/feed/",
        *API,
        "/sitemap.xml",
        *[local(address) for address in sitemap_files(client)],
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), markers, url)
    for marker in markers:
        for path in ("/search/", "/jobs/", "/search/suggest/"):
            text = client.get(path, {"q": marker}).content.decode().replace(marker, "")
            assert_clean(
                text, [m for m in markers if marker not in m and m not in marker], f"{path}?q={marker}"
            )
    for url in _application_urls(world["application"]) + [f"/seeker/applications/{world['application'].pk}/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert not SeekerDataAccess.objects.exists()


def test_another_employer_gets_a_404_for_the_application_and_sees_nothing_anywhere(client, world):
    stranger = OwnerFactory()
    own_job = JobListingFactory(employer=stranger.employer)
    client.force_login(stranger.user)
    application = world["application"]
    # The application's id under the stranger's own job, and under the real job: both 404.
    for url in _application_urls(application) + [
        f"/employer/jobs/{own_job.pk}/applications/{application.pk}/",
        f"/employer/jobs/{own_job.pk}/applications/{application.pk}/cv/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert_clean(response.content.decode(errors="replace"), world["markers"], url)
    for tail in ("shortlist/", "offer/", "not-this-time/", "invite/", "hire/"):
        assert (
            client.post(f"/employer/jobs/{own_job.pk}/applications/{application.pk}/{tail}").status_code
            == 404
        )
    for url in (
        "/employer/",
        f"/employer/jobs/{own_job.pk}/applications/",
        f"/employer/seekers/{world['seeker'].reference}/",
        f"/employer/seekers/{world['seeker'].reference}/cv/",
    ):
        assert_clean(client.get(url).content.decode(errors="replace"), world["markers"], url)
    application.refresh_from_db()
    assert application.status == "sent"
    assert not SeekerDataAccess.objects.exists()


def test_the_employer_applied_to_sees_it_and_each_view_is_audited(client, world):
    application = world["application"]
    client.force_login(world["owner"])
    page = client.get(_application_urls(application)[1]).content.decode()
    assert application.cover_note in page
    assert client.get(_application_urls(application)[2]).status_code == 200
    # applied with profile and CV: the seekers app's own pages open to this employer too
    assert client.get(f"/employer/seekers/{world['seeker'].reference}/").status_code == 200
    seen = sorted(SeekerDataAccess.objects.values_list("user__email", "action", "employer"))
    owner, employer = world["owner"].email, world["employer"].pk
    assert seen == sorted(
        [(owner, "profile", employer), (owner, "cv", employer), (owner, "profile", employer)]
    )


def test_a_linked_provider_sees_the_list_not_what_was_sent(client, world):
    staff = CoordinatorFactory(provider=world["link"].provider).user
    client.force_login(staff)
    page = client.get("/partner/seeker-applications/").content.decode()
    assert world["seeker"].reference in page and world["job"].title in page
    assert world["application"].cover_note.split()[0] not in page
    client.force_login(CoordinatorFactory().user)  # another provider
    page = client.get("/partner/seeker-applications/").content.decode()
    assert world["seeker"].reference not in page


def test_erasure_withdraws_the_application_and_leaves_no_cover_note(client, world):
    application = world["application"]
    world["seeker"].user.delete()
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.cover_note == ""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # table names from the database itself
            assert_clean(repr(cursor.fetchall()), world["markers"], f"the table {table}")
    client.force_login(world["owner"])
    page = client.get(_application_urls(application)[1]).content.decode()
    assert_clean(page, world["markers"], "the erased seeker's application")
    assert client.get(_application_urls(application)[2]).status_code == 404
