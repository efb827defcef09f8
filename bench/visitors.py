"""The soak's visitors: each a requests session doing a weighted mix of what people do on the
site (public pages, searches, pledge sign-ups, the employer area, saving a draft listing), and
what the database holds of what they did."""

import itertools
import os
import random
import re
import threading
import time
from urllib.parse import urlencode

import requests

from bench import forms
from bench.report import FINE
from bench.server import EMPLOYER_LOGIN

SEARCH_WORDS = ["kitchen", "warehouse", "driver", "care", "construction", "retail", "story", "work", "chef"]
# allauth allows 30 log-ins a minute per address; 4 employer clients at one each 10 s stay below.
LOGIN_INTERVAL = 10
# Every address a visitor signs up with and every draft it saves carries this run's mark, so the
# database tells what this run did (and nothing an earlier run left).
RUN = f"{os.getpid()}-{int(time.time())}"
# Each visitor of the run (the drills start several sets) signs up with addresses of its own.
VISITOR_IDS = itertools.count()
PLEDGE_EMAIL = "soak-{run}-{visitor}-{n}@example.org"
DRAFT_TITLE = "Soak draft {run} {visitor}-{n}"


class Visitor:
    """One client: a requests session doing the weighted mix until told to stop."""

    MIX = [("page", 45), ("search", 20), ("pledge", 10), ("employer", 25)]

    def __init__(self, base, addresses, recorder, number, employer=False, fine=FINE, timeout=30, mix=None):
        self.base, self.addresses, self.recorder = base, addresses, recorder
        self.number, self.employer, self.fine, self.timeout = number, employer, fine, timeout
        self.mix = mix or self.MIX
        self.uid = next(VISITOR_IDS)
        self.signed_up = []  # addresses whose sign-up was answered (not a 503 of an outage)
        self.tried = set()  # every address and draft title this visitor submitted
        self.session = requests.Session()
        self.random = random.Random(number)  # nosec B311 # a reproducible traffic mix, not a secret
        self.logged_in = False
        self.next_login = 0.0
        self.pledges = itertools.count()
        self.drafts = itertools.count()
        self.drafts_saved = []  # titles of the drafts whose save was answered with a redirect

    def get(self, kind, path, **kwargs):
        return self.call(kind, "GET", path, **kwargs)

    def call(self, kind, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = self.session.request(
                method, self.base + path, timeout=self.timeout, allow_redirects=False, **kwargs
            )
            status = response.status_code
        except requests.RequestException:
            response, status = None, 0
        elapsed = time.monotonic() - started
        self.recorder.record(kind, status, elapsed, path, status in self.fine)
        return response

    def page(self):
        choice = self.random.random()
        if choice < 0.15:
            path = "/"
        elif choice < 0.35 and self.addresses["stories"]:
            path = self.random.choice(self.addresses["stories"])
        elif choice < 0.45 and self.addresses["campaigns"]:
            path = self.random.choice(self.addresses["campaigns"])
        elif choice < 0.6:
            path = "/jobs/"
        elif choice < 0.8 and self.addresses["jobs"]:
            path = self.random.choice(self.addresses["jobs"])
        elif choice < 0.9:
            path = "/pledge-wall/"
        else:
            path = self.random.choice(["/stories/", "/campaigns/", "/incentives/", "/about/"])
        self.get("page", path)

    def search(self):
        word = self.random.choice(SEARCH_WORDS)
        if self.random.random() < 0.5:
            self.get("search", "/search/?" + urlencode({"q": word}))
        else:
            self.get("search", "/jobs/?" + urlencode({"q": word}))

    def pledge(self):
        """The campaign page, then its pledge form submitted as a browser would (to the form's own
        action, with every field the page gives). Outcomes are counted in the database, not read
        from the answer: every outcome reads the same to the person who submits."""
        if not self.addresses["campaigns"]:
            return self.page()
        campaign = self.random.choice(self.addresses["campaigns"])
        page = self.get("pledge-form", campaign)
        form = page_form(page, self.base + campaign, "email")
        if form is None:
            if page is not None and page.status_code == 200:
                self.recorder.missing("pledge form on the campaign page", campaign)
            return None
        email = PLEDGE_EMAIL.format(run=RUN, visitor=self.uid, n=next(self.pledges))
        self.tried.add(email)
        data = pledge_data(form, email, self.number)
        response = self.call(
            "pledge-signup", form.method.upper(), relative(form.action, self.base), data=data
        )
        if response is not None and response.status_code in FINE:
            # Submitted and answered (not a 503 of an outage): the database says if it was stored.
            self.signed_up.append(email)
        return response

    def log_in(self):
        """At most one attempt per LOGIN_INTERVAL seconds, as a person would: retrying at every
        action while the site is down would run into the log-in rate limit (429) afterwards."""
        if time.monotonic() < self.next_login:
            return False
        self.next_login = time.monotonic() + LOGIN_INTERVAL
        form = self.get("employer", "/accounts/login/")
        token = csrf_token(form)
        if token is None:
            return False
        data = {
            "csrfmiddlewaretoken": token,
            "login": EMPLOYER_LOGIN,
            "password": os.environ["DEMO_PASSWORD"],
        }
        response = self.call("employer", "POST", "/accounts/login/", data=data)
        self.logged_in = response is not None and response.status_code == 302
        return self.logged_in

    def employer_action(self):
        if not self.employer:
            return self.page()
        if not self.logged_in and not self.log_in():
            return self.page()
        jobs = self.addresses["employer_jobs"]
        choice = self.random.random()
        if choice < 0.1 or not self.drafts_saved:  # the first employer action saves a draft
            return self.save_draft()
        if choice < 0.3 or not jobs:
            path = "/employer/"
        elif choice < 0.55:
            path = "/employer/jobs/"
        elif choice < 0.75:
            path = f"/employer/jobs/{self.random.choice(jobs)}/"
        else:
            path = f"/employer/jobs/{self.random.choice(jobs)}/matches/"
        response = self.get("employer", path)
        if (
            response is not None
            and response.status_code == 302
            and "/accounts/login/" in response.headers.get("Location", "")
        ):
            self.logged_in = False
        return response

    def save_draft(self):
        """An employer action that writes: a new job listing saved as a draft."""
        page = self.get("employer-draft", "/employer/jobs/new/")
        form = page_form(page, self.base + "/employer/jobs/new/", "title")
        if form is None:
            if page is not None and page.status_code == 302:
                self.logged_in = False  # logged out meanwhile: log in again next time
            elif page is not None and page.status_code == 200:
                self.recorder.missing("job listing form", "/employer/jobs/new/")
            return None

        title = DRAFT_TITLE.format(run=RUN, visitor=self.uid, n=next(self.drafts))
        self.tried.add(title)
        data = draft_data(form, title)
        response = self.call("employer-draft", "POST", relative(form.action, self.base), data=data)
        if response is not None and response.status_code == 302:
            self.drafts_saved.append(title)
        elif response is not None and response.status_code == 400:
            self.recorder.missing("a valid draft (the form answered 400)", "/employer/jobs/new/")
        return response

    def run(self, stop):
        actions = {
            "page": self.page,
            "search": self.search,
            "pledge": self.pledge,
            "employer": self.employer_action,
        }
        names = [name for name, _weight in self.mix]
        weights = [weight for _name, weight in self.mix]
        while not stop.is_set():
            actions[self.random.choices(names, weights)[0]]()


def pledge_data(form, email, number=0):
    """What a supporter types into the campaign page's pledge form (the rest as the page gives)."""
    regions = form.choices("region")
    return form.data(
        name=f"Soak supporter {number}",
        email=email,
        region=regions[0] if regions else "",
        count_publicly="on",
    )


def draft_data(form, title):
    """What an employer types into the new job listing form to save a draft."""

    def first(name):
        return (form.choices(name) or [""])[0]

    return form.data(
        title=title,
        description="<p>Kitchen work on a friendly team; training given from the first day.</p>",
        sector=first("sector"),
        employment_type=first("employment_type"),
        region=first("region"),
        place="Manchester",
        fair_chance_statement="We ask about convictions only after an offer, and only when the law requires it.",
        apply_method="portal",
    )


def page_form(response, url, with_field):
    if response is None or response.status_code != 200:
        return None
    return forms.find_form(response.text, url, with_field)


def relative(url, base):
    return url.removeprefix(base)


def csrf_token(response):
    if response is None or response.status_code != 200:
        return None
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    return match.group(1) if match else None


def start_visitors(base, addresses, recorder, clients, fine=FINE, timeout=30, mix=None):
    """Half the clients are logged-in employers (their mix includes the employer area)."""
    stop = threading.Event()
    visitors = [
        Visitor(
            base, addresses, recorder, number, employer=number % 2 == 1, fine=fine, timeout=timeout, mix=mix
        )
        for number in range(clients)
    ]
    threads = [threading.Thread(target=visitor.run, args=(stop,), daemon=True) for visitor in visitors]
    for thread in threads:
        thread.start()
    return stop, threads, visitors


def stop_visitors(stop, threads):
    """Tell the visitors to stop and wait for their requests in flight (at most a minute each)."""
    stop.set()
    for thread in threads:
        thread.join(timeout=60)


def outcomes(database_url, visitors):
    """What this run's visitors did, as the database holds it: the sign-ups it accepted (pending
    or confirmed pledges with this run's addresses) and the drafts it saved."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        accepted = connection.execute(
            "SELECT email FROM campaigns_supporterpledge WHERE email LIKE %s AND status IN ('pending', 'confirmed')",
            [PLEDGE_EMAIL.format(run=RUN, visitor="%", n="%")],
        ).fetchall()
        saved = connection.execute(
            "SELECT title FROM jobs_joblisting WHERE title LIKE %s AND status = 'draft'",
            [DRAFT_TITLE.format(run=RUN, visitor="%", n="%")],
        ).fetchall()
    tried = {item for visitor in visitors for item in visitor.tried}  # these visitors' own
    return {
        "submitted": {email for visitor in visitors for email in visitor.signed_up},
        "accepted": {email for (email,) in accepted} & tried,
        "drafts_answered": {title for visitor in visitors for title in visitor.drafts_saved},
        "drafts_saved": {title for (title,) in saved} & tried,
    }
