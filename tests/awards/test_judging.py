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


def round_form(title, kinds, criteria, panel):
    data = {
        "title": title,
        "slug": "",
        "year": "2028",
        "introduction": "Employers who hire fairly.",
        "nominations_close_on": "2028-03-31",
        "panel": [user.pk for user in panel],
    }
    for prefix, rows in (("categories", [{"kind": kind} for kind in kinds]), ("criteria", criteria)):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "1",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for number, row in enumerate(rows):
            data.update({f"{prefix}-{number}-{field}": value for field, value in row.items()})
            data[f"{prefix}-{number}-ORDER"] = str(number + 1)
    return data


def test_a_manager_writes_a_round_with_its_categories_criteria_and_panel_in_the_admin(client, home):
    manager, judge = staff("Campaign moderators"), staff("Campaign editors")
    client.force_login(manager)
    criteria = [{"title": "People hired and kept", "description": "Hires and retention"}]

    twice = round_form("Fair Chance Employer 2028", ["small", "small"], criteria, [judge])
    response = client.post("/admin/awards/rounds/new/", twice)
    assert response.status_code == 200  # the form again, with what was typed
    page = response.content.decode()
    assert "Fair Chance Employer 2028" in page and "People hired and kept" in page
    assert "Please correct the duplicate" in page
    assert not AwardRound.objects.exists()

    response = client.post(
        "/admin/awards/rounds/new/",
        round_form("Fair Chance Employer 2028", ["small", "retention"], criteria, [judge]),
    )
    assert response.status_code == 302
    award_round = AwardRound.objects.get()
    assert award_round.status == AwardRound.Status.OPEN and award_round.slug
    assert sorted(award_round.categories.values_list("kind", flat=True)) == ["retention", "small"]
    assert list(award_round.criteria.values_list("title", flat=True)) == ["People hired and kept"]
    assert list(award_round.panel.all()) == [judge]
    public = client.get(award_round.get_absolute_url()).content.decode()
    assert "People hired and kept" in public
