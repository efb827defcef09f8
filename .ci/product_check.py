"""Checks a running portal the way a visitor meets it (used by .ci/fresh-clone-run and .ci/production-run).

    python .ci/product_check.py wait URL [SECONDS]   wait until URL/healthz answers 200
    python .ci/product_check.py http URL             every page, picture and stylesheet answers 200
    python .ci/product_check.py browser URL          Chromium at 1280 and 375 px: no failed request,
                                                     no console error, no sideways scrolling

The pages are /, /stories/, /campaigns/, /jobs/, /pledge-wall/, /impact/ and one story, one
campaign and one job, found through the links of their index pages. Every problem is collected
and reported together; the exit status is 1 when there is any. `http` needs only the standard
library but imports Playwright like `browser`, so run it with the checkout's .venv (make
install-test); `browser` drives Debian's chromium (never a download).
"""

import re
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import sync_playwright

INDEX_PAGES = ["/", "/stories/", "/campaigns/", "/jobs/", "/pledge-wall/", "/impact/"]
# (index page, pattern of the address of one item on it, what it is)
ITEMS = [
    ("/stories/", re.compile(r"^/stories/(?!feed/)[\w-]+/$"), "story"),
    ("/campaigns/", re.compile(r"^/campaigns/[\w-]+/$"), "campaign"),
    ("/jobs/", re.compile(r"^/jobs/\d+-[\w-]*/$"), "job"),
]
WIDTHS = (1280, 375)
CHROMIUM = "/usr/bin/chromium"


class Links(HTMLParser):
    """Links, pictures (src and every srcset candidate) and stylesheets of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links, self.images, self.stylesheets = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("img", "source"):
            if attrs.get("src"):
                self.images.append(attrs["src"])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.images.append(candidate.split()[0])
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").lower().split() and attrs.get("href"):
            self.stylesheets.append(attrs["href"])


def fetch(url, method="GET"):
    """(status, content type, body); never raises for an HTTP status."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": "portal-ci"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # nosec B310 # our own server
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def same_site(base, url):
    return urlsplit(urljoin(base, url)).netloc == urlsplit(base).netloc


def discover(base):
    """The pages to check, in order; problems finding an item are returned too."""
    pages, problems = list(INDEX_PAGES), []
    for index, pattern, what in ITEMS:
        status, _, body = fetch(urljoin(base, index))
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        found = [
            urlsplit(urljoin(base, href)).path
            for href in parser.links
            if same_site(base, href) and pattern.match(urlsplit(urljoin(base, href)).path)
        ]
        if found:
            pages.insert(pages.index(index) + 1, found[0])
        else:
            problems.append(f"{index} ({status}) links to no {what}")
    return pages, problems


def wait(base, seconds=900):
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            if fetch(urljoin(base, "/healthz"))[0] == 200:
                print(f"{base} answers")
                return 0
        except OSError:
            pass
        time.sleep(2)
    print(f"{base} did not answer within {seconds} s", file=sys.stderr)
    return 1


def check_http(base):
    pages, problems = discover(base)
    assets = {}
    for page in pages:
        status, content_type, body = fetch(urljoin(base, page))
        if status != 200 or not content_type.startswith("text/html"):
            problems.append(f"{page}: {status} {content_type}")
            continue
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        for kind, urls in (("image", parser.images), ("stylesheet", parser.stylesheets)):
            for url in urls:
                if url.startswith("data:"):
                    continue
                if not same_site(base, url):
                    problems.append(f"{page}: {kind} from another site: {url}")
                    continue
                assets.setdefault((kind, urljoin(base, url)), page)
    for (kind, url), page in sorted(assets.items()):
        status, content_type, _ = fetch(url)
        expected = "image/" if kind == "image" else "text/css"
        if status != 200 or not content_type.startswith(expected):
            problems.append(f"{page}: {kind} {urlsplit(url).path}: {status} {content_type or 'no type'}")
    images = sum(1 for kind, _ in assets if kind == "image")
    print(
        f"checked {len(pages)} pages ({', '.join(pages)}), {images} images, {len(assets) - images} stylesheets"
    )
    return report(problems)


# Recorded in the page from its first script on, so a refusal before load is not missed either.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""

OVERFLOW_SCRIPT = """() => {
  const width = window.innerWidth;
  const wide = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      let name = element.tagName.toLowerCase();
      if (element.id) name += '#' + element.id;
      else if (element.classList.length) name += '.' + [...element.classList].join('.');
      wide.push(name + ' (' + Math.round(box.right) + ' px)');
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.slice(0, 3)};
}"""

BROKEN_IMAGES_SCRIPT = """() => [...document.images]
  .filter(image => image.currentSrc && !(image.complete && image.naturalWidth > 0))
  .map(image => image.currentSrc)"""


def check_browser(base):
    pages, problems = discover(base)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                context.add_init_script(CSP_LISTENER)
                for path in pages:
                    problems += check_page(context, base, path, width)
                context.close()
        finally:
            browser.close()
    print(f"checked {len(pages)} pages ({', '.join(pages)}) at {' and '.join(map(str, WIDTHS))} px")
    return report(problems)


def check_page(context, base, path, width):
    found = []
    page = context.new_page()

    def note(reason):
        found.append(f"{path} at {width} px: {reason}")

    def on_console(message):
        if message.text.startswith("Failed to load resource"):
            return  # the answer itself is reported below, with its address
        if message.type == "error" or "Content Security Policy" in message.text:
            note(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: note(f"script error: {error}"))
    page.on("requestfailed", lambda request: note(f"request failed: {request.url} ({request.failure})"))
    page.on(
        "response",
        lambda response: response.status >= 400 and note(f"{response.status} for {response.url}"),
    )
    try:
        response = page.goto(urljoin(base, path), wait_until="load")
        if response is None or response.status != 200:
            note(f"answered {response.status if response else 'nothing'}")
        # Scroll through the page so that lazily loaded pictures are requested too.
        height = page.evaluate("document.documentElement.scrollHeight")
        for top in range(0, height, 600):
            page.evaluate(f"window.scrollTo(0, {top})")
            page.wait_for_timeout(50)
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_load_state("networkidle")
        for violation in page.evaluate("window.__cspViolations || []"):
            note(f"CSP violation: {violation}")
        for src in page.evaluate(BROKEN_IMAGES_SCRIPT):
            note(f"picture not shown: {src}")
        overflow = page.evaluate(OVERFLOW_SCRIPT)
        if overflow["scrollWidth"] > overflow["innerWidth"]:
            note(
                f"scrolls sideways: {overflow['scrollWidth']} px wide in {overflow['innerWidth']} px"
                + (f"; widest: {', '.join(overflow['wide'])}" if overflow["wide"] else "")
            )
    except Exception as error:  # a timeout or crash is one more finding, not the end of the pass
        note(f"{type(error).__name__}: {error}")
    finally:
        page.close()
    return found


def report(problems):
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("no problem found")
    return 0


if __name__ == "__main__":
    command, base = sys.argv[1], sys.argv[2].rstrip("/") + "/"
    if command == "wait":
        sys.exit(wait(base, *sys.argv[3:]))
    sys.exit({"http": check_http, "browser": check_browser}[command](base))
