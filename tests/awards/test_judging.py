"""The panel in the Wagtail admin: each panellist scores every criterion with a reason, sees and
edits only their own scores while judging, and the totals appear once judging closes; managers
move the round on and choose the winners."""

import pytest
from django.contrib.auth.models import Group

from awards.models import AwardRound, Category, Score
from tests.awards.factories import AwardRoundFactory, NominationFactory, category, score_all
from tests.employers.factories import VerifiedUserFactory
from tests.portal.factories import with_totp

pytestmark = pytest.mark.django_db


def staff(group):
    user = VerifiedUserFactory()
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


@pytest.fixture
def judging(home):
    panellist, other = staff("Campaign editors"), staff("Campaign editors")
    award_round = AwardRoundFactory(panel=[panellist, other])
    nomination = NominationFactory(category=category(award_round, Category.Kind.MOST_IMPROVED))
    award_round.start_judging()
    return award_round, nomination, panellist, other


def sheet(award_round, score, reason):
    data = {}
    for criterion in award_round.criteria.all():
        data[f"score_{criterion.pk}"], data[f"reason_{criterion.pk}"] = score, reason
    return data


def test_a_panellist_scores_with_a_reason_for_each_criterion(client, judging):
    award_round, nomination, panellist, other = judging
    score_all(nomination, other, 1, "OTHERREASON weak")
    client.force_login(panellist)
    page = client.get(f"/admin/awards/nominations/{nomination.pk}/score/").content.decode()
    assert nomination.statement in page and "OTHERREASON" not in page
    missing = sheet(award_round, 4, "")
    response = client.post(f"/admin/awards/nominations/{nomination.pk}/score/", missing)
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not Score.objects.filter(panellist=panellist).exists()
    response = client.post(
        f"/admin/awards/nominations/{nomination.pk}/score/", sheet(award_round, 5, "MYREASON")
    )
    assert response.status_code == 302
    assert Score.objects.filter(panellist=panellist, score=5).count() == 3
    assert Score.objects.filter(panellist=other, score=1).count() == 3  # untouched
    page = client.get(f"/admin/awards/nominations/{nomination.pk}/score/").content.decode()
    assert "MYREASON" in page and "OTHERREASON" not in page


def test_a_score_outside_one_to_five_is_refused(client, judging):
    award_round, nomination, panellist, _other = judging
    client.force_login(panellist)
    response = client.post(
        f"/admin/awards/nominations/{nomination.pk}/score/", sheet(award_round, 9, "Too high")
    )
    assert response.status_code == 400 and "Too high" in response.content.decode()
    assert not Score.objects.exists()


def test_totals_are_hidden_from_the_panel_until_judging_closes(client, judging):
    award_round, nomination, panellist, other = judging
    score_all(nomination, panellist, 4)
    score_all(nomination, other, 2)
    client.force_login(panellist)
    assert "data-total" not in client.get(f"/admin/awards/judging/{award_round.pk}/").content.decode()
    manager = staff("Campaign moderators")
    client.force_login(manager)
    page = client.get(f"/admin/awards/judging/{award_round.pk}/").content.decode()
    assert "data-total>18<" in page and "3.00" in page
    response = client.post(
        f"/admin/awards/judging/{award_round.pk}/", {"status": AwardRound.Status.SHORTLISTED}
    )
    assert response.status_code == 302
    client.force_login(panellist)
    assert "data-total>18<" in client.get(f"/admin/awards/judging/{award_round.pk}/").content.decode()
    response = client.post(
        f"/admin/awards/nominations/{nomination.pk}/score/", sheet(award_round, 5, "Later")
    )
    assert response.status_code == 400
    assert not Score.objects.filter(score=5).exists()


def test_a_manager_who_sits_on_the_panel_sees_no_totals_while_judging(client, judging):
    award_round, nomination, _panellist, other = judging
    manager = staff("Campaign moderators")
    award_round.panel.add(manager)
    award_round.save()
    score_all(nomination, other, 2)
    client.force_login(manager)
    assert "data-total" not in client.get(f"/admin/awards/judging/{award_round.pk}/").content.decode()


def test_managers_move_the_round_and_choose_the_winner(client, judging):
    award_round, nomination, panellist, _other = judging
    manager = staff("Campaign moderators")
    client.force_login(manager)
    response = client.post(
        f"/admin/awards/judging/{award_round.pk}/", {"status": AwardRound.Status.SHORTLISTED}
    )
    assert response.status_code == 400 and "No nomination has been scored yet" in response.content.decode()
    score_all(nomination, panellist, 4)
    client.post(f"/admin/awards/judging/{award_round.pk}/", {"status": AwardRound.Status.SHORTLISTED})
    response = client.post(f"/admin/awards/judging/{award_round.pk}/", {"status": AwardRound.Status.WINNERS})
    assert response.status_code == 400 and "Choose at least one winner" in response.content.decode()
    client.post(f"/admin/awards/nominations/{nomination.pk}/winner/")
    client.post(f"/admin/awards/judging/{award_round.pk}/", {"status": AwardRound.Status.WINNERS})
    award_round.refresh_from_db()
    nomination.refresh_from_db()
    assert award_round.status == AwardRound.Status.WINNERS and nomination.winner
    # Posting an old step again changes nothing.
    response = client.post(f"/admin/awards/judging/{award_round.pk}/", {"status": AwardRound.Status.JUDGING})
    assert response.status_code == 400


def test_staff_nominate_and_create_a_round_in_the_admin(client, home):
    manager = staff("Campaign moderators")
    client.force_login(manager)
    award_round = AwardRoundFactory()
    employer = NominationFactory().employer
    response = client.post(
        "/admin/awards/nominate/",
        {
            "employer": employer.pk,
            "category": category(award_round, Category.Kind.RETENTION).pk,
            "statement": "",
        },
    )
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    response = client.post(
        "/admin/awards/nominate/",
        {
            "employer": employer.pk,
            "category": category(award_round, Category.Kind.RETENTION).pk,
            "statement": "Yes.",
        },
    )
    assert response.status_code == 302
    assert employer.award_nominations.filter(nominated_by="staff", category__round=award_round).exists()
    assert client.get("/admin/awards/rounds/new/").status_code == 200
