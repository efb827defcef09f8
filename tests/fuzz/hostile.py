"""Hostile input for the fuzz tests, and what every answer to it must look like.

The strategies mix fixed nasties (very long strings, NUL and control characters, right-to-left
overrides, emoji, markup, template and SQL syntax, numbers out of range) with random unicode, and
send them as missing fields, single values or lists where one value is expected. Every run draws
the same examples (derandomize) so CI is stable; the example database is off for the same reason.
"""

from bs4 import BeautifulSoup
from django.core.cache import cache
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

NASTIES = [
    "",
    " ",
    "A" * 10_000,
    "é" * 3_000,
    "\x00",
    "name\x00with nul",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f",
    "\r\n\r\n\t",
    "\u202egnp.exe\u202c",  # right-to-left override
    "שלום עולם",
    "مرحبا بالعالم",
    "🙂👍🏽👨‍👩‍👧‍👦🏳️‍🌈",
    "\ufeff\u200b\u200d",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR 1=1 --",
    "%00%27%22",
    "{{ 7|add:7 }}{% debug %}",
    "../../../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "-0.0000001",
    "true",
    "null",
    "[]",
    "{}",
    "2026-02-30",
    "9999-12-31",
    "GB-MAN",
    "full-time",
    "a@b",
    "x@example.org",
]

# Surrogates cannot be encoded into a request at all, so they are left out of random text.
RANDOM_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)

SCALAR = st.one_of(
    st.sampled_from(NASTIES),
    RANDOM_TEXT,
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
# A list where one value is expected: the field arrives several times.
VALUE = st.one_of(SCALAR, SCALAR, SCALAR, st.lists(SCALAR, min_size=2, max_size=3))


def form_data(names):
    """Any subset of the fields (missing ones left out), each holding a hostile value."""
    return st.fixed_dictionaries({}, optional=dict.fromkeys(names, VALUE))


def fresh_attempt():
    # Rate limits would otherwise turn later examples into 429s and hide the forms' own answers.
    cache.clear()


# Forms of the page's frame (log out, switch organisation), not of the page itself.
SHARED_FORMS = ("/logout/", "/switch/")


def post_form(html, page_url, having=None):
    """(address, field names) of the page's first POST form, or the first with a field `having`."""
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.select("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        if any(part in (form.get("action") or "") for part in SHARED_FORMS):
            continue
        fields = form.select("input[name], select[name], textarea[name]")
        names = list(dict.fromkeys(f["name"] for f in fields if f["name"] != "csrfmiddlewaretoken"))
        if having is None or having in names:
            return form.get("action") or page_url, names
    raise AssertionError(f"{page_url} shows no POST form" + (f" with a field {having!r}" if having else ""))


def get_form_fields(html):
    """Names of the fields of the page's GET forms (search boxes and filters)."""
    soup = BeautifulSoup(html, "html.parser")
    names = []
    for form in soup.select("form"):
        if (form.get("method") or "get").lower() == "get":
            names += [f["name"] for f in form.select("input[name], select[name], textarea[name]")]
    return list(dict.fromkeys(names))


ANSWERS = {200, 201, 204, 301, 302, 303, 400, 403, 404, 405, 409, 410, 429}


def assert_answered(response, data, where):
    """Never a server error; a form sent back as refused says why next to a field."""
    assert response.status_code < 500, f"{where} answered {response.status_code} to {data!r}"
    assert response.status_code in ANSWERS, f"{where} answered {response.status_code} to {data!r}"
    if response.status_code != 400 or "html" not in response.get("Content-Type", ""):
        return
    soup = BeautifulSoup(response.content, "html.parser")
    next_to_a_field = soup.select(".field-error .error-message, .w-field--error .error-message")
    summary = soup.select(".error-summary li")
    assert next_to_a_field or summary, f"{where} refused {data!r} without saying why"
    for error in next_to_a_field:
        assert error.get_text(strip=True), f"{where}: an empty error message"
