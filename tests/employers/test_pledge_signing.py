"""Hiring pledges in the employer area: signing, renewal, withdrawal and progress reports."""

import datetime
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from employers.models import HiringPledge, PledgeCommitment, ProgressItem, ProgressReport
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    OwnerFactory,
    PendingEmployerFactory,
    RecruiterFactory,
    SuspendedEmployerFactory,
    owner_of,
)

SIGN_URL = "/employer/pledge/sign/"
PLEDGE_URL = "/employer/pledge/"
WITHDRAW_URL = "/employer/pledge/withdraw/"
PROGRESS_URL = "/employer/pledge/progress/"
SPRING = datetime.datetime(2026, 3, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def commitments(db):
    current = list(PledgeCommitment.objects.current())
    return {
        "question": next(c for c in current if c.title.startswith("Remove the conviction question")),
        "hire": next(c for c in current if c.title.startswith("Hire programme graduates")),
        "placements": next(c for c in current if c.title.startswith("Offer work placements")),
        "mentor": next(c for c in current if c.title.startswith("Give every new hire")),
    }


@pytest.fixture
def owner(home):
    user, _employer = owner_of(first_name="Priya", last_name="Shah", email="priya@fairfoods.example")
    return user


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def employer_of(user):
    return user.employer_memberships.get().employer


def signing(*chosen, **overrides):
    """POST data ticking `chosen` commitments; numbers and the rest through overrides."""
    data = {
        "signatory_name": "Priya Shah",
        "signatory_title": "Managing Director",
        "authority_confirmed": "on",
        "is_public": "on",
    }
    for commitment in chosen:
        data[f"commitment_{commitment.pk}"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def messages_on(response):
    return [m.get_text(" ", strip=True) for m in soup_of(response).select(".message")]


class TestSigning:
    def test_the_form_lists_current_commitments_and_prefills_the_signatory(self, owner_client, commitments):
        retired = PledgeCommitment.objects.create(title="An old promise", retired=True, sort_order=99)
        response = owner_client.get(SIGN_URL)
        assert response.status_code == 200
        soup = soup_of(response)
        for commitment in PledgeCommitment.objects.current():
            assert soup.select_one(f"#id_commitment_{commitment.pk}")["type"] == "checkbox"
        assert soup.select_one(f"#id_commitment_{retired.pk}") is None
        assert soup.select_one(f"#id_number_{commitments['hire'].pk}") is not None
        assert soup.select_one(f"#id_number_{commitments['question'].pk}") is None
        assert soup.select_one("#id_signatory_name")["value"] == "Priya Shah"
        assert soup.select_one("#id_is_public").has_attr("checked")
        assert not soup.select_one("#id_authority_confirmed").has_attr("checked")

    def test_signing_creates_a_12_month_pledge_with_its_commitments_and_emails_the_owners(
        self, owner_client, owner, commitments, mailoutbox
    ):
        employer = employer_of(owner)
        other_owner = OwnerFactory(employer=employer).user
        RecruiterFactory(employer=employer)
        with time_machine.travel(SPRING, tick=False):
            response = owner_client.post(
                SIGN_URL,
                signing(
                    commitments["question"],
                    commitments["hire"],
                    **{f"number_{commitments['hire'].pk}": " 12 "},
                ),
            )
            assert response.status_code == 302
            assert response["Location"] == PLEDGE_URL
            page = owner_client.get(PLEDGE_URL)

        pledge = HiringPledge.objects.get()
        assert re.fullmatch(r"HP-\d{4}-\d{5}", pledge.reference)
        assert pledge.reference == "HP-2026-00001"
        assert pledge.signed_at == SPRING
        assert pledge.expires_at == SPRING + relativedelta(months=12)
        assert pledge.signed_by == owner
        assert (pledge.signatory_name, pledge.signatory_title) == ("Priya Shah", "Managing Director")
        assert pledge.authority_confirmed and pledge.is_public
        assert {(c.commitment_id, c.number) for c in pledge.commitments.all()} == {
            (commitments["question"].pk, None),
            (commitments["hire"].pk, 12),
        }

        assert "HP-2026-00001" in " ".join(messages_on(page))
        soup = soup_of(page)
        assert soup.select_one("[data-pledge='HP-2026-00001'] .status")["data-state"] == "active"
        text = soup.select_one(".area-content").get_text(" ", strip=True)
        assert "15 March 2027" in text
        assert "12 programme graduates a year" in text
        assert "After a conditional offer" in text  # the organisation's record-check stage
        assert soup.select_one("a[href='/pledges/HP-2026-00001/']")
        assert soup.select_one("a[href='/pledges/HP-2026-00001/certificate/']")

        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert sorted(message.to) == sorted([owner.email, other_owner.email])
        assert "HP-2026-00001" in message.subject
        assert "12 programme graduates a year" in message.body
        assert "/pledges/HP-2026-00001/" in message.body

    def test_references_count_up_within_the_year(self, home, commitments):
        with time_machine.travel(SPRING, tick=False):
            first = HiringPledgeFactory()
            second = HiringPledgeFactory()
        assert (first.reference, second.reference) == ("HP-2026-00001", "HP-2026-00002")

    def test_a_private_pledge_has_no_public_links(self, owner_client, owner, commitments):
        response = owner_client.post(SIGN_URL, signing(commitments["question"], is_public=None))
        assert response.status_code == 302
        pledge = HiringPledge.objects.get()
        assert not pledge.is_public
        soup = soup_of(owner_client.get(PLEDGE_URL))
        assert soup.select_one(f"a[href='/pledges/{pledge.reference}/']") is None
        assert "private" in soup.select_one(".area-content").get_text()

    def test_a_number_for_an_unticked_commitment_is_ignored(self, owner_client, commitments):
        response = owner_client.post(
            SIGN_URL,
            signing(
                commitments["question"],
                **{f"number_{commitments['hire'].pk}": "abc", f"number_{commitments['placements'].pk}": "4"},
            ),
        )
        assert response.status_code == 302
        assert [c.commitment_id for c in HiringPledge.objects.get().commitments.all()] == [
            commitments["question"].pk
        ]

    def test_a_failing_mail_server_does_not_undo_the_pledge(self, owner_client, commitments, monkeypatch):
        def refuse(*args, **kwargs):
            raise ConnectionRefusedError("no mail server")

        monkeypatch.setattr("employers.views.pledge.send_event_email", refuse)
        response = owner_client.post(SIGN_URL, signing(commitments["question"]))
        assert response.status_code == 302
        assert HiringPledge.objects.get().is_active


class TestSigningValidation:
    def assert_nothing_saved(self, mailoutbox):
        assert not HiringPledge.objects.exists()
        assert mailoutbox == []

    def test_at_least_one_commitment(self, owner_client, mailoutbox):
        response = owner_client.post(SIGN_URL, signing())
        assert response.status_code == 400
        soup = soup_of(response)
        assert soup.select_one("#commitments-error").get_text() == "Choose at least one commitment."
        assert soup.select_one("fieldset.commitments")["aria-describedby"] == "commitments-error"
        assert "Choose at least one commitment." in soup.select_one(".error-summary").get_text()
        assert soup.select_one("#id_signatory_title")["value"] == "Managing Director"  # typed input kept
        self.assert_nothing_saved(mailoutbox)

    @pytest.mark.parametrize(
        ("typed", "message"),
        [
            (None, "Give the number for this commitment."),
            ("", "Give the number for this commitment."),
            ("0", "Enter a number of at least 1."),
            ("-3", "Enter a number of at least 1."),
            ("lots", "Enter a whole number, for example 5."),
            ("2.5", "Enter a whole number, for example 5."),
        ],
    )
    def test_a_commitment_that_needs_a_number_gets_a_positive_one(
        self, owner_client, commitments, mailoutbox, typed, message
    ):
        hire = commitments["hire"]
        response = owner_client.post(
            SIGN_URL, signing(commitments["question"], hire, **{f"number_{hire.pk}": typed})
        )
        assert response.status_code == 400
        soup = soup_of(response)
        number = soup.select_one(f"#id_number_{hire.pk}")
        assert soup.select_one(f"#id_number_{hire.pk}-error").get_text() == message
        assert number["aria-invalid"] == "true"
        assert f"id_number_{hire.pk}-error" in number["aria-describedby"]
        # the error sits with the commitment it belongs to, and what was typed is kept
        row = soup.select_one(f".commitment[data-commitment='{hire.pk}']")
        assert row.select_one(f"#id_number_{hire.pk}-error")
        assert row.select_one(f"#id_commitment_{hire.pk}").has_attr("checked")
        assert soup.select_one(f"#id_commitment_{commitments['question'].pk}").has_attr("checked")
        if typed:
            assert number["value"] == typed
        self.assert_nothing_saved(mailoutbox)

    def test_authority_to_sign_must_be_confirmed(self, owner_client, commitments, mailoutbox):
        response = owner_client.post(
            SIGN_URL, signing(commitments["question"], authority_confirmed=None, signatory_name="P. Shah")
        )
        assert response.status_code == 400
        soup = soup_of(response)
        assert (
            soup.select_one("#id_authority_confirmed-error").get_text()
            == "Confirm that you have authority to sign for the organisation."
        )
        assert soup.select_one("#id_signatory_name")["value"] == "P. Shah"
        self.assert_nothing_saved(mailoutbox)

    def test_signatory_name_and_title_are_required(self, owner_client, commitments, mailoutbox):
        response = owner_client.post(
            SIGN_URL, signing(commitments["question"], signatory_name="", signatory_title="")
        )
        assert response.status_code == 400
        soup = soup_of(response)
        assert soup.select_one("#id_signatory_name-error")
        assert soup.select_one("#id_signatory_title-error")
        self.assert_nothing_saved(mailoutbox)

    def test_a_retired_commitment_cannot_be_signed(self, owner_client, commitments, mailoutbox):
        retired = PledgeCommitment.objects.create(title="An old promise", retired=True, sort_order=99)
        response = owner_client.post(SIGN_URL, signing(retired))
        assert response.status_code == 400
        self.assert_nothing_saved(mailoutbox)


class TestWhoCanSign:
    @pytest.mark.parametrize("url", [SIGN_URL, WITHDRAW_URL, PROGRESS_URL])
    def test_a_recruiter_is_refused(self, client, home, commitments, url):
        employer = EmployerFactory()
        OwnerFactory(employer=employer)
        HiringPledgeFactory(employer=employer)
        recruiter = RecruiterFactory(employer=employer).user
        client.force_login(recruiter)
        assert client.get(url).status_code == 403
        assert client.post(url, signing(commitments["question"], reason="Because")).status_code == 403
        assert HiringPledge.objects.count() == 1
        assert HiringPledge.objects.get().is_active
        assert not ProgressReport.objects.exists()
        # the pledge itself is for every member to see
        page = client.get(PLEDGE_URL)
        assert page.status_code == 200
        soup = soup_of(page)
        assert soup.select_one("a[href='/employer/pledge/withdraw/']") is None
        assert soup.select_one("a[href='/employer/pledge/progress/']") is None

    def test_anonymous_visitors_are_sent_to_log_in(self, client, home):
        for url in (PLEDGE_URL, SIGN_URL, WITHDRAW_URL, PROGRESS_URL):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/")

    @pytest.mark.parametrize("factory", [PendingEmployerFactory, SuspendedEmployerFactory])
    def test_an_organisation_that_is_not_verified_cannot_sign(self, client, home, commitments, factory):
        user, _employer = owner_of(factory())
        client.force_login(user)
        page = client.get(PLEDGE_URL)
        assert "Only verified organisations can sign" in page.content.decode()
        assert soup_of(page).select_one("a[href='/employer/pledge/sign/']") is None
        response = client.get(SIGN_URL, follow=True)
        assert response.redirect_chain == [(PLEDGE_URL, 302)]
        assert "Only verified organisations can sign" in " ".join(messages_on(response))
        response = client.post(SIGN_URL, signing(commitments["question"]))
        assert response.status_code == 302
        assert not HiringPledge.objects.exists()

    def test_no_second_pledge_while_one_is_active(self, owner_client, owner, commitments, mailoutbox):
        assert owner_client.post(SIGN_URL, signing(commitments["question"])).status_code == 302
        reference = HiringPledge.objects.get().reference
        response = owner_client.get(SIGN_URL, follow=True)
        assert response.redirect_chain == [(PLEDGE_URL, 302)]
        assert f"already has an active pledge, {reference}" in " ".join(messages_on(response))
        response = owner_client.post(SIGN_URL, signing(commitments["mentor"]), follow=True)
        assert response.status_code == 200
        assert "already has an active pledge" in " ".join(messages_on(response))
        assert HiringPledge.objects.count() == 1
        assert len(mailoutbox) == 1

    def test_a_member_sees_only_their_own_organisations_pledge(self, client, home, commitments):
        other = HiringPledgeFactory(employer=EmployerFactory(name="Elsewhere Ltd"))
        user, _employer = owner_of()
        client.force_login(user)
        page = client.get(PLEDGE_URL).content.decode()
        assert other.reference not in page
        assert "No active pledge" in page
        assert client.post(WITHDRAW_URL, {"reason": "Not ours"}).status_code == 302
        other.refresh_from_db()
        assert other.is_active


class TestPledgePage:
    def test_without_a_pledge_an_owner_is_invited_to_sign(self, owner_client):
        soup = soup_of(owner_client.get(PLEDGE_URL))
        assert "No active pledge" in soup.get_text()
        assert soup.select_one("a[href='/employer/pledge/sign/']")

    def test_without_a_pledge_a_recruiter_is_told_an_owner_can_sign(self, client, home):
        employer = EmployerFactory()
        client.force_login(RecruiterFactory(employer=employer).user)
        soup = soup_of(client.get(PLEDGE_URL))
        assert "An owner of your organisation can sign a pledge." in soup.get_text()
        assert soup.select_one("a[href='/employer/pledge/sign/']") is None


class TestRenewal:
    def test_an_owner_can_renew_in_the_last_30_days(self, owner_client, owner, commitments, mailoutbox):
        employer = employer_of(owner)
        with time_machine.travel(SPRING, tick=False):
            old = HiringPledgeFactory(employer=employer)
        with time_machine.travel(SPRING + relativedelta(months=12) - datetime.timedelta(days=31)):
            owner_client.force_login(owner)  # sessions last two weeks; log in again in the future
            response = owner_client.get(SIGN_URL, follow=True)
            assert response.redirect_chain == [(PLEDGE_URL, 302)]
            assert "You can renew it from" in " ".join(messages_on(response))
            assert soup_of(response).select_one("[data-flag='renewal-due']") is None
        with time_machine.travel(SPRING + relativedelta(months=12) - datetime.timedelta(days=20), tick=False):
            owner_client.force_login(owner)
            page = soup_of(owner_client.get(PLEDGE_URL))
            assert page.select_one("[data-flag='renewal-due'] a[href='/employer/pledge/sign/']")
            form = owner_client.get(SIGN_URL)
            assert form.status_code == 200
            assert f"This renews pledge {old.reference}" in form.content.decode()
            response = owner_client.post(SIGN_URL, signing(commitments["mentor"]))
            assert response.status_code == 302
            new = HiringPledge.objects.exclude(pk=old.pk).get()
            assert new.reference == "HP-2027-00001"
            assert new.expires_at == timezone.now() + relativedelta(months=12)
            soup = soup_of(owner_client.get(PLEDGE_URL))
            assert soup.select_one("#current-pledge-heading").get_text() == f"Pledge {new.reference}"
            assert soup.select_one(f".pledge-history [data-pledge='{old.reference}']")
            # the new pledge is not up for renewal, so signing again is refused
            response = owner_client.get(SIGN_URL, follow=True)
            assert "already has an active pledge" in " ".join(messages_on(response))
        with time_machine.travel(SPRING + relativedelta(months=12, days=1)):
            owner_client.force_login(owner)
            old.refresh_from_db()
            assert old.state == HiringPledge.State.EXPIRED
            soup = soup_of(owner_client.get(PLEDGE_URL))
            assert (
                soup.select_one(f".pledge-history [data-pledge='{old.reference}']")["data-state"] == "expired"
            )
            assert soup.select_one("#current-pledge-heading").get_text() == f"Pledge {new.reference}"

    def test_after_expiry_a_new_pledge_can_be_signed(self, owner_client, owner, commitments):
        with time_machine.travel(SPRING, tick=False):
            old = HiringPledgeFactory(employer=employer_of(owner))
        with time_machine.travel(SPRING + relativedelta(months=13)):
            owner_client.force_login(owner)
            soup = soup_of(owner_client.get(PLEDGE_URL))
            assert "No active pledge" in soup.get_text()
            assert (
                soup.select_one(f".pledge-history [data-pledge='{old.reference}']")["data-state"] == "expired"
            )
            response = owner_client.post(SIGN_URL, signing(commitments["question"]))
            assert response.status_code == 302
            assert response["Location"] == PLEDGE_URL
        assert HiringPledge.objects.count() == 2


class TestWithdrawal:
    def test_get_asks_for_confirmation_and_changes_nothing(self, owner_client, owner, commitments):
        pledge = HiringPledgeFactory(employer=employer_of(owner))
        response = owner_client.get(WITHDRAW_URL)
        assert response.status_code == 200
        assert pledge.reference in response.content.decode()
        assert soup_of(response).select_one("textarea#id_reason")
        pledge.refresh_from_db()
        assert pledge.is_active

    def test_a_reason_is_required(self, owner_client, owner, commitments, mailoutbox):
        pledge = HiringPledgeFactory(employer=employer_of(owner))
        for data in ({}, {"reason": ""}, {"reason": "   "}):
            response = owner_client.post(WITHDRAW_URL, data)
            assert response.status_code == 400
            assert (
                soup_of(response).select_one("#id_reason-error").get_text()
                == "Give a reason for withdrawing the pledge."
            )
        pledge.refresh_from_db()
        assert pledge.is_active
        assert mailoutbox == []

    def test_withdrawing_keeps_the_history_and_emails_the_owners(
        self, owner_client, owner, commitments, mailoutbox
    ):
        pledge = HiringPledgeFactory(employer=employer_of(owner))
        response = owner_client.post(WITHDRAW_URL, {"reason": "We are closing our kitchen."}, follow=True)
        assert response.redirect_chain == [(PLEDGE_URL, 302)]
        assert f"{pledge.reference} is withdrawn" in " ".join(messages_on(response))

        pledge.refresh_from_db()
        assert pledge.state == HiringPledge.State.WITHDRAWN
        assert pledge.withdrawn_by == owner
        assert pledge.withdrawal_reason == "We are closing our kitchen."
        assert HiringPledge.objects.count() == 1
        assert pledge.commitments.count() == 3

        soup = soup_of(response)
        assert "No active pledge" in soup.get_text()
        earlier = soup.select_one(f".pledge-history [data-pledge='{pledge.reference}']")
        assert earlier["data-state"] == "withdrawn"
        assert "We are closing our kitchen." in earlier.get_text()

        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == [owner.email]
        assert pledge.reference in mailoutbox[0].subject
        assert "We are closing our kitchen." in mailoutbox[0].body

        # nothing left to withdraw; signing again is allowed
        again = owner_client.post(WITHDRAW_URL, {"reason": "Again"}, follow=True)
        assert "no active pledge to withdraw" in " ".join(messages_on(again))
        assert owner_client.post(SIGN_URL, signing(commitments["question"])).status_code == 302
        assert HiringPledge.objects.count() == 2


class TestProgress:
    def test_progress_needs_an_active_pledge(self, owner_client):
        response = owner_client.get(PROGRESS_URL, follow=True)
        assert response.redirect_chain == [(PLEDGE_URL, 302)]
        assert "only on an active pledge" in " ".join(messages_on(response))

    def test_a_report_is_saved_and_shown(self, owner_client, owner, commitments):
        pledge = HiringPledgeFactory(
            employer=employer_of(owner), commitments={commitments["question"]: None, commitments["hire"]: 10}
        )
        question, hire = pledge.commitments.order_by("commitment__sort_order")
        form = soup_of(owner_client.get(PROGRESS_URL))
        assert len(form.select(f"input[name='state_{question.pk}'][type='radio']")) == 3
        assert form.select_one(f"#id_number_{hire.pk}")
        assert form.select_one(f"#id_number_{question.pk}") is None

        empty = owner_client.post(PROGRESS_URL, {})
        assert empty.status_code == 400
        assert soup_of(empty).select_one(f"#id_state_{question.pk}-error")
        missing = owner_client.post(PROGRESS_URL, {f"state_{question.pk}": "done"})
        assert missing.status_code == 400
        assert (
            soup_of(missing).select_one(f"#id_state_{hire.pk}-error").get_text()
            == "Choose how far you are with this commitment."
        )
        assert not ProgressReport.objects.exists()

        negative = owner_client.post(
            PROGRESS_URL,
            {f"state_{question.pk}": "done", f"state_{hire.pk}": "in-progress", f"number_{hire.pk}": "-1"},
        )
        assert negative.status_code == 400
        assert soup_of(negative).select_one(f"#id_number_{hire.pk}-error")

        response = owner_client.post(
            PROGRESS_URL,
            {f"state_{question.pk}": "done", f"state_{hire.pk}": "in-progress", f"number_{hire.pk}": "4"},
            follow=True,
        )
        assert response.redirect_chain == [(PLEDGE_URL, 302)]
        assert "progress on pledge" in " ".join(messages_on(response))
        report = ProgressReport.objects.get()
        assert report.pledge == pledge and report.submitted_by == owner
        assert {(i.commitment_id, i.state, i.number) for i in report.items.all()} == {
            (question.pk, ProgressItem.State.DONE, None),
            (hire.pk, ProgressItem.State.IN_PROGRESS, 4),
        }
        soup = soup_of(response)
        assert soup.select_one(f"[data-commitment='{question.commitment_id}'] [data-progress]")[
            "data-progress"
        ] == ("done")
        hire_cell = soup.select_one(f"[data-commitment='{hire.commitment_id}'] [data-progress]")
        assert hire_cell["data-progress"] == "in-progress"
        assert "In progress: 4 programme graduates a year" in hire_cell.get_text(" ", strip=True)

        # the next report starts from the last answers, and the newest one is shown
        again = soup_of(owner_client.get(PROGRESS_URL))
        assert again.select_one(f"#id_number_{hire.pk}")["value"] == "4"
        assert again.select_one(f"input[name='state_{hire.pk}'][value='in-progress']").has_attr("checked")
        owner_client.post(
            PROGRESS_URL,
            {f"state_{question.pk}": "done", f"state_{hire.pk}": "done", f"number_{hire.pk}": "10"},
        )
        hire_cell = soup_of(owner_client.get(PLEDGE_URL)).select_one(
            f"[data-commitment='{hire.commitment_id}'] [data-progress]"
        )
        assert hire_cell["data-progress"] == "done"
        assert ProgressReport.objects.count() == 2

    def test_an_overdue_report_is_flagged_on_the_pledge_page(self, owner_client, owner, commitments):
        with time_machine.travel(SPRING, tick=False):
            pledge = HiringPledgeFactory(employer=employer_of(owner))
        HiringPledge.objects.filter(pk=pledge.pk).update(
            progress_requested_at=SPRING + relativedelta(months=6)
        )
        with time_machine.travel(SPRING + relativedelta(months=6, days=31)):
            owner_client.force_login(owner)
            soup = soup_of(owner_client.get(PLEDGE_URL))
            assert soup.select_one("[data-flag='progress-overdue'] a[href='/employer/pledge/progress/']")
