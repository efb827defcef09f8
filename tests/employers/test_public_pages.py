"""The public pages of the employer side: the pledge wall, profiles, verification, badge, certificate."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from employers.models import Employer, PledgeCommitment, ProgressItem, ProgressReport
from tests.crawl import sitemap_urls
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    PendingEmployerFactory,
    SuspendedEmployerFactory,
)
from tests.portal.factories import ImageFactory

WALL = "/pledge-wall/"
BUDGET = 12
SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.django_db


def pledged(**employer_fields):
    """A verified employer with an active public pledge: (employer, pledge)."""
    employer = EmployerFactory(**employer_fields)
    return employer, HiringPledgeFactory(employer=employer)


def names_on(response):
    """Employer names shown as cards, in order."""
    html = response.content.decode()
    return re.findall(r'<h3 class="card-title"><a href="/employers/[^"]+/">([^<]+)</a>', html)


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


# The wall --------------------------------------------------------------------------------------


def test_wall_lists_only_verified_employers_with_an_active_public_pledge(client):
    pledged(name="Shown Bakery")
    twice, _ = pledged(name="Twice Pledged Ltd")
    HiringPledgeFactory(employer=twice)  # a second active pledge must not show it twice
    HiringPledgeFactory(employer=PendingEmployerFactory(name="Pending Co"))
    HiringPledgeFactory(employer=SuspendedEmployerFactory(name="Suspended Co"))
    withdrawn = HiringPledgeFactory(employer=EmployerFactory(name="Withdrawn Co"))
    withdrawn.withdraw(by=None, reason="Changed our mind")
    HiringPledgeFactory(
        employer=EmployerFactory(name="Expired Co"), signed_at=timezone.now() - relativedelta(months=13)
    )
    HiringPledgeFactory(employer=EmployerFactory(name="Private Co"), is_public=False)
    EmployerFactory(name="Unpledged Co")

    response = client.get(WALL)

    assert response.status_code == 200
    assert names_on(response) == ["Shown Bakery", "Twice Pledged Ltd"]
    assert "2 employers have pledged" in text_of(response)
    html = response.content.decode()
    for hidden in ("Pending Co", "Suspended Co", "Withdrawn Co", "Expired Co", "Private Co", "Unpledged Co"):
        assert hidden not in html


def test_wall_card_links_to_the_profile_and_shows_the_record_check_stage(client):
    employer, _ = pledged(name="Open Door Cafe", record_check_stage="never")
    html = client.get(WALL).content.decode()
    assert f'href="/employers/{employer.slug}/"' in html
    assert "We never ask about criminal records" in html
    assert "1 employer has pledged" in text_of(client.get(WALL))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=F", ["Builders North"]),
        ("size=1000%2B", ["Big Retail"]),
        ("region=GB-LND", ["Big Retail", "London Office Ltd"]),  # head office or region of operation
        ("region=GB-MAN", ["Builders North", "Cafe Manchester"]),
        ("q=cafe", ["Cafe Manchester"]),
        ("q=RETAIL", ["Big Retail"]),
        ("sector=G&region=GB-LND&size=1000%2B&q=big", ["Big Retail"]),
        ("sector=F&region=GB-LND", []),
    ],
)
def test_wall_filters_and_search(client, query, expected):
    pledged(name="Builders North", sector="F", head_office_region="GB-MAN", size_band="50-249")
    pledged(
        name="Big Retail",
        sector="G",
        head_office_region="GB-BIR",
        size_band="1000+",
        regions_of_operation=["GB-LND"],
    )
    pledged(name="London Office Ltd", sector="M", head_office_region="GB-LND", size_band="10-49")
    pledged(name="Cafe Manchester", sector="I", head_office_region="GB-MAN", size_band="1-9")

    response = client.get(f"{WALL}?{query}")

    assert response.status_code == 200
    assert names_on(response) == expected
    assert "4 employers have pledged" in text_of(response)  # the count at the top is the whole wall


def test_wall_region_filter_matches_whole_codes_only(client):
    pledged(name="Near Miss", head_office_region="GB-MAN", regions_of_operation=["GB-LND"])
    assert names_on(client.get(f"{WALL}?region=GB-LN")) == ["Near Miss"]  # unknown code: ignored
    assert names_on(client.get(f"{WALL}?region=GB-LIV")) == []


def test_wall_pagination_keeps_the_filters(client):
    for n in range(25):
        pledged(name=f"Builder {n:02d}", sector="F")
    pledged(name="Zeta Cafe", sector="I")

    first = client.get(f"{WALL}?sector=F&q=builder")
    html = first.content.decode()
    assert len(names_on(first)) == 20
    assert 'href="?q=builder&amp;sector=F&amp;page=2"' in html
    assert "25 employers match" in text_of(first)

    second = client.get(f"{WALL}?q=builder&sector=F&page=2")
    assert names_on(second) == [f"Builder {n:02d}" for n in range(20, 25)]
    assert 'href="?q=builder&amp;sector=F&amp;page=1"' in second.content.decode()
    assert '<option value="F" selected>' in second.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999",
        "page=1.5",
        "page=1e999",
        "sector=ZZ",
        "sector=",
        "sector=F&sector=G",
        "size=huge",
        "region=XX-YYY",
        "region=%27%3B--",
        "q=%00",
        "q=a%00b",
        "q=%25",
        "q=_",
        "q=" + "x" * 5000,
        "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "q=%F0%9F%98%80",
        "page=2&sector=ZZ&region=GB-MAN",
    ],
)
def test_wall_never_fails_on_bad_parameters(client, query):
    pledged(name="Steady Employer", sector="F")
    response = client.get(f"{WALL}?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_wall_out_of_range_page_shows_the_last_page(client):
    for n in range(21):
        pledged(name=f"Employer {n:02d}")
    assert names_on(client.get(f"{WALL}?page=7")) == ["Employer 20"]
    assert len(names_on(client.get(f"{WALL}?page=nope"))) == 20


def test_wall_with_no_pledges(client):
    response = client.get(WALL)
    assert response.status_code == 200
    assert "0 employers have pledged" in text_of(response)


def build_wall(size):
    for n in range(size):
        pledged(
            name=f"Employer {n:03d}",
            sector="FGI"[n % 3],
            head_office_region=["GB-MAN", "GB-LND", "GB-BIR"][n % 3],
            regions_of_operation=["GB-LIV", "GB-LDS"][: n % 3],
            logo=ImageFactory(),
        )


def queries_for(client, url):
    client.get(url)  # warm: renditions are made once, then read from the database
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


QUERY_COUNTS = {}


@pytest.mark.parametrize("size", [3, 30])
def test_wall_queries_are_constant_in_the_number_of_employers(client, size):
    build_wall(size)
    employer = Employer.objects.get(name="Employer 002")
    pledge = employer.pledges.get()
    counts = {
        "wall": queries_for(client, WALL),
        "wall filtered": queries_for(client, f"{WALL}?sector=I&region=GB-LIV&size=10-49&q=employer"),
        "wall page 2": queries_for(client, f"{WALL}?page=2"),
        "profile": queries_for(client, employer.get_absolute_url()),
        "verification": queries_for(client, pledge.get_absolute_url()),
        "badge": queries_for(client, f"/pledges/{pledge.reference}/badge.svg"),
        "certificate": queries_for(client, f"/pledges/{pledge.reference}/certificate/"),
        "certificate pdf": queries_for(client, f"/pledges/{pledge.reference}/certificate.pdf"),
    }
    QUERY_COUNTS[size] = counts
    over = {page: count for page, count in counts.items() if count > BUDGET}
    assert not over, f"pages over {BUDGET} queries: {over}"
    if 3 in QUERY_COUNTS and 30 in QUERY_COUNTS:
        assert QUERY_COUNTS[3] == QUERY_COUNTS[30]
    print(f"\nqueries per page with {size} employers: {counts}")


# Employer profile ------------------------------------------------------------------------------


def test_profile_of_a_verified_employer(client):
    employer, pledge = pledged(
        name="Second Bite Kitchens",
        sector="I",
        size_band="50-249",
        head_office_region="GB-MAN",
        regions_of_operation=["GB-LND", "GB-LIV"],
        website="https://secondbite.example.org/",
        description="We cook and we train.",
        record_check_stage="after-interview",
        logo=ImageFactory(),
    )
    report = ProgressReport.objects.create(pledge=pledge)
    first = pledge.commitments.select_related("commitment").first()
    ProgressItem.objects.create(report=report, commitment=first, state=ProgressItem.State.IN_PROGRESS)

    response = client.get(f"/employers/{employer.slug}/")

    assert response.status_code == 200
    html = text_of(response)
    assert "<h1>Second Bite Kitchens</h1>" in html
    assert 'alt="Logo of Second Bite Kitchens"' in html
    assert "srcset=" in html
    assert "Accommodation and food service activities" in html
    assert "50 to 249 staff" in html
    assert "Manchester" in html and "London, City of" in html and "Liverpool" in html
    assert 'href="https://secondbite.example.org/"' in html
    assert "We cook and we train." in html
    assert "After interview" in html
    for item in pledge.commitments.all():
        assert str(item) in html
    assert f'href="/pledges/{pledge.reference}/"' in html
    assert "Latest progress" in html and "In progress" in html


def test_profile_of_a_verified_employer_without_a_pledge(client):
    employer = EmployerFactory(name="Not Yet Pledged")
    HiringPledgeFactory(employer=employer, is_public=False)
    response = client.get(f"/employers/{employer.slug}/")
    assert response.status_code == 200
    assert "no active public hiring pledge" in response.content.decode()


@pytest.mark.parametrize("factory", [PendingEmployerFactory, SuspendedEmployerFactory])
def test_profile_is_not_found_unless_verified(client, factory):
    employer = factory(name="Hidden Ltd")
    HiringPledgeFactory(employer=employer)
    assert client.get(f"/employers/{employer.slug}/").status_code == 404
    assert client.get("/employers/no-such-employer/").status_code == 404


# Verification page and badge -------------------------------------------------------------------


def badge_of(client, pledge):
    response = client.get(f"/pledges/{pledge.reference}/badge.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "max-age=3600" in response["Cache-Control"]
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title").text
    texts = " ".join(element.text for element in root.iter(f"{SVG}text"))
    return root, title, texts


def test_verification_of_an_active_pledge(client):
    employer, pledge = pledged(name="Fresh Start Foods", record_check_stage="where-required")
    response = client.get(f"/pledges/{pledge.reference}/")
    assert response.status_code == 200
    html = text_of(response)
    assert 'data-state="active"' in html and "ACTIVE" in html
    assert "Fresh Start Foods" in html
    assert "Only where the law requires it for the role" in html
    for item in pledge.commitments.all():
        assert str(item) in html
    assert timezone.localtime(pledge.signed_at).strftime("%-d %B %Y") in html
    assert timezone.localtime(pledge.expires_at).strftime("%-d %B %Y") in html
    # Embed code: a link to this page around the badge, to copy from a labelled read-only box.
    assert '<label for="embed-code">' in html
    box = re.search(r'<textarea id="embed-code"[^>]*readonly[^>]*>(.*?)</textarea>', html).group(1)
    assert f"&lt;a href=&quot;http://testserver/pledges/{pledge.reference}/&quot;&gt;" in box
    assert f"&lt;img src=&quot;http://testserver/pledges/{pledge.reference}/badge.svg&quot;" in box
    assert "alt=&quot;" in box
    assert f"/pledges/{pledge.reference}/certificate/" in html
    assert f"/pledges/{pledge.reference}/certificate.pdf" in html

    root, title, texts = badge_of(client, pledge)
    assert title == f"Fair-chance employer — pledge {pledge.reference} — active"
    assert "Active" in texts and pledge.reference in texts
    assert root.get("data-state") == "active"


def test_verification_and_badge_after_the_pledge_expired(client):
    employer, pledge = pledged(name="Old Promise Ltd")
    with time_machine.travel(timezone.now() + relativedelta(months=12, days=1), tick=False):
        html = text_of(client.get(f"/pledges/{pledge.reference}/"))
        assert 'data-state="expired"' in html and "EXPIRED" in html
        assert "ACTIVE" not in html
        assert "Old Promise Ltd" in html
        assert "embed-code" not in html and "certificate.pdf" not in html
        root, title, texts = badge_of(client, pledge)
        assert title.endswith("— expired")
        assert "Expired" in texts and "Active" not in texts
        assert names_on(client.get(WALL)) == []
        assert client.get(f"/pledges/{pledge.reference}/certificate/").status_code == 410
        assert client.get(f"/pledges/{pledge.reference}/certificate.pdf").status_code == 410


def test_verification_and_badge_of_a_withdrawn_pledge(client):
    employer, pledge = pledged(name="Turned Back Ltd")
    pledge.withdraw(by=None, reason="Closing down")
    html = text_of(client.get(f"/pledges/{pledge.reference}/"))
    assert 'data-state="withdrawn"' in html and "WITHDRAWN" in html
    assert "Turned Back Ltd" in html
    assert "ACTIVE" not in html and "embed-code" not in html
    root, title, texts = badge_of(client, pledge)
    assert title == f"Fair-chance employer — pledge {pledge.reference} — withdrawn"
    assert root.find(f"{SVG}rect").get("fill") == "#991b1b"


def test_pledge_of_an_employer_no_longer_verified_is_not_valid(client):
    employer, pledge = pledged(name="Suspended Later Ltd")
    employer.suspend(by=None, reason="Complaint under review")
    response = client.get(f"/pledges/{pledge.reference}/")
    assert response.status_code == 200
    html = text_of(response)
    assert 'data-state="not-valid"' in html and "NOT VALID" in html
    assert "ACTIVE" not in html and 'data-state="active"' not in html
    assert "Suspended Later Ltd" not in html  # nothing of an unverified employer is public
    assert "embed-code" not in html
    root, title, texts = badge_of(client, pledge)
    assert title.endswith("— not valid")
    assert "Active" not in texts
    assert client.get(f"/pledges/{pledge.reference}/certificate/").status_code == 410
    assert client.get(f"/pledges/{pledge.reference}/certificate.pdf").status_code == 410
    assert names_on(client.get(WALL)) == []


def test_private_and_unknown_pledges_are_not_found(client):
    private = HiringPledgeFactory(employer=EmployerFactory(), is_public=False)
    for reference in (private.reference, "HP-1999-00001"):
        for suffix in ("", "badge.svg", "certificate/", "certificate.pdf"):
            assert client.get(f"/pledges/{reference}/{suffix}").status_code == 404, suffix


def test_badge_of_an_unknown_or_private_pledge_is_a_picture_that_says_so(client):
    """The <img> on the employer's own site shows a badge, never a broken image of an HTML page."""
    private = HiringPledgeFactory(employer=EmployerFactory(), is_public=False)
    answers = []
    for reference in (private.reference, "HP-1999-00001"):
        response = client.get(f"/pledges/{reference}/badge.svg")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("image/svg+xml")
        root = ET.fromstring(response.content)
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        texts = " ".join(element.text for element in root.iter(f"{SVG}text"))
        assert "No public pledge" in texts
        assert reference not in response.content.decode()
        answers.append(response.content)
    assert answers[0] == answers[1], "a private pledge is not told apart from an unknown one"


