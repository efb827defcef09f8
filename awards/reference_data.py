"""What campaign staff may do with this app's models, handed to the portal's staff groups from the
AppConfig's ready(): moderators run the award rounds (write them, nominate, move them on, choose
winners). Scoring is not a permission: it belongs to the staff named on a round's panel."""

from portal import staff_groups
from portal.staff_groups import MODERATORS

STAFF_PERMISSIONS = {
    MODERATORS: [("awardround", ["view", "add", "change"]), ("nomination", ["view", "add"])],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "awards", model, actions)
