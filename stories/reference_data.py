"""What campaign staff may do with themes and story consents, handed to the portal's staff groups."""

from portal import staff_groups
from portal.staff_groups import EDITORS, MODERATORS


def register():
    staff_groups.grant(EDITORS, "stories", "theme", ["add", "change", "view"])
    staff_groups.grant(EDITORS, "stories", "storyconsent", ["view"])
    staff_groups.grant(MODERATORS, "stories", "theme", ["add", "change", "delete", "view"])
    staff_groups.grant(MODERATORS, "stories", "storyconsent", ["add", "change", "view"])
