"""Job seekers' profiles and CVs (docs/architecture.md, "Data that must never leak"): the statement,
work history, e-mail address, CV file name and CV text reach no public page, sitemap, search,
API answer, or employer without an accepted introduction (the applications app adds "applied
to"), nor another provider; every view by someone else is audited; erasure leaves none of it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from seekers.models import SeekerDataAccess
from tests.crawl import local, sitemap_files
from tests.employers.factories import JobListingFactory, OwnerFactory, SkillFactory
from tests.partners.factories import CoordinatorFactory
from tests.public_site import build_public_site
from tests.seekers.factories import (
    AcceptedIntroductionFactory,
    ConfirmedLinkFactory,
    FindableSeekerFactory,
    seeker_markers,
    with_cv,
)

API = [
    "/api/v1/",
    "/api/v1/jobs",
    "/api/v1/employers",
    "/api/v1/stories",
    "/api/v1/campaigns",
    "/api/v1/impact",
]


def all_markers(seeker):
    return [*seeker_markers(seeker), f"SEEKMARKcv{seeker.pk}", f"SEEKMARKfile{seeker.pk}"]


def assert_clean(text, markers, where):
    leaked = [marker for marker in markers if marker.lower() in text.lower()]
    assert not leaked, f"{where} shows a job seeker's data: {leaked}"


@pytest.fixture
def world(home, story_index, campaign_index, standard_pages):
    site = build_public_site(home, story_index, campaign_index, standard_pages)
    brick = SkillFactory(name="Bricklaying", area="construction")
    seeker = with_cv(FindableSeekerFactory(skills=[brick]))
    # An accepted introduction with the public site's employer, and a confirmed provider link.
    introduction = AcceptedIntroductionFactory(seeker=seeker, job=site["job"], requested_by=site["owner"])
    link = ConfirmedLinkFactory(seeker=seeker)
    return {
        **site,
        "seeker": seeker,
        "introduction": introduction,
        "link": link,
        "markers": all_markers(seeker),
    }


def public_urls(world):
    return [
        "/",
        "/stories/",
        world["story"].url,
        "/campaigns/",
        "/jobs/",
        world["job"].get_absolute_url(),
        "/pledge-wall/",
        world["employer"].get_absolute_url(),
        "/impact/",
        "/jobs/feed/",
        *API,
    ]


def test_nothing_of_a_seeker_reaches_public_pages_search_sitemaps_or_the_api(client, world):
    markers = world["markers"]
    urls = public_urls(world) + [local(address) for address in sitemap_files(client)] + ["/sitemap.xml"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), markers, url)
    for marker in markers:
        for path in ("/search/", "/jobs/", "/search/suggest/"):
            response = client.get(path, {"q": marker})
            text = response.content.decode().replace(marker, "")  # the query itself is echoed
            assert_clean(
                text, [m for m in markers if marker not in m and m not in marker], f"{path}?q={marker}"
            )
    # Nobody logged in reaches the profile or the CV, under any address.
    seeker = world["seeker"]
    for url in (
        f"/employer/seekers/{seeker.reference}/",
        f"/employer/seekers/{seeker.reference}/cv/",
        f"/partner/seekers/{seeker.reference}/cv/",
        "/seeker/cv/download/",
        f"/media/{seeker.cv.name}",
        f"/media/{Path(seeker.cv.name).name}",
    ):
        response = client.get(url)
        assert response.status_code in (302, 404), url
        assert_clean(
            response.content.decode(errors="replace") if response.status_code == 404 else "", markers, url
        )
    assert not SeekerDataAccess.objects.exists()


def test_an_employer_without_an_accepted_introduction_sees_only_the_anonymised_profile(client, world):
    stranger = OwnerFactory()
    # The stranger's own job asking for the seeker's skill: the seeker shows up anonymised there.
    own_job = JobListingFactory(employer=stranger.employer, skills=[world["seeker"].skills.first()])
    client.force_login(stranger.user)
    page = client.get(f"/employer/jobs/{own_job.pk}/seekers/").content.decode()
    assert world["seeker"].reference in page
    assert_clean(page, world["markers"], "the stranger's job seekers page")
    for url in ("/employer/", f"/employer/jobs/{own_job.pk}/", *public_urls(world)):
        assert_clean(client.get(url).content.decode(), world["markers"], url)
    seeker = world["seeker"]
    for url in (f"/employer/seekers/{seeker.reference}/", f"/employer/seekers/{seeker.reference}/cv/"):
        assert client.get(url).status_code == 404
    assert not SeekerDataAccess.objects.exists()


def test_another_provider_sees_nothing_and_no_view_goes_unaudited(client, world):
    seeker = world["seeker"]
    client.force_login(CoordinatorFactory().user)
    for url in (
        "/partner/seekers/",
        f"/partner/seekers/{seeker.reference}/",
        f"/partner/seekers/{seeker.reference}/cv/",
    ):
        response = client.get(url)
        assert_clean(response.content.decode(errors="replace"), world["markers"], url)
    assert not SeekerDataAccess.objects.exists()
    client.force_login(world["owner"])
    client.get(f"/employer/seekers/{seeker.reference}/")
    # An accepted introduction shows the profile; the CV goes only with an application.
    assert client.get(f"/employer/seekers/{seeker.reference}/cv/").status_code == 404
    staff = world["link"].provider.staff.create(user=CoordinatorFactory().user, role="case-worker").user
    client.force_login(staff)
    client.get(f"/partner/seekers/{seeker.reference}/")
    seen = list(SeekerDataAccess.objects.values_list("user__email", "action", "employer", "provider"))
    assert sorted(seen) == sorted(
        [
            (world["owner"].email, "profile", world["employer"].pk, None),
            (staff.email, "profile", None, world["link"].provider.pk),
        ]
    )


def test_erasure_leaves_nothing_of_the_seeker_in_any_table_or_on_disk(client, world):
    seeker = world["seeker"]
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / seeker.cv.name
    assert stored.exists()
    seeker.user.delete()
    seeker.refresh_from_db()
    assert seeker.is_erased and not stored.exists()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # table names from the database itself
            assert_clean(repr(cursor.fetchall()), world["markers"], f"the table {table}")
    # The employer's introduction stays (a count) but the profile is gone for them.
    client.force_login(world["owner"])
    assert client.get(f"/employer/seekers/{seeker.reference}/").status_code == 404
