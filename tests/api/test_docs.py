"""The browsable docs: a page of the site that lists every path, parameter and schema of the OpenAPI
document, and loads nothing from anywhere else."""

import re

import pytest
from bs4 import BeautifulSoup

from api.docs import markdown, markdown_inline

pytestmark = pytest.mark.django_db


@pytest.fixture
def docs(client, home):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def test_docs_list_every_path_parameter_and_schema(docs, openapi):
    soup = BeautifulSoup(docs, "html.parser")
    headings = {heading.get_text(" ", strip=True) for heading in soup.select("h3")}
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            assert f"{method.upper()} {path}" in headings
            section = soup.find(id=operation["operationId"]).find_parent("section")
            names = {cell.get_text(strip=True) for cell in section.select("tbody th code")}
            assert names == {parameter["name"] for parameter in operation.get("parameters", ())}, path
            statuses = {cell.get_text(strip=True) for cell in section.select("tbody th") if not cell.code}
            assert statuses == set(operation["responses"]), path
    for name, schema in openapi["components"]["schemas"].items():
        section = soup.find(id=f"schema-{name}").find_parent("section")
        fields = {cell.get_text(strip=True) for cell in section.select("tbody th code")}
        assert fields == set(schema.get("properties", {})), name
    assert soup.find("a", href="/api/v1/openapi.json")


def test_docs_show_the_allowed_values_and_limits(docs):
    soup = BeautifulSoup(docs, "html.parser")
    jobs = soup.find(id="list_jobs").find_parent("section")
    text = jobs.get_text(" ", strip=True)
    assert "closing_soon" in text
    assert "at most 100" in text  # page_size
    assert "ISIC" in text
    folded = [details.get_text() for details in jobs.find_all("details")]
    assert any("GB-MAN" in values for values in folded)  # the long list of regions, folded


def test_docs_load_nothing_from_another_host(docs):
    # No script, stylesheet, font or image from a CDN; links to the site itself only.
    # (The canonical link and the translations' hreflang links name the page's own public
    # addresses: nothing the browser loads.)
    loads = re.sub(r'<link rel="(canonical|alternate)"( hreflang="[^"]*")? href="[^"]*">', "", docs)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", loads)
    assert not re.search(r"https?://(?!testserver[/:])", docs)
    # The only scripts are the site's own files (the search box's combobox), none inline.
    assert re.findall(r"<script[^>]*>", docs) == [
        tag for tag in re.findall(r"<script[^>]*>", docs) if re.search(r'src="/static/', tag)
    ]
    assert "style=" not in docs


def test_the_site_footer_links_the_api_docs(client, home):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one("footer a[href='/api/v1/docs']")


def test_docs_render_the_markdown_of_the_descriptions(docs):
    soup = BeautifulSoup(docs, "html.parser")
    intro = soup.select_one(".api-description")
    codes = [code.get_text() for code in intro.select("code")]
    assert "ETag" in codes and "If-None-Match" in codes and "Retry-After" in codes
    text = soup.select_one(".api-docs").get_text(" ")
    assert "`ETag`" not in text and "`page`" not in text  # no Markdown left as text
    assert not soup.select(".api-docs script")


def test_markdown_in_a_description_cannot_run_script():
    hostile = (
        "Hi <script>alert(1)</script> [x](javascript:alert(1)) ![i](https://evil.example/i.png) **bold**"
    )
    for html in (str(markdown(hostile)), str(markdown_inline(hostile))):
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("script") and not soup.find("img")
        assert not any(a.get("href", "").startswith("javascript:") for a in soup.find_all("a"))
        assert soup.find("strong").get_text() == "bold"
        assert "&lt;script&gt;" in html  # shown as text
