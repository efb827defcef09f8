"""Screening in the Wagtail admin: the one state machine, its refusals, the history, references
through a signed link that works once, the checklist before "active", and the audit of every view
of a volunteer's personal data."""

import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.portal.factories import UserFactory, with_totp
from tests.volunteers.factories import VolunteerFactory
from volunteers.models import Reference, Role, ScreeningRefused, Status, VolunteerDataAccess


def member_of(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return with_totp(user)


@pytest.fixture
def moderator(db):
    return member_of("Campaign moderators", email="moderator@example.org")


@pytest.fixture
def staff(client, moderator):
    client.force_login(moderator)
    return client


def url(name, volunteer):
    return reverse(f"volunteers_admin:{name}", args=[volunteer.pk])


def move(client, volunteer, status, reason=""):
    return client.post(url("transition", volunteer), {"status": status, "reason": reason})


def reference_link(message):
    return re.search(r"http://testserver(/volunteer/reference/[^/\s]+/)", message.body).group(1)


def test_the_state_machine_refuses_illegal_steps(db, moderator):
    volunteer = VolunteerFactory()
    with pytest.raises(ScreeningRefused, match="cannot go from"):
        volunteer.move_to(Status.TRAINED, by=moderator)
    volunteer.move_to(Status.REFERENCES_REQUESTED, by=moderator, reason="Two referees named")
    volunteer.move_to(Status.INTERVIEWED, by=moderator)
    volunteer.move_to(Status.TRAINED, by=moderator)
    with pytest.raises(ScreeningRefused, match="Complete the checklist"):
        volunteer.move_to(Status.ACTIVE, by=moderator)
    assert volunteer.status == Status.TRAINED
    history = list(
        volunteer.status_history.order_by("pk").values_list("from_status", "to_status", "changed_by")
    )
    assert history == [
        (Status.APPLIED, Status.REFERENCES_REQUESTED, moderator.pk),
        (Status.REFERENCES_REQUESTED, Status.INTERVIEWED, moderator.pk),
        (Status.INTERVIEWED, Status.TRAINED, moderator.pk),
    ]


@pytest.mark.parametrize(
    ("start", "allowed"),
    [
        (Status.ACTIVE, {Status.PAUSED, Status.ENDED}),
        (Status.PAUSED, {Status.ACTIVE, Status.ENDED}),
        (Status.ENDED, set()),
        (Status.DECLINED, set()),
        (Status.APPLIED, {Status.REFERENCES_REQUESTED, Status.DECLINED, Status.ENDED}),
    ],
)
def test_where_each_status_may_go(db, start, allowed):
    assert set(VolunteerFactory(status=start).next_statuses()) == allowed


def test_an_event_volunteer_needs_one_reference_and_no_background_check(db):
    volunteer = VolunteerFactory(role=Role.EVENT_VOLUNTEER, interview_done=True, training_done=True)
    Reference.objects.create(
        volunteer=volunteer, referee_name="R", referee_email="r@example.org", given_at=timezone.now()
    )
    assert volunteer.checklist_complete()
    mentor = VolunteerFactory(role=Role.PEER_MENTOR, interview_done=True, training_done=True)
    Reference.objects.create(
        volunteer=mentor, referee_name="R", referee_email="r@example.org", given_at=timezone.now()
    )
    labels = [str(label) for label, done in mentor.checklist() if not done]
    assert labels == ["References received (1 of 2)", "Background check (DBS) done"]


def test_staff_take_a_volunteer_from_applied_to_active(staff, moderator, mailoutbox, client):
    volunteer = VolunteerFactory(full_name="Nia Newcomer", role=Role.PEER_MENTOR)
    page = staff.get(url("inspect", volunteer))
    assert page.status_code == 200 and "Nia Newcomer" in page.content.decode()
    assert move(staff, volunteer, Status.REFERENCES_REQUESTED, "Referees named").status_code == 302
    for number in (1, 2):
        response = staff.post(
            url("request_reference", volunteer),
            {"referee_name": f"Referee {number}", "referee_email": f"referee{number}@example.org"},
        )
        assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["referee1@example.org"], ["referee2@example.org"]]
    links = [reference_link(message) for message in mailoutbox]
    staff.logout()
    for link in links:
        form = client.get(link)
        assert form.status_code == 200 and "Nia Newcomer" in form.content.decode()
        given = client.post(link, {"known_for": "Ten years, a neighbour", "text": "REFTEXT kind and steady"})
        assert given.status_code == 200 and "data-given" in given.content.decode()
    used = client.get(links[0])
    assert used.status_code == 410 and 'data-problem="used"' in used.content.decode()
    assert client.post(links[0], {"known_for": "x", "text": "REWRITTEN"}).status_code == 410
    assert not Reference.objects.filter(text="REWRITTEN").exists()

    staff.force_login(moderator)
    move(staff, volunteer, Status.INTERVIEWED)
    move(staff, volunteer, Status.TRAINED)
    refused = move(staff, volunteer, Status.ACTIVE)
    assert refused.status_code == 400
    assert "Complete the checklist" in refused.content.decode()
    staff.post(
        url("checklist", volunteer),
        {"interview_done": "on", "training_done": "on", "background_check_done": "on"},
    )
    assert move(staff, volunteer, Status.ACTIVE, "All checks done").status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.status == Status.ACTIVE
    page = staff.get(url("inspect", volunteer)).content.decode()
    assert "REFTEXT kind and steady" in page  # staff read the references
    assert "All checks done" in page and "Referees named" in page  # the history, with reasons


