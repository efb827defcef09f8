"""Campaign staff in the Wagtail admin: programme providers (listing, detail, verify, suspend) and
the read-only listings of introductions and hires, which never show a graduate's personal data."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from matching.models import Hire, Introduction
from partners.models import Graduate, ProgrammeProvider
from tests.jobs.factories import JobListingFactory
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    PendingProviderFactory,
    ProgrammeFactory,
    personal_markers,
)
from tests.portal.factories import UserFactory, with_totp

INDEX = reverse("programme_providers:index")
INTRODUCTIONS = reverse("introductions_admin:index")
HIRES = reverse("hires_admin:index")


def member_of(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return with_totp(user)  # the admin asks staff for a second factor


@pytest.fixture
def moderator(db):
    return member_of("Campaign moderators", email="moderator@example.org")


@pytest.fixture
def editor(db):
    return member_of("Campaign editors", email="editor@example.org")


@pytest.fixture
def pending(db):
    provider = PendingProviderFactory(name="HMP Northfield Resettlement Unit", kind="prison")
    CoordinatorFactory(provider=provider, user__email="coordinator@northfield.example.org")
    ProgrammeFactory(provider=provider, name="Women Build", gender_responsive=True)
    return provider


def inspect_url(provider):
    return reverse("programme_providers:inspect", args=[provider.pk])


def verify_url(provider):
    return reverse("programme_providers:verify", args=[provider.pk])


def suspend_url(provider):
    return reverse("programme_providers:suspend", args=[provider.pk])


def test_moderator_lists_and_inspects_providers(client, moderator, pending):
    client.force_login(moderator)
    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert "HMP Northfield Resettlement Unit" in listing.content.decode()

    page = client.get(inspect_url(pending))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "coordinator@northfield.example.org" in text
    assert "Women Build" in text
    assert soup.find("form", action=verify_url(pending))
    assert soup.find("form", action=suspend_url(pending))


def test_moderator_verifies_a_provider(client, moderator, pending):
    graduate = GraduateFactory(provider=pending)
    assert not Graduate.objects.matchable().filter(pk=graduate.pk).exists()

    client.force_login(moderator)
    response = client.post(verify_url(pending), {"note": "Contract checked."})
    assert response.status_code == 302
    assert response["Location"] == inspect_url(pending)

    pending.refresh_from_db()
    assert pending.status == ProgrammeProvider.Status.VERIFIED
    assert pending.status_changed_by == moderator
    assert pending.status_reason == "Contract checked."
    assert Graduate.objects.matchable().filter(pk=graduate.pk).exists()

    again = client.post(verify_url(pending), {})
    assert again.status_code == 302
    follow = client.get(inspect_url(pending))
    assert not BeautifulSoup(follow.content, "html.parser").find("form", action=verify_url(pending))


def test_suspending_needs_a_reason_and_takes_graduates_out_of_matching(client, moderator, pending):
    pending.verify(by=moderator)
    graduate = GraduateFactory(provider=pending)
    client.force_login(moderator)

    refused = client.post(suspend_url(pending), {"reason": ""})
    assert refused.status_code == 400
    pending.refresh_from_db()
    assert pending.status == ProgrammeProvider.Status.VERIFIED

    assert client.post(suspend_url(pending), {"reason": "Contract ended."}).status_code == 302
    pending.refresh_from_db()
    assert pending.status == ProgrammeProvider.Status.SUSPENDED
    assert not Graduate.objects.matchable().filter(pk=graduate.pk).exists()


def test_the_providers_status_history_says_who_changed_it_and_why(client, moderator, pending):
    client.force_login(moderator)
    client.post(verify_url(pending), {"note": "Contract checked."})
    client.post(suspend_url(pending), {"reason": "Contract ended."})

    history = list(pending.status_history.values_list("from_status", "to_status", "changed_by", "reason"))
    assert history == [
        ("verified", "suspended", moderator.pk, "Contract ended."),
        ("pending", "verified", moderator.pk, "Contract checked."),
    ]
    page = BeautifulSoup(client.get(inspect_url(pending)).content, "html.parser")
    section = page.find("section", attrs={"aria-labelledby": "provider-history-heading"})
    assert "Contract ended." in section.get_text() and "Contract checked." in section.get_text()


def test_actions_are_post_only(client, moderator, pending):
    client.force_login(moderator)
    assert client.get(verify_url(pending)).status_code == 405
    assert client.post(reverse("programme_providers:verify", args=[999999])).status_code == 404


def test_editor_gets_403_on_the_actions_and_nothing_changes(client, editor, pending):
    client.force_login(editor)
    refused = client.post(verify_url(pending), {"note": "sneaky"})
    assert refused.status_code == 403
    assert "Only campaign moderators may verify or suspend a programme provider" in refused.content.decode()
    assert client.post(suspend_url(pending), {"reason": "sneaky"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == ProgrammeProvider.Status.PENDING
    # Editors have nothing of the partner side at all.
    for url in (INDEX, inspect_url(pending), INTRODUCTIONS, HIRES):
        assert client.get(url).status_code in (302, 403)


def test_no_add_edit_or_delete_views(moderator, pending):
    from django.urls import NoReverseMatch

    for name in ("add", "edit", "delete"):
        for prefix in ("programme_providers", "introductions_admin", "hires_admin"):
            with pytest.raises(NoReverseMatch):
                reverse(f"{prefix}:{name}", args=[pending.pk] if name != "add" else [])


def test_introductions_and_hires_are_listed_without_personal_data(client, moderator, pending):
    pending.verify(by=moderator)
    graduate = GraduateFactory(provider=pending)
    other = GraduateFactory(provider=pending)
    job = JobListingFactory(title="Trainee bricklayer")
    data = other.personal_data
    introduction = Introduction.objects.create(job=job, graduate=other, message="Can we meet?")
    introduction.accept(by=None, released_contact=f"{data.full_name}, {data.phone}")
    hire = Hire.objects.create(
        graduate=graduate, job=job, employer=job.employer, start_date=datetime.date(2026, 1, 5)
    )

    client.force_login(moderator)
    pages = [
        client.get(INTRODUCTIONS),
        client.get(reverse("introductions_admin:inspect", args=[introduction.pk])),
        client.get(HIRES),
        client.get(reverse("hires_admin:inspect", args=[hire.pk])),
        client.get(inspect_url(pending)),
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        for marker in personal_markers(graduate) + personal_markers(other):
            assert marker not in html
    assert other.reference in pages[0].content.decode()
    assert graduate.reference in pages[2].content.decode()
    assert "12 months" in pages[3].content.decode()
