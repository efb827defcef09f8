"""The certificate PDF, read back by pypdf as a reader would: tagged for accessibility (structure
tree, marked, language, title), every font embedded, and names in any script printed with glyphs
that come back out of the PDF as they were typed."""

import io
import re
import shutil
import subprocess  # nosec B404 # poppler-utils reads the PDF back
import unicodedata

import pytest
from django.utils import translation
from pypdf import PdfReader

from employers import certificates
from employers.certificates import certificate_pdf
from employers.models import PledgeCommitment
from tests.employers.factories import EmployerFactory, HiringPledgeFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "latin": "Zoë & Søn <Bakers> Ltd",
    "arabic": "شركة الفرصة الثانية",
    "chinese": "北京希望餐饮有限公司",
    "cyrillic": "Пекарня «Второй шанс»",
    "greek": "Ψωμί και Δεύτερη Ευκαιρία",
    "hebrew": "מאפיית ההזדמנות השנייה",
    "japanese": "株式会社セカンドチャンス",
    "korean": "두번째 기회 베이커리",
}
CJK = {"chinese", "japanese", "korean"}


def download(client, pledge):
    response = client.get(f"/pledges/{pledge.reference}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def text_of(reader):
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def fonts_of(reader):
    """{(font name without its subset prefix, embedded?)} for every font on every page."""
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add((str(font["/BaseFont"]).split("+")[-1], embedded))
    return fonts


def structure_types(node):
    """The structure types (/H1, /P, /L, /Link...) under a structure tree node, in order."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        return [kind for kid in node for kind in structure_types(kid)]
    if not hasattr(node, "keys"):  # a marked-content id
        return []
    kinds = [str(node["/S"])] if "/S" in node else []
    return kinds + structure_types(node["/K"]) if "/K" in node else kinds


@pytest.mark.parametrize("script", list(NAMES))
def test_names_in_any_script_print_with_an_embedded_font_and_read_back_as_typed(client, script):
    name = NAMES[script]
    pledge = HiringPledgeFactory(employer=EmployerFactory(name=name))
    reader = PdfReader(io.BytesIO(download(client, pledge)))
    text = text_of(reader)
    # A letter the fonts lack prints as an empty box and is missing from the text (the ReportLab
    # certificate gave NUL characters for Chinese), so the name reading back proves its glyphs.
    assert name in text, f"the {script} name comes out of the PDF as typed: {text!r}"
    assert pledge.reference in text
    fonts = fonts_of(reader)
    assert fonts and all(embedded for _font, embedded in fonts), f"every font is embedded: {fonts}"
    families = {font for font, _embedded in fonts}
    if script in CJK:
        assert any(font.startswith("Noto-Sans-CJK") for font in families), families
    else:  # the shipped DejaVu Sans (employers/fonts/), whatever fonts the machine has
        assert families == {"Certificate-Sans", "Certificate-Sans-Bold"}, families
    assert reader.metadata.author == name


def test_the_certificate_is_tagged_for_accessibility(client):
    pledge = HiringPledgeFactory(employer=EmployerFactory(name="Tagged Bakery"))
    reader = PdfReader(io.BytesIO(download(client, pledge)))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]), "the PDF says it is tagged"
    assert str(catalog["/Lang"]) == "en-gb", "the document language is declared"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]), "viewers show the title"
    assert reader.metadata.title == f"Fair-chance hiring pledge {pledge.reference}"
    kinds = structure_types(catalog["/StructTreeRoot"])
    assert kinds.count("/H1") == 1, kinds
    assert kinds.count("/LI") == pledge.commitments.count(), "one list item per commitment"
    assert {"/Document", "/P", "/L", "/Link"} <= set(kinds), kinds
    for page in reader.pages:
        assert "/StructParents" in page, "page content is tied to the structure tree"
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data(), "it claims PDF/UA-1"
    link = reader.pages[0]["/Annots"][0].get_object()
    assert str(link["/Contents"]) == f"http://testserver/pledges/{pledge.reference}/", "the link has a text"


def test_the_certificate_keeps_its_content(client):
    commitments = {c: (7 if c.needs_number else None) for c in PledgeCommitment.objects.current()}
    employer = EmployerFactory(name="Content Works")
    pledge = HiringPledgeFactory(employer=employer, commitments=commitments)
    reader = PdfReader(io.BytesIO(download(client, pledge)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4
    text = " ".join(text_of(reader).split())
    for expected in (
        "Second Chance Portal",
        "Fair-chance hiring pledge",
        "This certifies that",
        "Content Works",
        "When it asks about criminal records:",
        employer.get_record_check_stage_display(),
        f"Reference: {pledge.reference}",
        f"by {pledge.signatory_name}, {pledge.signatory_title}",
        "Valid until:",
        f"http://testserver/pledges/{pledge.reference}/",
    ):
        assert expected in text, expected
    for item in pledge.commitments.select_related("commitment"):
        assert " ".join(str(item).split()) in text, str(item)
    links = [annotation.get_object()["/A"]["/URI"] for annotation in page["/Annots"]]
    assert links == [f"http://testserver/pledges/{pledge.reference}/"]


def test_markup_in_a_name_prints_as_text_and_loads_nothing(client):
    name = '<img src="file:///etc/hostname"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    pledge = HiringPledgeFactory(employer=EmployerFactory(name=name))
    reader = PdfReader(io.BytesIO(download(client, pledge)))
    # Lines break at the slashes: compare without the white space.
    assert "".join(name.split()) in "".join(text_of(reader).split())
    assert not reader.pages[0]["/Resources"].get("/XObject"), "no picture was loaded"


def test_the_certificate_stays_small_with_a_chinese_name(client):
    pledge = HiringPledgeFactory(employer=EmployerFactory(name=NAMES["chinese"]))
    pdf = download(client, pledge)
    # The CJK font is 16 MB; only the glyphs used are embedded.
    assert len(pdf) < 200 * 1024, f"{len(pdf) / 1024:.0f} KB"


def test_the_document_language_follows_the_active_language():
    pledge = HiringPledgeFactory(employer=EmployerFactory(name=NAMES["arabic"]))
    with translation.override("ar"):
        reader = PdfReader(io.BytesIO(certificate_pdf(pledge, "https://example.org/pledges/x/")))
    assert str(reader.trailer["/Root"]["/Lang"]) == "ar"
    assert NAMES["arabic"] in text_of(reader)


def words_outside_the_page(pdf):
    """Words poppler's pdftotext places beyond the page's edges (scripts/system-packages.sh
    installs poppler-utils)."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is missing: run scripts/system-packages.sh"
    html = subprocess.run(  # nosec B603 # a fixed program on our own bytes
        [pdftotext, "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    width, height = float(page[1]), float(page[2])
    words = re.findall(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">', html)
    assert words
    return [
        w for w in words if float(w[0]) < 0 or float(w[1]) < 0 or float(w[2]) > width or float(w[3]) > height
    ]


def test_a_long_name_without_spaces_wraps_inside_the_page(client):
    name = "Ü" * 160  # the longest name an organisation can have, with nowhere to break
    pledge = HiringPledgeFactory(employer=EmployerFactory(name=name))
    pdf = download(client, pledge)
    assert not words_outside_the_page(pdf), "every word is on the page"
    assert name in "".join(text_of(PdfReader(io.BytesIO(pdf))).split())


def test_without_pango_the_pdf_says_so_and_points_to_the_certificate_page(client, monkeypatch):
    # A server where scripts/system-packages.sh could not install Pango: the site runs, and the
    # PDF answers with a page, not a 500.
    monkeypatch.setattr(certificates, "MISSING_LIBRARIES", "cannot load library 'libpango-1.0-0'")
    pledge = HiringPledgeFactory(employer=EmployerFactory(name="No Pango Bakery"))
    response = client.get(f"/pledges/{pledge.reference}/certificate.pdf")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert f'href="/pledges/{pledge.reference}/certificate/"' in response.content.decode()
