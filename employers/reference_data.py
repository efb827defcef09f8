"""This app's reference data (employers/data/) and its staff permissions, handed to the portal's
loader and staff groups from EmployersConfig.ready(); see portal/reference_data.py for the rule on
staff edits (the loader adds what is missing and changes nothing that exists)."""

from pathlib import Path

from portal import reference_data, staff_groups
from portal.reference_data import Table, synonyms
from portal.staff_groups import EDITORS, MODERATORS

DATA = Path(__file__).resolve().parent / "data"

TABLES = [
    Table(
        "employers.Occupation",
        DATA / "isco_occupations.csv",
        key="code",
    ),
    Table(
        "employers.Skill",
        DATA / "skills.csv",
        key="name",
        convert=lambda row, position: {**row, "synonyms": synonyms(row["synonyms"])},
    ),
    Table(
        "employers.Certification",
        DATA / "certifications.csv",
        key="name",
        convert=lambda row, position: {**row, "synonyms": synonyms(row["synonyms"])},
    ),
    # Matched whatever the case: the wording check ignores case, so "No felonies" written by staff
    # is the file's "no felonies", and a second copy would only show twice.
    Table(
        "employers.DeterringPhrase",
        DATA / "deterring_phrases.json",
        key="phrase",
        case_insensitive=True,
    ),
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

# Moderators verify or suspend employers and programme providers, keep the pledge commitments and
# the lists jobs are described in, and moderate jobs and reports; editors may look, not change.
STAFF_PERMISSIONS = {
    EDITORS: [
        ("employer", ["view"]),
        ("joblisting", ["view"]),
    ],
    MODERATORS: [
        ("employer", ["view", "change"]),
        ("pledgecommitment", ["add", "change", "view"]),
        ("hiringpledge", ["view"]),
        ("joblisting", ["view", "change"]),
        ("jobreport", ["view", "change"]),
        ("skill", ["add", "change", "view", "delete"]),
        ("certification", ["add", "change", "view", "delete"]),
        ("deterringphrase", ["add", "change", "view", "delete"]),
        ("programmeprovider", ["view", "change"]),
        ("introduction", ["view"]),
        ("hire", ["view"]),
    ],
}


def register():
    reference_data.register(*TABLES)
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "employers", model, actions)
