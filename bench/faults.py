"""Fault drills under load, on loopback, each printing its error counts.

    .venv/bin/python bench/faults.py [--drills database,search,mail] [--clients 8]

All three run against their own PostgreSQL cluster (`15 bench`, port 5433, created with
pg_createcluster when missing) so that stopping it never touches the shared cluster on 5432,
which other people's tests use. Its database `portal_faults` gets the demo content.

(a) database: load, then `pg_ctlcluster 15 bench stop` for a while, then start again. While it is
    down every answer must be the 503 page (or a page from the cache), quickly; afterwards the
    site must answer again by itself, and the count of confirmed supporter pledges is the same.
    Sign-ups must be stored (pending pledges in the database) both before the stop and after
    the restart: the load runs on until they are (at most two minutes more).
(b) search: the project's own OpenSearch node (scripts/search-engine.sh, on a port of its own),
    indexed, under load; then frozen (SIGSTOP), then killed (SIGKILL), then started again. Job
    and site search must keep answering, quickly, with the listings the database shows or those
    the node itself showed before the fault (its synonyms find more), only the database's while
    the node is frozen or dead (no cache in the way: pages and the board's fragment are not cached); and
    after the restart the searches must reach the node again by themselves (its own statistics
    count them).
(c) mail: the e-mail server (an aiosmtpd sink) refuses (451) while supporters sign up through the
    database task queue and a db_worker; sign-ups must be stored, delivery must have been tried
    and refused, and every accepted address must get its confirmation e-mail after the server
    accepts again.
A drill that did none of its work fails. `--seconds 6 --down-seconds 5` is the short form CI runs.
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.report import FINE, Recorder, answered, print_rows
from bench.server import Server, manage, prepared_site
from bench.visitors import SEARCH_WORDS, outcomes, start_visitors, stop_visitors

CLUSTER = ("15", "bench")
CLUSTER_PORT = 5433
FAULTS_URL = f"postgres://postgres@127.0.0.1:{CLUSTER_PORT}/portal_faults"
FAST_SECONDS = 5  # an answer during the outage slower than this counts as an error
SERVER_PORT = 8741


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cluster_online():
    listing = subprocess.run(
        ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        version, name, port, status, *_rest = line.split()
        if (version, name) == CLUSTER:
            if int(port) != CLUSTER_PORT:
                raise SystemExit(f"cluster {name} listens on {port}, not {CLUSTER_PORT}")
            return status == "online"
    return None


def pg_ctl(action):
    subprocess.run(
        ["pg_ctlcluster", *CLUSTER, action, *(["-m", "fast"] if action == "stop" else [])], check=True
    )


def ensure_cluster():
    """The drill's own cluster, with trust on loopback like the shared one."""
    if CLUSTER == ("15", "main") or CLUSTER_PORT == 5432:
        raise SystemExit("Refusing to drill on the shared cluster.")
    state = cluster_online()
    if state is None:
        subprocess.run(
            ["pg_createcluster", *CLUSTER, "--port", str(CLUSTER_PORT), "--", "--auth=trust"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        state = False
    if not state:
        pg_ctl("start")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", CLUSTER_PORT), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the drill cluster did not start")


def confirmed_pledges():
    import psycopg

    with psycopg.connect(FAULTS_URL) as connection:
        return connection.execute(
            "SELECT count(*) FROM campaigns_supporterpledge WHERE status = 'confirmed'"
        ).fetchone()[0]


def report(title, phases):
    print(f"\n== {title}")
    for name, (recorder, fine) in phases.items():
        rows = recorder.table(fine)
        errors = sum(row["errors"] for row in rows)
        print(f"-- {name}: {recorder.total()} requests, {errors} errors")
        print_rows(rows)


# (a) ---------------------------------------------------------------------------------------------


class Phased(Recorder):
    """A recorder whose answers also count as errors when slower than FAST_SECONDS."""

    def record(self, kind, status, seconds, url, fine):
        if seconds > FAST_SECONDS:
            status = f"slow-{status}"
            fine = False
        super().record(kind, status, seconds, url, fine)


def wait_for_signups(visitors, already, seconds, longest=120):
    """Sleep `seconds`, then on (at most `longest` more) until the database holds more of the
    run's sign-ups than `already`; the count."""
    time.sleep(seconds)
    deadline = time.monotonic() + longest
    while True:
        count = len(outcomes(FAULTS_URL, visitors)["accepted"])
        if count > already or time.monotonic() > deadline:
            return count
        time.sleep(1)


def database_drill(env, addresses, clients, down_seconds=30, around_seconds=20, port=SERVER_PORT):
    """Pledges submitted before the stop and after the restart must be in the database: the
    drill fails when the site took no sign-up on either side of the outage."""
    outage_fine = {200, 302, 503}
    before, during, after = Recorder(), Phased(), Recorder()
    with Server(env, port, "faults-database-gunicorn.log") as server:
        stop, threads, visitors = start_visitors(server.base, addresses, before, clients, fine=outage_fine)
        # Load until the site has taken sign-ups (a slow start on a busy machine takes longer).
        signups_before = wait_for_signups(visitors, 0, around_seconds)
        pledges_before = confirmed_pledges()
        for visitor in visitors:
            visitor.recorder = during
        stopped_at = time.monotonic()
        pg_ctl("stop")
        print(f"database stopped after {time.monotonic() - stopped_at:.1f} s", flush=True)
        time.sleep(down_seconds)
        down_503 = during.count(lambda status: status == 503)
        pg_ctl("start")
        started_at = time.monotonic()
        # Recovery: the first answer of a database-backed page after the start.
        recovered = None
        while recovered is None and time.monotonic() - started_at < 60:
            try:
                if requests.get(server.base + "/readyz", timeout=10).status_code == 200:
                    recovered = time.monotonic() - started_at
            except requests.RequestException:
                pass
            time.sleep(0.2)
        time.sleep(2)  # requests in flight at the restart finish in the "during" phase
        for visitor in visitors:
            visitor.recorder = after
        wait_for_signups(visitors, signups_before, around_seconds)
        stop_visitors(stop, threads)
    pledges_after = confirmed_pledges()
    done = outcomes(FAULTS_URL, visitors)
    signups_after = len(done["accepted"]) - signups_before
    report(
        "(a) database restart during load",
        {
            "before": (before, FINE),
            "while down and restarting": (during, outage_fine),
            "after": (after, FINE),
        },
    )
    errors = {
        "before": before.count(lambda status: status not in FINE),
        "down": during.count(lambda status: status not in outage_fine),
        "after": after.count(lambda status: status not in FINE),
    }
    print(
        f"503 answers while down: {down_503}; recovered {recovered if recovered is None else round(recovered, 1)} s "
        f"after the start; confirmed pledges before {pledges_before}, after {pledges_after}; errors {errors}"
    )
    print(
        f"sign-ups accepted (in the database) before the stop {signups_before}, after the restart "
        f"{signups_after}; answered but missing from the database {len(done['submitted'] - done['accepted'])}"
    )
    answered_after = answered(after, "page") + answered(after, "search")
    passed = (
        recovered is not None
        and pledges_before == pledges_after
        and not any(errors.values())
        and down_503 > 0
        and signups_before > 0
        and signups_after > 0
        and answered_after > 0
        and done["submitted"] <= done["accepted"]
        and not before.missed
        and not after.missed
    )
    return {
        "signups": [signups_before, signups_after],
        "pages_answered_after": answered_after,
        "errors": errors,
        "down_503": down_503,
        "recovered_seconds": recovered,
        "pledges": [pledges_before, pledges_after],
        "passed": passed,
    }


# (b) ---------------------------------------------------------------------------------------------


def job_links(html):
    return re.findall(r'href="(/jobs/\d+-[\w-]+/)"', html)


def search_engine(action, node_port, data, check=True):
    """scripts/search-engine.sh start|stop for the drill's own OpenSearch node."""
    node_env = {**os.environ, "SEARCH_ENGINE_PORT": str(node_port), "SEARCH_ENGINE_DATA": str(data)}
    return subprocess.run(
        ["bash", "scripts/search-engine.sh", action], cwd=common.ROOT, env=node_env, check=check
    )


def node_searches(url):
    """Searches the node has answered since it started, by its own statistics (0 when it does not
    answer): the proof that a search reached the engine and was not answered by the database."""
    try:
        stats = requests.get(f"{url}/_nodes/stats/indices/search", timeout=2).json()
    except (requests.RequestException, ValueError):
        return 0
    return sum(node["indices"]["search"]["query_total"] for node in stats["nodes"].values())


def search_drill(env, seconds=20, down_seconds=10, port=SERVER_PORT):
    """Job and site search under load while the live OpenSearch node is frozen (SIGSTOP), then
    killed (SIGKILL), then started again: no search may fail or be slow, every job search must
    show the listings the database shows or, while the node is up, those it showed before the
    fault (its synonyms and skill names find more: "chef" finds the cooks), only the database's
    while it is frozen or dead, and once the node is back the searches must reach it again by themselves (its
    own count of answered searches grows)."""
    words = SEARCH_WORDS
    # Every search reaches the engine, not the public-page cache nor the board's shared fragment
    # (which kept the node's answer for a minute into the outage).
    env = {
        **env,
        "PAGE_CACHE_SECONDS": "0",
        "FRAGMENT_CACHE_SECONDS": "0",
        "ELASTICSEARCH_URL": "",
        "OPENSEARCH_URL": "",
    }
    with Server(env, port, "faults-search-reference.log") as server:
        expected = {
            word: job_links(requests.get(f"{server.base}/jobs/?q={word}", timeout=30).text) for word in words
        }
    node_port, data = free_port(), common.RESULTS / "faults-search-engine"
    url = f"http://127.0.0.1:{node_port}"
    engine_env = {**env, "OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": "faults"}
    phases, differing, reached = {}, set(), {}
    answering = {"node up", "node started again"}  # the phases the node can answer in
    search_engine("start", node_port, data)
    try:
        manage(engine_env, "search_index", "rebuild", stdout=subprocess.DEVNULL)
        with Server(engine_env, port, "faults-search-gunicorn.log") as server:
            session = requests.Session()

            def load(phase, at_least, done=lambda: True, longest=90):
                recorder = phases.setdefault(phase, Phased())
                started_phase = time.monotonic()
                while True:
                    elapsed, finished = time.monotonic() - started_phase, done()
                    if elapsed >= at_least and (finished or elapsed >= longest):
                        break
                    for word in words:
                        started = time.monotonic()
                        try:
                            response = session.get(f"{server.base}/jobs/?q={word}", timeout=30)
                            status = response.status_code
                            found = job_links(response.text)
                            allowed = [expected[word]]
                            if phase in answering:  # a frozen or dead node answers nothing
                                allowed.append(engine_answers[word])
                            if found not in allowed:
                                if (phase, word) not in differing:
                                    print(f"{phase}: '{word}' showed {found} instead of {allowed}")
                                differing.add((phase, word))
                        except requests.RequestException:
                            status = 0
                        recorder.record("job search", status, time.monotonic() - started, word, status == 200)
                        started = time.monotonic()
                        try:
                            status = session.get(f"{server.base}/search/?q={word}", timeout=30).status_code
                        except requests.RequestException:
                            status = 0
                        recorder.record(
                            "site search", status, time.monotonic() - started, word, status == 200
                        )
                return time.monotonic() - started_phase

            before = node_searches(url)
            engine_answers = {
                word: job_links(session.get(f"{server.base}/jobs/?q={word}", timeout=30).text)
                for word in words
            }
            reached["engine_answered"] = node_searches(url) - before
            load("node up", seconds)
            reached["up"] = node_searches(url) - before
            pid = int((data / "node.pid").read_text())
            os.kill(pid, signal.SIGSTOP)
            load("node frozen (SIGSTOP)", down_seconds)
            os.kill(pid, signal.SIGKILL)
            load("node killed (SIGKILL)", down_seconds)
            search_engine("start", node_port, data)
            restarted = time.monotonic()

            def back():
                if node_searches(url) > 0 and "back_after_seconds" not in reached:
                    reached["back_after_seconds"] = round(time.monotonic() - restarted, 1)
                return "back_after_seconds" in reached

            load("node started again", seconds, done=back)
            back()
            reached["after_restart"] = node_searches(url)
    finally:
        search_engine("stop", node_port, data, check=False)
    report(
        "(b) the live search engine frozen, killed, started again",
        {name: (rec, {200}) for name, rec in phases.items()},
    )
    job_errors = sum(
        n for rec in phases.values() for status, n in rec.statuses["job search"].items() if status != 200
    )
    site_errors = sum(
        n for rec in phases.values() for status, n in rec.statuses["site search"].items() if status != 200
    )
    searches = sum(answered(rec, "job search") for rec in phases.values())
    words_with_results = sorted(word for word, links in expected.items() if links)
    print(
        f"job search errors {job_errors}; site search errors {site_errors}; job searches answered {searches}; "
        f"job searches answering other listings than the database's or the node's own (only the "
        f"database's while the node is frozen or dead): {sorted(differing) or 'none'}; "
        f"searches the node answered while up: {reached.get('up', 0)}; after its restart: "
        f"{reached.get('after_restart', 0)} (the first {reached.get('back_after_seconds')} s after it was up again)"
    )
    return {
        "job_search_errors": job_errors,
        "site_search_errors": site_errors,
        "differing": sorted(f"{phase}: {word}" for phase, word in differing),
        "job_searches": searches,
        "words_with_results": words_with_results,
        **reached,
        # Nothing compared is nothing proven: searches ran, found listings, and reached the node
        # both before the fault and, by themselves, after its restart.
        "passed": not job_errors
        and not site_errors
        and not differing
        and searches > 0
        and bool(words_with_results)
        and reached.get("engine_answered", 0) >= len(words)
        and reached.get("up", 0) > 0
        and reached.get("after_restart", 0) > 0,
    }


# (c) ---------------------------------------------------------------------------------------------


class RefusingSink:
    """An SMTP server on loopback answering 451 while `refusing`."""

    def __init__(self):
        self.refusing, self.refused, self.received = True, 0, []

    async def handle_DATA(self, server, session, envelope):
        if self.refusing:
            self.refused += 1
            return "451 4.3.0 Mail server busy, try again later"
        self.received.extend(envelope.rcpt_tos)
        return "250 2.0.0 OK"


def mail_drill(env, addresses, clients, refuse_seconds=30, deliver_within=120, port=SERVER_PORT):
    """Sign-ups while the mail server answers 451, then the server accepts: the drill fails unless
    sign-ups were accepted (pending pledges in the database), delivery was attempted while the
    server refused, and every accepted address got its confirmation e-mail afterwards."""
    from aiosmtpd.controller import Controller

    sink = RefusingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    queued = {
        **env,
        "EMAIL_URL": f"smtp://127.0.0.1:{controller.port}?timeout=5",
        "TASKS_BACKEND": "database",
        "MAIL_RETRY_BASE_SECONDS": "5",
        "MAIL_MAX_ATTEMPTS": "8",
    }
    recorder = Recorder()
    worker_log = open(common.RESULTS / "faults-mail-worker.log", "w")  # noqa: SIM115 (closed below)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-reload"],
        cwd=common.ROOT, env=queued, stdout=worker_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        with Server(queued, port, "faults-mail-gunicorn.log") as server:
            stop, threads, visitors = start_visitors(
                server.base, addresses, recorder, clients, mix=[("pledge", 1)]
            )
            time.sleep(refuse_seconds)
            stop_visitors(stop, threads)
        done = outcomes(FAULTS_URL, visitors)
        accepted = done["accepted"]
        # Delivery is attempted by the worker: wait (a little) until it has tried at least once.
        deadline = time.monotonic() + 30
        while accepted and not sink.refused and time.monotonic() < deadline:
            time.sleep(0.5)
        refused_while_down = sink.refused
        sink.refusing = False
        deadline = time.monotonic() + deliver_within
        while time.monotonic() < deadline and not accepted <= set(sink.received):
            time.sleep(1)
        delivered = accepted & set(sink.received)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        worker_log.close()
        controller.stop()
    report("(c) e-mail server refusing", {"sign-ups while the server refuses": (recorder, FINE)})
    errors = recorder.count(lambda status: status not in FINE)
    print(
        f"sign-ups submitted {len(done['submitted'])}, accepted (pending pledges in the database) "
        f"{len(accepted)}, refused delivery attempts {refused_while_down}, confirmation e-mails delivered "
        f"after the server came back {len(delivered)} of {len(accepted)}; errors {errors}; "
        f"forms not found {dict(recorder.missed) or 0}"
    )
    return {
        "errors": errors,
        "submitted": len(done["submitted"]),
        "signed_up": len(accepted),
        "refused_attempts": refused_while_down,
        "delivered": len(delivered),
        "passed": (
            not errors
            and not recorder.missed
            and bool(accepted)
            and done["submitted"] <= accepted
            and refused_while_down > 0
            and delivered == accepted
        ),
    }


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drills", default="database,search,mail")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--down-seconds", type=float, default=30, help="the database's outage")
    parser.add_argument(
        "--seconds", type=float, default=20,
        help="load before and after the outage, searches without the engine, sign-ups while mail refuses (x1.5)",
    )  # fmt: skip
    parser.add_argument("--port", type=int, default=SERVER_PORT, help="gunicorn's port on loopback")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    ensure_cluster()
    env, addresses = prepared_site(FAULTS_URL, CACHE_KEY_PREFIX="faults", DB_CONNECT_TIMEOUT="3")
    results = {}
    drills = args.drills.split(",")
    if "database" in drills:
        results["database"] = database_drill(
            env,
            addresses,
            args.clients,
            down_seconds=args.down_seconds,
            around_seconds=args.seconds,
            port=args.port,
        )
    if "search" in drills:
        results["search"] = search_drill(
            env, seconds=args.seconds, down_seconds=args.down_seconds, port=args.port
        )
    if "mail" in drills:
        results["mail"] = mail_drill(
            env, addresses, args.clients, refuse_seconds=args.seconds * 1.5, port=args.port
        )
    print("\n== summary")
    for name, result in results.items():
        print(f"{name:9} {'passed' if result['passed'] else 'FAILED'}  {result}")
    (common.RESULTS / "faults.json").write_text(json.dumps(results, indent=2, default=str))
    return 0 if all(result["passed"] for result in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
