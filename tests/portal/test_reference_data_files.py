"""The data files of every app (taxonomy/data/, employers/data/, campaigns/data/) say exactly what
the data migration puts in a new database (the test database is built by it): skills with
synonyms, certifications, ISCO-08 occupations, deterring phrases with their suggestions, pledge
commitments in their order, campaign audiences."""

import pytest
from django.apps import apps

from portal import reference_data

pytestmark = pytest.mark.django_db


def in_database(table, fields):
    model = apps.get_model(table.model)
    return sorted(tuple(row[name] for name in fields) for row in model.objects.values(*fields))


def in_file(table, fields):
    return sorted(tuple(row[name] for name in fields) for row in table.rows())


@pytest.mark.parametrize("table", reference_data.TABLES, ids=lambda table: table.model)
def test_the_file_equals_what_the_migrations_produced(table):
    fields = list(table.rows()[0])
    assert in_file(table, fields) == in_database(table, fields)


def test_the_files_hold_every_list():
    sizes = {table.model: len(table.rows()) for table in reference_data.TABLES}
    assert sizes == {
        "taxonomy.Occupation": 76,
        "taxonomy.Skill": 150,
        "taxonomy.Certification": 24,
        "taxonomy.DeterringPhrase": 20,
        "employers.PledgeCommitment": 6,
        "campaigns.Audience": 5,
    }


def test_synonyms_come_one_per_line_as_staff_edit_them():
    skills = next(table for table in reference_data.TABLES if table.model == "taxonomy.Skill")
    plant = next(row for row in skills.rows() if row["name"] == "Plant operation")
    assert plant["synonyms"] == "Operating excavators\nDigger driving\nDumper driving"
