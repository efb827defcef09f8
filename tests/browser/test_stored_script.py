"""Issue 14, item 1 in a real browser: the moderator's review page of a listing whose description
carried the outside test's payload runs no script and goes nowhere."""

import pytest

from jobs.models import JobListing
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.employers.factories import PendingJobFactory

pytestmark = pytest.mark.browser

CDATA_IMG = "<p>Good job</p><![CDATA[x><img src=x onerror=alert(document.domain)>]]>"
META_REFRESH = (
    '<p>Good job</p><![CDATA[x><meta http-equiv="refresh" content="0;url=https://evil.example/">]]>'
)


@pytest.mark.parametrize("payload", [CDATA_IMG, META_REFRESH], ids=["cdata-img-onerror", "meta-refresh"])
def test_the_moderators_review_page_runs_no_script(page, home, payload):
    job = PendingJobFactory(title="Door supervisor")
    # Stored as the old sanitiser let it through (update() skips the model's cleaning).
    JobListing.objects.filter(pk=job.pk).update(description=payload)
    admin_staff("moderator@example.org", "Campaign moderators")
    log_in_to_admin(page, "moderator@example.org")
    dialogs, requests = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"/admin/jobs/inspect/{job.pk}/")
    page.wait_for_timeout(1500)  # longer than a 0-second refresh, and the image's error
    assert page.locator(".job-description").first.inner_text().startswith("Good job")
    assert dialogs == []
    assert page.url.endswith(f"/admin/jobs/inspect/{job.pk}/")
    assert not [url for url in requests if "evil.example" in url or url.endswith("/x")]
    assert page.locator(".job-description img, .job-description meta").count() == 0