def test_badge_escapes_what_it_shows(client):
    employer, pledge = pledged(name='<Tricky> & "Co"')
    root, title, texts = badge_of(client, pledge)  # parses: nothing unescaped
    html = client.get(f"/pledges/{pledge.reference}/").content.decode()
    assert "<Tricky>" not in html


# Certificate -----------------------------------------------------------------------------------


def test_printable_certificate(client):
    employer, pledge = pledged(name="Print Works")
    response = client.get(f"/pledges/{pledge.reference}/certificate/")
    assert response.status_code == 200
    html = text_of(response)
    assert "Print Works" in html
    assert pledge.reference in html
    for item in pledge.commitments.all():
        assert str(item) in html
    assert f"http://testserver/pledges/{pledge.reference}/" in html
    assert 'class="certificate-actions no-print"' in html
    css = (settings.BASE_DIR / "portal/static/portal/css/site.css").read_text()
    assert re.search(r"@media print \{[^}]*\.site-header", css)


def test_certificate_pdf(client):
    commitments = {c: (7 if c.needs_number else None) for c in PledgeCommitment.objects.current()}
    employer = EmployerFactory(name="Zoë & Søn <Bakers> — 😀")
    pledge = HiringPledgeFactory(employer=employer, commitments=commitments)
    response = client.get(f"/pledges/{pledge.reference}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{pledge.reference}.pdf"'
    assert response.content.startswith(b"%PDF")
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4
    # Names in any script, tagging and fonts: tests/employers/test_certificate_pdf.py


def test_certificate_needs_a_verified_employer_and_an_active_pledge(client):
    employer, pledge = pledged(name="Gone Away Ltd")
    pledge.withdraw(by=None, reason="Stopped hiring")
    for suffix in ("certificate/", "certificate.pdf"):
        response = client.get(f"/pledges/{pledge.reference}/{suffix}")
        assert response.status_code == 410
        assert response["Content-Type"].startswith("text/html")
        assert "no longer valid" in response.content.decode()
        assert f'href="/pledges/{pledge.reference}/"' in response.content.decode()


# Home page -------------------------------------------------------------------------------------


def test_home_page_shows_the_pledged_employers_figure(client, home):
    pledged()
    pledged()
    HiringPledgeFactory(employer=PendingEmployerFactory())
    HiringPledgeFactory(employer=EmployerFactory(), is_public=False)
    html = client.get("/").content.decode()
    assert '<dd data-figure="employers">2</dd>' in html


def test_sitemap_lists_the_wall_and_pledged_employers_only(client, home):
    from tests.employers.factories import EmployerFactory, HiringPledgeFactory, PendingEmployerFactory

    pledged = EmployerFactory(name="Listed Ltd")
    HiringPledgeFactory(employer=pledged)
    pending = PendingEmployerFactory(name="Waiting Ltd")
    body = " ".join(sitemap_urls(client))
    assert "http://testserver/pledge-wall/" in body
    assert f"http://testserver/employers/{pledged.slug}/" in body
    assert pending.slug not in body


@pytest.mark.parametrize("typed", ["{ref}", "{ref_lower}", "  {ref_spaced} "])
def test_wall_finds_an_employer_by_its_pledge_reference(client, typed):
    employer, pledge = pledged(name="Northern Bricks")
    pledged(name="Other Bakery")
    ref = pledge.reference
    query = typed.format(ref=ref, ref_lower=ref.lower(), ref_spaced=ref.replace("-", " "))
    response = client.get(WALL, {"q": query})
    assert response.status_code == 200
    assert names_on(response) == ["Northern Bricks"]
    html = response.content.decode()
    assert f'data-found-pledge="{ref}"' in html
    assert f'href="/pledges/{ref}/"' in html


def test_wall_reference_search_shows_nothing_private_or_unverified(client):
    private = HiringPledgeFactory(employer=EmployerFactory(name="Private Co"), is_public=False)
    pending = HiringPledgeFactory(employer=PendingEmployerFactory(name="Pending Co"))
    for pledge in (private, pending):
        response = client.get(WALL, {"q": pledge.reference})
        assert names_on(response) == []
        assert "data-found-pledge" not in response.content.decode()
        assert f"/pledges/{pledge.reference}/" not in response.content.decode()