def test_an_illegal_step_is_refused_with_a_message_and_nothing_changes(staff):
    volunteer = VolunteerFactory()
    response = move(staff, volunteer, Status.ACTIVE)
    assert response.status_code == 400
    assert "cannot go from “Applied” to “Active”" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.status == Status.APPLIED and not volunteer.status_history.exists()


def test_a_tampered_or_expired_reference_link_is_answered_clearly(staff, client, mailoutbox):
    volunteer = VolunteerFactory()
    staff.post(url("request_reference", volunteer), {"referee_name": "R", "referee_email": "r@example.org"})
    link = reference_link(mailoutbox[0])
    staff.logout()
    tampered = client.get(link.replace(":", "-", 1))
    assert tampered.status_code == 404 and 'data-problem="invalid"' in tampered.content.decode()
    assert client.get("/volunteer/reference/nonsense/").status_code == 404
    with time_machine.travel(timezone.now() + timezone.timedelta(days=22)):
        expired = client.post(link, {"known_for": "x", "text": "too late"})
    assert expired.status_code == 410 and 'data-problem="expired"' in expired.content.decode()
    assert not Reference.objects.filter(given_at__isnull=False).exists()


def test_a_reference_form_with_bad_input_keeps_what_was_typed(staff, client, mailoutbox):
    volunteer = VolunteerFactory()
    staff.post(url("request_reference", volunteer), {"referee_name": "R", "referee_email": "r@example.org"})
    staff.logout()
    response = client.post(reference_link(mailoutbox[0]), {"known_for": "Since school", "text": ""})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Write your reference" in soup.select_one("#id_text-error").get_text()
    assert soup.select_one("#id_known_for")["value"] == "Since school"


def test_every_view_of_a_volunteers_page_is_audited(staff, moderator):
    volunteer = VolunteerFactory()
    staff.get(url("inspect", volunteer))
    staff.get(url("inspect", volunteer))
    accesses = VolunteerDataAccess.objects.filter(volunteer=volunteer)
    assert accesses.count() == 2
    assert {(a.user_id, a.action, a.path) for a in accesses} == {
        (moderator.pk, VolunteerDataAccess.Action.VIEW, url("inspect", volunteer))
    }


def test_editors_may_not_screen_volunteers(client, db):
    client.force_login(member_of("Campaign editors", email="editor@example.org"))
    volunteer = VolunteerFactory()
    assert client.get(url("inspect", volunteer)).status_code in (302, 403)
    assert move(client, volunteer, Status.REFERENCES_REQUESTED).status_code == 403
    volunteer.refresh_from_db()
    assert volunteer.status == Status.APPLIED
    assert not VolunteerDataAccess.objects.exists()


def test_the_staff_list_keeps_its_query_count_with_more_volunteers(staff, django_assert_max_num_queries):
    VolunteerFactory.create_batch(3)
    with django_assert_max_num_queries(40) as few:
        assert staff.get(reverse("volunteers_admin:index")).status_code == 200
    VolunteerFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff.get(reverse("volunteers_admin:index")).status_code == 200
