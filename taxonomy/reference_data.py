"""This app's reference data (taxonomy/data/) and its staff permissions, handed to the portal's
loader and staff groups from the AppConfig's ready(); see portal/reference_data.py for the rule on
staff edits (the loader adds what is missing and changes nothing that exists)."""

from pathlib import Path

from portal import reference_data, staff_groups
from portal.reference_data import Table, synonyms
from portal.staff_groups import MODERATORS

DATA = Path(__file__).resolve().parent / "data"

TABLES = [
    Table(
        "taxonomy.Occupation",
        DATA / "isco_occupations.csv",
        key="code",
    ),
    Table(
        "taxonomy.Skill",
        DATA / "skills.csv",
        key="name",
        convert=lambda row, position: {**row, "synonyms": synonyms(row["synonyms"])},
    ),
    Table(
        "taxonomy.Certification",
        DATA / "certifications.csv",
        key="name",
        convert=lambda row, position: {**row, "synonyms": synonyms(row["synonyms"])},
    ),
    # Matched whatever the case: the wording check ignores case, so "No felonies" written by staff
    # is the file's "no felonies", and a second copy would only show twice.
    Table(
        "taxonomy.DeterringPhrase",
        DATA / "deterring_phrases.json",
        key="phrase",
        case_insensitive=True,
    ),
]

# Moderators keep the lists jobs are described in.
STAFF_PERMISSIONS = {
    MODERATORS: [
        ("skill", ["add", "change", "view", "delete"]),
        ("certification", ["add", "change", "view", "delete"]),
        ("deterringphrase", ["add", "change", "view", "delete"]),
    ],
}


def register():
    reference_data.register(*TABLES)
    for group, models in STAFF_PERMISSIONS.items():
        for model, actions in models:
            staff_groups.grant(group, "taxonomy", model, actions)
