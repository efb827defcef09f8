"""Security headers, read from real responses of the public site, the employer area, the JSON
endpoints and the Wagtail admin; and the production switches read from the settings module."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.employers.factories import owner_of
from tests.portal.factories import UserFactory, with_totp
from tests.stories.factories import StoryPageFactory

ROOT = Path(__file__).resolve().parents[2]


def directives(header):
    """ "default-src 'self'; img-src 'self' data:" -> {"default-src": ["'self'"], ...}"""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {"strict-origin-when-cross-origin", "same-origin"}
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}


def assert_site_policy(response):
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_public_pages_send_the_site_policy(client, story_index, standard_pages):
    story = StoryPageFactory(parent=story_index)
    for url in ["/", story.url, "/about/", "/jobs/", "/pledge-wall/", "/search/?q=work", "/accounts/login/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_site_policy(response)


def test_a_missing_page_and_a_static_file_have_the_headers_too(client, home):
    assert_site_policy(client.get("/no-such-page/"))
    static = client.get("/static/portal/css/site.css")
    assert static.status_code == 200
    assert_site_policy(static)


def test_the_employer_area_sends_the_site_policy(client, home):
    owner, _employer = owner_of()
    client.force_login(owner)
    for url in ["/employer/", "/employer/jobs/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_site_policy(response)


def test_json_endpoints_send_the_headers(client, home):
    for url in ["/healthz", "/readyz"]:
        response = client.get(url)
        assert response["Content-Type"].startswith("application/json")
        assert_site_policy(response)


def test_the_admin_has_its_own_policy_inline_scripts_only(client, home):
    client.force_login(with_totp(UserFactory(is_superuser=True, is_staff=True)))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response["Content-Security-Policy"])
    # Wagtail's page editor writes inline scripts; nothing else is loosened.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # its own page previews
    assert policy["base-uri"] == ["'self'"]


def production_settings(**extra):
    """The values portal/settings.py computes from the production variables, in a fresh process."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "SESSION_", "CSRF_", "DJANGO_SETTINGS"))
    }
    env.update({"DEBUG": "0", "SECRET_KEY": "x" * 60, **extra})
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
    ]
    code = (
        f"import json, portal.settings as s; print(json.dumps({{n: getattr(s, n, None) for n in {names!r}}}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output)


def test_production_variables_switch_on_hsts_and_secure_cookies():
    values = production_settings()
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True


@pytest.mark.django_db
def test_in_production_a_https_response_has_hsts_and_secure_cookies(home):
    values = production_settings()
    with override_settings(
        SECURE_HSTS_SECONDS=values["SECURE_HSTS_SECONDS"],
        SECURE_HSTS_INCLUDE_SUBDOMAINS=values["SECURE_HSTS_INCLUDE_SUBDOMAINS"],
        SESSION_COOKIE_SECURE=values["SESSION_COOKIE_SECURE"],
        CSRF_COOKIE_SECURE=values["CSRF_COOKIE_SECURE"],
    ):
        client = Client()  # a new client builds the middleware with these settings
        response = client.get("/accounts/login/", secure=True)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"].startswith(f"max-age={values['SECURE_HSTS_SECONDS']}")
        assert response.cookies["csrftoken"]["secure"]

        owner, _employer = owner_of()
        response = client.post(
            "/accounts/login/",
            {"login": owner.email, "password": "correct horse battery staple"},
            secure=True,
        )
        assert response.status_code == 302
        session = response.cookies["sessionid"]
        assert session["secure"] and session["httponly"]
