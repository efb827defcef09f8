"""What campaign staff may do with this app's models, handed to the portal's staff groups from
the AppConfig's ready()."""

from portal import staff_groups
from portal.staff_groups import MODERATORS

# Moderators verify or suspend programme providers.
STAFF_PERMISSIONS = {
    MODERATORS: [("programmeprovider", ["view", "change"])],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "partners", model, actions)
