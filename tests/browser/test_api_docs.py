"""The open data API's docs page in a real browser: reachable from the footer, accessible, every
request served by the site itself, and the data it points to readable from another origin."""

import http.server
import threading

import pytest

from tests.browser.axe import SettledAxe as Axe
from tests.browser.test_accessibility import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


@pytest.fixture
def partner_site():
    """Another origin on loopback: a partner's own page, without this site's security policy."""

    class PartnerPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<!DOCTYPE html><html lang='en'><title>Partner</title><p>Partner dashboard</p></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PartnerPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_api_docs_from_the_footer_accessible_and_self_hosted(page, live_site, partner_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data API").click()
    page.wait_for_url("**/api/v1/docs")
    assert page.get_by_role("heading", level=1).inner_text() == "Second Chance Portal open data"
    page.get_by_role("link", name="GET /api/v1/jobs", exact=True).click()
    assert page.url.endswith("#list_jobs")

    violations = Axe().run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"the API docs have accessibility violations:\n{describe(blocking)}"
    elsewhere = [url for url in requested if not url.startswith(live_site.url)]
    assert not elsewhere, f"the docs page loaded from another host: {elsewhere}"

    # A page on another origin may read the API (CORS), as a partner's dashboard would.
    page.goto(f"{partner_site}/")
    assert page.evaluate("location.origin") != live_site.url
    count = page.evaluate(
        "async (url) => (await (await fetch(url)).json()).count", f"{live_site.url}/api/v1/jobs"
    )
    assert count == 0
