"""The demo's awards: last year's round with its winners (on their profiles and badges) and this
year's round open, with nominations by staff, a provider and the demo employer itself."""

from django.core.management import call_command

from awards.models import AwardRound, Nomination


def test_the_demo_has_a_past_round_with_winners_and_an_open_round(client, home):
    call_command("load_demo_content")
    past, current = AwardRound.objects.order_by("year")
    assert past.status == AwardRound.Status.WINNERS and current.is_open
    winner = Nomination.objects.public_winners().select_related("employer").first()
    assert winner is not None
    assert f"Award winner {past.year}" in client.get(winner.employer.get_absolute_url()).content.decode()
    kinds = set(current.categories.values_list("nominations__nominated_by", flat=True))
    assert {"staff", "provider", "employer"} <= kinds
    assert client.get("/awards/").status_code == 200
