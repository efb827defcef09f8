"""What campaign staff may do with this app's models, handed to the portal's staff groups from the
AppConfig's ready(). Volunteers' personal data is for moderators, not editors: they screen."""

from portal import staff_groups
from portal.staff_groups import MODERATORS

STAFF_PERMISSIONS = {
    MODERATORS: [("volunteer", ["view", "change"]), ("mentorrequest", ["view", "change"])],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "volunteers", model, actions)
