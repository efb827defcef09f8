"""Who may do what with a round in the Wagtail admin, in one place.

- Award managers hold awards.change_awardround (campaign moderators): they nominate, move the
  round on and choose winners.
- Panellists are the staff named on a round's panel: they score while the round is judged, and
  see and edit only their own scores until judging closes; nobody on the panel sees another's
  scores or the totals before then (a manager who also sits on the panel neither).
- After judging closes, the totals and means are shown to the round's managers and panellists.
"""

MANAGE = "awards.change_awardround"


def can_manage(user):
    return user.is_active and user.has_perm(MANAGE)


def is_panellist(user, award_round):
    return user.is_active and award_round.panel.filter(pk=user.pk).exists()


def can_open(user, award_round):
    return can_manage(user) or is_panellist(user, award_round)


def can_score(user, award_round):
    return award_round.is_judging and is_panellist(user, award_round)


def sees_results(user, award_round):
    if award_round.is_judging or award_round.status == award_round.Status.OPEN:
        return can_manage(user) and not is_panellist(user, award_round)
    return can_open(user, award_round)
