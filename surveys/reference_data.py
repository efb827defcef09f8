"""What campaign staff may do with surveys, handed to the portal's staff groups from the
AppConfig's ready(): editors and moderators build surveys and open waves; nobody edits or sees a
single response (there is no admin for them), only the aggregated results."""

from portal import staff_groups
from portal.staff_groups import EDITORS, MODERATORS

STAFF_PERMISSIONS = {
    EDITORS: [("survey", ["add", "change", "view"]), ("surveywave", ["add", "change", "view"])],
    MODERATORS: [
        ("survey", ["add", "change", "view", "delete"]),
        ("surveywave", ["add", "change", "view", "delete"]),
    ],
}


def register():
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "surveys", model, actions)
