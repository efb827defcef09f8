"""What campaign staff may do with this app's models, handed to the portal's staff groups from
the AppConfig's ready(): editors and moderators see attendee lists; moderators also export them
and mark attendance."""

from portal import staff_groups
from portal.staff_groups import EDITORS, MODERATORS

STAFF_PERMISSIONS = {
    EDITORS: [("attendee", ["view"])],
    MODERATORS: [("attendee", ["view", "change", "export"])],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "events", model, actions)
