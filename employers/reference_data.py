"""This app's reference data (employers/data/) and its staff permissions, handed to the portal's
loader and staff groups from the AppConfig's ready(); see portal/reference_data.py for the rule on
staff edits (the loader adds what is missing and changes nothing that exists)."""

from pathlib import Path

from portal import reference_data, staff_groups
from portal.reference_data import Table
from portal.staff_groups import EDITORS, MODERATORS

DATA = Path(__file__).resolve().parent / "data"

TABLES = [
    # The file's order is the order employers see them in when signing.
    Table(
        "employers.PledgeCommitment",
        DATA / "pledge_commitments.csv",
        key="title",
        convert=lambda row, position: {
            **row,
            "needs_number": row["needs_number"] == "yes",
            "sort_order": position,
        },
    ),
]

# Moderators verify or suspend employers and keep the pledge commitments; editors may look.
STAFF_PERMISSIONS = {
    EDITORS: [("employer", ["view"])],
    MODERATORS: [
        ("employer", ["view", "change"]),
        ("pledgecommitment", ["add", "change", "view"]),
        ("hiringpledge", ["view"]),
    ],
}


def register():
    reference_data.register(*TABLES)
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "employers", model, actions)
