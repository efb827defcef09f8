"""Data that must never leak (docs/architecture.md): a graduate's name, contact details and notes appear on no
page, feed, search result, search index or e-mail that the public or an employer can get; the
personal statement only after an accepted introduction. Another provider's staff get 404 for
every graduate URL, and every view of personal data is audited.

Markers: GraduateFactory puts unique strings (prefix PIIMARK, a made-up phone number) in every
GraduatePersonalData field and in the personal statement.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from matching.models import Introduction
from matching.outcomes import expire_overdue_introductions, send_due_retention_checks
from partners.models import GraduatePersonalData, PersonalDataAccess
from portal.models import OutboxMessage
from search.engines.elasticsearch.documents import DOCUMENTS, GraduateDocument
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import (
    HiringPledgeFactory,
    JobListingFactory,
    RecruiterFactory,
    SkillFactory,
    owner_of,
)
from tests.partners.factories import (
    PERSONAL_MARKER_PREFIX,
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeFactory,
    ProgrammeProviderFactory,
)
from tests.stories.factories import StoryPageFactory

RELEASED = "Ring the programme office on 0161 496 0000"
ACCEPTED_STATEMENT = "I like building things and I am never late."
POST_ONLY = ("consent", "withdraw")
GRADUATE_SUFFIXES = ["", "edit/", "export/", "hire/", "consent/", "consent/withdraw/"]


def markers_of(graduates):
    """Every personal field's marker; the statement's only where no introduction was accepted."""
    markers = []
    for data in GraduatePersonalData.objects.filter(graduate__in=graduates).select_related("graduate"):
        markers += [data.full_name.split()[0], data.email, data.phone, data.notes.split()[0]]
        accepted = data.graduate.introductions.filter(status=Introduction.Status.ACCEPTED).exists()
        if data.graduate.personal_statement and not accepted:
            markers.append(data.graduate.personal_statement.split()[0])
    assert len(markers) >= 4 * len(graduates)
    return markers


def assert_clean(text, markers, where):
    leaked = [marker for marker in markers if marker.lower() in text.lower()]
    assert not leaked, f"{where} shows personal data: {leaked}"


@pytest.fixture
def world(home, story_index, campaign_index):
    story = StoryPageFactory(parent=story_index)
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    owner, employer = owner_of(email="owner@bricks.example.org")
    recruiter = RecruiterFactory(employer=employer, user__email="recruiter@bricks.example.org").user
    pledge = HiringPledgeFactory(employer=employer)
    brick = SkillFactory(name="Bricklaying", area="construction")
    job = JobListingFactory(employer=employer, title="Trainee bricklayer", sector="F", skills=[brick])
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    staff = CoordinatorFactory(provider=provider, user__email="coordinator@fresh.example.org").user
    other_staff = CoordinatorFactory(user__email="coordinator@elsewhere.example.org").user
    programme = ProgrammeFactory(provider=provider, name="Bricklaying and Site Skills", skills=[brick])
    graduates = [GraduateFactory(provider=provider, programmes=[programme]) for _ in range(5)]
    graduates[0].personal_statement = ACCEPTED_STATEMENT  # shown once the introduction is accepted
    graduates[0].save()
    unconsenting = GraduateFactory(provider=provider, programmes=[programme], consent=False)
    return {
        "story": story,
        "campaign": campaign,
        "owner": owner,
        "recruiter": recruiter,
        "employer": employer,
        "pledge": pledge,
        "job": job,
        "provider": provider,
        "staff": staff,
        "other_staff": other_staff,
        "graduates": graduates,
        "all_graduates": [*graduates, unconsenting],
    }


def run_flows(client, world):
    """Introductions requested, accepted, declined and expired; a hire; a retention check."""
    job, graduates = world["job"], world["graduates"]
    client.force_login(world["owner"])
    matches = client.get(reverse("employers:job_matches", args=[job.pk]))
    assert matches.status_code == 200, "the employer's matches page should exist"
    for graduate in graduates[:4]:
        response = client.post(
            reverse("employers:request_introduction", args=[job.pk, graduate.reference]),
            {"message": "We would like to meet you on site."},
        )
        assert response.status_code == 302
    assert Introduction.objects.filter(job=job).count() == 4

    client.force_login(world["staff"])
    first, second = (Introduction.objects.get(job=job, graduate=g) for g in graduates[:2])
    url = reverse("partners:introduction", args=[first.pk])
    assert client.post(url, {"accept": "1", "released_contact": RELEASED}).status_code == 302
    url = reverse("partners:introduction", args=[second.pk])
    assert client.post(url, {"decline": "1"}).status_code == 302
    start = timezone.localdate() - datetime.timedelta(days=100)
    # The introduction was made before the hire started (a hire cannot start before it).
    Introduction.objects.filter(pk=first.pk).update(
        requested_at=timezone.now() - datetime.timedelta(days=120)
    )
    hired = client.post(
        reverse("partners:introduction_hire", args=[first.pk]),
        {"start_date": start.isoformat(), "hours_per_week": "37"},
    )
    assert hired.status_code == 302
    assert send_due_retention_checks() == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(days=15)):
        assert expire_overdue_introductions() == 2
    client.logout()


def public_urls(world, markers):
    pledge, job = world["pledge"], world["job"]
    urls = [
        "/",
        "/stories/",
        world["story"].url,
        "/stories/feed/",
        "/campaigns/",
        world["campaign"].url,
        "/jobs/",
        job.get_absolute_url(),
        "/jobs/feed/",
        "/pledge-wall/",
        world["employer"].get_absolute_url(),
        reverse("employers_public:pledge_verification", args=[pledge.reference]),
        "/sitemap.xml",
        "/sitemap-employers.xml",
        "/sitemap-jobs.xml",
        "/sitemap-pages.xml",
        "/search/?q=bricklayer",
    ]
    return urls


SEARCHES = ["/search/", "/jobs/"]
CONTROL = "Zqxnothingmatches"


def assert_searches_clean(client, markers, who):
    """Search every marker: the page may echo the query, but no result may carry it."""
    for path in SEARCHES:
        control = client.get(path, {"q": CONTROL})
        assert control.status_code == 200
        echoes = control.content.decode().count(CONTROL)
        for marker in markers:
            response = client.get(path, {"q": marker})
            assert response.status_code == 200
            text = response.content.decode()
            assert text.count(marker) <= echoes, f"{path}?q={marker} ({who}) finds personal data"
            others = [m for m in markers if m != marker and marker not in m and m not in marker]
            assert_clean(text.replace(marker, ""), others, f"{path}?q={marker} ({who})")


def employer_urls(job):
    return [
        reverse("employers:dashboard"),
        reverse("employers:organisation"),
        reverse("employers:members"),
        reverse("employers:pledge"),
        reverse("employers:pledge_progress"),
        reverse("employers:jobs"),
        reverse("employers:job_create"),
        reverse("employers:job_detail", args=[job.pk]),
        reverse("employers:job_edit", args=[job.pk]),
        reverse("employers:job_preview", args=[job.pk]),
        reverse("employers:job_matches", args=[job.pk]),
    ]


def test_nothing_personal_reaches_the_public_or_employers(client, world, mailoutbox):
    run_flows(client, world)
    markers = markers_of(world["all_graduates"])
    assert len(mailoutbox) >= 6  # requested x4, accepted, declined, expired x2, retention check

    for message in mailoutbox:
        text = "\n".join(
            [message.subject, message.body, *(alt[0] for alt in getattr(message, "alternatives", []))]
        )
        assert_clean(text, markers, f"the e-mail {message.subject!r} to {message.to}")

    for url in public_urls(world, markers):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), markers, f"{url} (public)")
    assert_searches_clean(client, markers, "public")

    for member in (world["owner"], world["recruiter"]):
        client.force_login(member)
        for url in [*employer_urls(world["job"]), *public_urls(world, markers)]:
            response = client.get(url)
            # Owners see every page; a recruiter gets 403 on the owners' pages.
            allowed = (200,) if member == world["owner"] else (200, 403)
            assert response.status_code in allowed, url
            assert_clean(response.content.decode(), markers, f"{url} (as {member.email})")
        assert_searches_clean(client, markers, member.email)
        # The partner area is closed to employers, whatever they try.
        for graduate in world["all_graduates"]:
            for suffix in GRADUATE_SUFFIXES:
                response = client.get(f"/partner/graduates/{graduate.reference}/{suffix}")
                assert response.status_code in (302, 403, 404, 405)
                assert_clean(response.content.decode(), markers, f"partner URL as {member.email}")

    # What the employer legitimately sees after the accepted introduction: only what was released.
    client.force_login(world["owner"])
    matches = client.get(reverse("employers:job_matches", args=[world["job"].pk])).content.decode()
    assert RELEASED in matches
    assert world["graduates"][2].reference in matches

    # The one-click retention page is public (a token in a link): nothing personal there either.
    check = world["graduates"][0].hires.get().retention_checks.get(months=3)
    client.logout()
    page = client.get(reverse("employers_public:retention_answer", args=[check.answer_token("employed")]))
    assert page.status_code == 200
    assert_clean(page.content.decode(), markers, "the retention answer page")


def test_no_search_index_holds_personal_data(client, world):
    run_flows(client, world)
    markers = markers_of(world["all_graduates"])
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if not table.startswith("wagtailsearch"):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')
            assert_clean(repr(cursor.fetchall()), markers, f"the search table {table}")


def test_another_providers_staff_get_404_for_every_graduate_url(client, world):
    client.force_login(world["other_staff"])
    before = PersonalDataAccess.objects.count()
    job = world["job"]
    for graduate in world["all_graduates"]:
        urls = [f"/partner/graduates/{graduate.reference}/{suffix}" for suffix in GRADUATE_SUFFIXES]
        urls.append(f"/partner/graduates/{graduate.reference}/suggest/{job.pk}/")
        for url in urls:
            # POST-only addresses may refuse a GET with 405 first; every other answer is 404.
            expected = (404, 405) if url.rstrip("/").endswith(POST_ONLY) else (404,)
            assert client.get(url).status_code in expected, url
            assert client.post(url, {"job": job.pk, "start_date": "2026-01-05"}).status_code == 404, url
    introduction = Introduction.objects.create(job=job, graduate=world["graduates"][0])
    url = f"/partner/introductions/{introduction.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"accept": "1", "released_contact": "x"}).status_code == 404
    introduction.refresh_from_db()
    assert introduction.status == Introduction.Status.REQUESTED
    assert PersonalDataAccess.objects.count() == before  # nothing seen, nothing logged


def test_every_view_of_personal_data_is_audited(client, world):
    staff, graduate = world["staff"], world["graduates"][0]
    client.force_login(staff)
    base = f"/partner/graduates/{graduate.reference}/"

    response = client.get(base, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert PERSONAL_MARKER_PREFIX in response.content.decode()  # the right staff do see it
    entry = PersonalDataAccess.objects.filter(graduate=graduate).first()
    assert (entry.user, entry.action, entry.method, entry.path) == (staff, "view", "GET", base)

    assert client.get(base + "edit/").status_code == 200
    assert client.get(base + "export/").status_code == 200
    actions = list(
        PersonalDataAccess.objects.filter(graduate=graduate, user=staff)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[0] == "view"
    assert "export" in actions
    assert len(actions) >= 3
    # Nobody else's data was touched.
    assert not PersonalDataAccess.objects.exclude(graduate=graduate).exists()


def test_no_search_engine_document_holds_personal_data(client, world):
    """What the Elasticsearch indices would receive, built without a server: every document of
    every indexed type, and a graduate document for every graduate, matchable or not."""
    run_flows(client, world)
    markers = markers_of(world["all_graduates"])
    for document in DOCUMENTS:
        for obj in document.indexed_queryset():
            built = document.from_object(obj).to_dict(include_meta=True)
            assert_clean(repr(built), markers, f"the {document.__name__} of {obj!r}")
    for graduate in world["all_graduates"]:
        built = GraduateDocument.from_object(graduate).to_dict()
        assert_clean(repr(built), markers, f"the graduate document of {graduate.reference}")
    assert GraduateDocument.indexed_queryset().exists()  # the loop above did check graduates


def test_no_queued_task_holds_personal_data(client, world, settings):
    """With the database task queue (production): every task row's arguments and result, and
    every e-mail waiting in the outbox (encrypted), are free of personal data."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run_flows(client, world)
    markers = markers_of(world["all_graduates"])
    assert DBTaskResult.objects.filter(task_path="portal.mail.deliver").count() >= 6
    rows = DBTaskResult.objects.values_list("task_path", "args_kwargs", "return_value")
    assert_clean(repr(list(rows)), markers, "the task table")
    assert_clean(repr(list(OutboxMessage.objects.values_list("payload", flat=True))), markers, "the outbox")


def test_an_erased_graduate_leaves_no_personal_data_in_any_table(client, world):
    run_flows(client, world)
    graduate = world["graduates"][0]  # introduced, accepted, with a statement and released contact
    markers = markers_of([graduate]) + [ACCEPTED_STATEMENT, RELEASED]
    client.force_login(world["staff"])
    response = client.post(
        f"/partner/graduates/{graduate.reference}/erase/", {"reference": graduate.reference}
    )
    assert response.status_code == 302
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            assert_clean(repr(cursor.fetchall()), markers, f"the table {table}")
    assert graduate.reference in client.get(f"/partner/graduates/{graduate.reference}/").content.decode()
