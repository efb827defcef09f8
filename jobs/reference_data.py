"""What campaign staff may do with this app's models, handed to the portal's staff groups from
the AppConfig's ready()."""

from portal import staff_groups
from portal.staff_groups import EDITORS, MODERATORS

# Moderators moderate jobs and reports from the public; editors may look, not change.
STAFF_PERMISSIONS = {
    EDITORS: [("joblisting", ["view"])],
    MODERATORS: [("joblisting", ["view", "change"]), ("jobreport", ["view", "change"])],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "jobs", model, actions)
