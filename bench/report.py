"""What a load drill counts and prints: every answer recorded, the table per kind of request,
and whether each kind of work the drill names happened."""

import threading
from collections import defaultdict

from bench import common

# A confirmed page is a 200; a sign-up, a log-in or a form answer is a redirect.
FINE = {200, 302}


class Recorder:
    """Every answer: kind, status (0 for no answer), seconds; thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.samples = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))
        self.failures = []
        self.missed = defaultdict(int)  # work a visitor could not even try (a form not found)

    def missing(self, what, url):
        with self.lock:
            self.missed[what] += 1
            if len(self.failures) < 50:
                self.failures.append({"kind": "missing", "what": what, "url": url})

    def record(self, kind, status, seconds, url, fine):
        with self.lock:
            self.samples[kind].append(seconds)
            self.statuses[kind][status] += 1
            if not fine and len(self.failures) < 50:
                self.failures.append({"kind": kind, "status": status, "url": url})

    def total(self):
        return sum(len(values) for values in self.samples.values())

    def count(self, accept):
        return sum(n for kind in self.statuses.values() for status, n in kind.items() if accept(status))

    def table(self, fine=FINE):
        rows = []
        for kind in sorted(self.samples):
            values = self.samples[kind]
            errors = sum(n for status, n in self.statuses[kind].items() if status not in fine)
            rows.append(
                {
                    "kind": kind,
                    "requests": len(values),
                    "errors": errors,
                    "p50_ms": round(common.percentile(values, 0.5) * 1000, 1),
                    "p95_ms": round(common.percentile(values, 0.95) * 1000, 1),
                    "statuses": dict(self.statuses[kind]),
                }
            )
        return rows


def answered(recorder, kind, status=200):
    return recorder.statuses[kind].get(status, 0) if kind in recorder.statuses else 0


def work_checks(recorder, done, employers=True):
    """Each kind of action the soak names, and whether it happened: {name: (count, passed)}.
    A run that did none of its work fails, whatever its error count."""
    checks = {
        "pages answered (200)": (answered(recorder, "page"), answered(recorder, "page") > 0),
        "searches answered (200)": (answered(recorder, "search"), answered(recorder, "search") > 0),
        "pledge sign-ups accepted (in the database)": (
            len(done["accepted"]),
            bool(done["accepted"]) and done["submitted"] <= done["accepted"],
        ),
    }
    if employers:
        checks["employer pages answered (200)"] = (
            answered(recorder, "employer"),
            answered(recorder, "employer") > 0,
        )
        checks["employer drafts saved (in the database)"] = (
            len(done["drafts_saved"]),
            bool(done["drafts_saved"]) and done["drafts_answered"] <= done["drafts_saved"],
        )
    checks["forms found on their pages"] = (
        dict(recorder.missed) or "all",
        not recorder.missed,
    )
    return checks


def print_checks(checks):
    for name, (count, passed) in checks.items():
        print(f"  {'ok    ' if passed else 'FAILED'} {name}: {count}")


def memory_trend(samples):
    """MB per minute over the samples after the first minute (warm-up), by least squares."""
    points = [(t, sum(sizes.values()) / max(len(sizes), 1)) for t, sizes in samples if t >= 60 and sizes]
    if len(points) < 3:
        return None
    mean_t = sum(t for t, _ in points) / len(points)
    mean_m = sum(m for _, m in points) / len(points)
    covariance = sum((t - mean_t) * (m - mean_m) for t, m in points)
    variance = sum((t - mean_t) ** 2 for t, _ in points)
    return round(covariance / variance * 60, 2) if variance else None


def print_rows(rows):
    print(f"{'kind':16} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8}  statuses")
    for row in rows:
        print(
            f"{row['kind']:16} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8}  "
            f"{row['statuses']}"
        )
