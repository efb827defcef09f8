"""Time the public pages of the demo site: p50/p95 over repeated requests, and queries per page.

make bench            # uses the SQLite file of `make run` (loads demo content if missing)
DATABASE_URL=postgres://... make bench
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")  # embedded mode; DEBUG only switches off static manifests here

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    from django.core.signals import request_started
    from django.db import reset_queries

    settings.DEBUG = False  # no query log growth while timing
    request_started.disconnect(reset_queries)  # keep the log so queries per page can be counted
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", verbosity=0, stdout=quiet)
    from campaigns.models import CampaignPage
    from stories.models import StoryPage

    story = StoryPage.objects.live().first()
    campaign = next(page for page in CampaignPage.objects.live() if page.is_live)
    pages = {
        "home": "/",
        "story index": "/stories/",
        "story index, filtered": "/stories/?theme=work",
        "story": story.url,
        "campaign index": "/campaigns/",
        "campaign": campaign.url,
        "stories feed": "/stories/feed/",
        "site search": "/search/?q=work",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for name, url in pages.items():
        client.get(url)
        reset_queries()  # the log is a bounded deque: a full one would count nothing
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        rows.append(
            {
                "page": name,
                "url": url,
                "queries": query_count,
                "p50_ms": round(statistics.median(samples), 2),
                "p95_ms": round(percentile(samples, 0.95), 2),
                "bytes": len(response.content),
            }
        )
    print(f"{'page':24} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>8}")
    for row in rows:
        print(f"{row['page']:24} {row['queries']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['bytes']:>8}")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    engine = connection.vendor
    (results / f"pages-{engine}.json").write_text(json.dumps(rows, indent=2))
    print(f"written bench/results/pages-{engine}.json ({ROUNDS} requests per page, {engine})")


if __name__ == "__main__":
    main()
