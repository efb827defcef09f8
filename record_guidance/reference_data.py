"""What campaign staff may do with this app's models, handed to the portal's staff groups from the
AppConfig's ready(): moderators keep the guidance, the example rules and the jurisdictions (as they
keep the lists jobs are described in); editors read them, and translate the guidance through the
Translate action like other snippets."""

from portal import staff_groups
from portal.staff_groups import EDITORS, MODERATORS

EVERYTHING = ["add", "change", "view", "delete"]
STAFF_PERMISSIONS = {
    MODERATORS: [("recordguidance", EVERYTHING), ("spentrule", EVERYTHING), ("jurisdiction", EVERYTHING)],
    EDITORS: [("recordguidance", ["view"]), ("spentrule", ["view"]), ("jurisdiction", ["view"])],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "record_guidance", model, actions)
