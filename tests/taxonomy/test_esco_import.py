"""manage.py import_esco_skills: the official ESCO skills CSV in, skills created or updated by URI."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from taxonomy.models import Skill

SAMPLE = Path(__file__).parent / "data" / "esco_skills_sample.csv"
FORKLIFT = "http://data.europa.eu/esco/skill/7a4ba4c0-7d1d-4a4a-9e2b-8c5f0d4b1a01"
WELDING = "http://data.europa.eu/esco/skill/1b2f5e34-3c7a-4b0e-b1f6-2d4b9a6f8c02"

pytestmark = pytest.mark.django_db


def run(path, verbosity=1):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_esco_skills", str(path), stdout=out, stderr=err, verbosity=verbosity)
    return out.getvalue(), err.getvalue()


def sample_rows():
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def write_csv(path, fieldnames, rows, encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_sample_is_in_the_official_shape():
    fieldnames, rows = sample_rows()
    assert fieldnames == [
        "conceptType",
        "conceptUri",
        "skillType",
        "reuseLevel",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "modifiedDate",
        "scopeNote",
        "definition",
        "inScheme",
        "description",
    ]
    assert len(rows) == 7
    assert all("\n" in row["altLabels"] for row in rows)  # newline-separated, in a quoted field


def test_import_creates_skills_with_synonyms_and_description():
    seeded_welding = Skill.objects.get(name="Welding")  # from the seed migration, no URI yet
    before = Skill.objects.count()
    out, err = run(SAMPLE)
    # "welding" is the seeded "Welding": it gets the URI instead of failing on the unique name.
    assert "6 created, 1 updated, 0 unchanged, 0 skipped" in out
    assert Skill.objects.count() == before + 6

    forklift = Skill.objects.get(esco_uri=FORKLIFT)
    assert forklift.name == "operate forklift"
    assert forklift.synonym_list() == ["forklift truck operation", "use forklift", "drive forklift"]
    assert forklift.description.startswith("Operate a forklift, a vehicle with a forked device")

    welding = Skill.objects.get(esco_uri=WELDING)
    assert welding.pk == seeded_welding.pk
    assert welding.name == "Welding"  # the capitals staff chose stay
    assert welding.area == "manufacturing"  # nor does the import touch the area
    assert welding.synonym_list() == ["weld metal", "use welding equipment", "MIG welding"]
    assert "Join metal workpieces" in welding.description

    # The progress bar went to stderr and reached the end.
    assert "100% 7/7" in err and "[" + "#" * 30 + "]" in err


def test_a_second_run_changes_nothing():
    run(SAMPLE)
    snapshot = list(Skill.objects.order_by("pk").values())
    out, _err = run(SAMPLE)
    assert "0 created, 0 updated, 7 unchanged, 0 skipped" in out
    assert list(Skill.objects.order_by("pk").values()) == snapshot


def test_changed_alt_labels_update_the_skill(tmp_path):
    run(SAMPLE)
    fieldnames, rows = sample_rows()
    for row in rows:
        if row["conceptUri"] == FORKLIFT:
            row["altLabels"] = "use forklift\nforklift driving\noperate forklift"  # the label itself drops
    changed = write_csv(tmp_path / "skills_en.csv", fieldnames, rows)
    out, _err = run(changed)
    assert "0 created, 1 updated, 6 unchanged, 0 skipped" in out
    assert Skill.objects.get(esco_uri=FORKLIFT).synonyms == "use forklift\nforklift driving"


def test_a_new_preferred_label_renames_the_skill(tmp_path):
    run(SAMPLE)
    fieldnames, rows = sample_rows()
    rows[0]["preferredLabel"] = "drive a forklift truck"
    out, _err = run(write_csv(tmp_path / "skills.csv", fieldnames, rows))
    assert "1 updated" in out
    assert Skill.objects.get(esco_uri=FORKLIFT).name == "drive a forklift truck"


def test_a_name_taken_by_a_skill_with_another_uri_is_skipped(tmp_path):
    Skill.objects.create(name="operate forklift", esco_uri="http://data.europa.eu/esco/skill/other")
    out, err = run(SAMPLE)
    assert "5 created, 1 updated, 0 unchanged, 1 skipped" in out
    assert "already exists with another ESCO URI" in err
    assert not Skill.objects.filter(esco_uri=FORKLIFT).exists()


def test_byte_order_mark_and_other_concept_types(tmp_path):
    fieldnames, rows = sample_rows()
    rows[1]["conceptType"] = "Occupation"  # not a skill: an ESCO file of another kind
    path = write_csv(tmp_path / "bom.csv", fieldnames, rows, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    out, _err = run(path)
    assert "6 created, 0 updated, 0 unchanged, 1 skipped" in out
    assert not Skill.objects.filter(esco_uri=WELDING).exists()


def test_verbosity_zero_is_quiet():
    out, err = run(SAMPLE, verbosity=0)
    assert out == "" and err == ""
    assert Skill.objects.filter(esco_uri=FORKLIFT).exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nothing-here.csv")


def test_missing_columns_are_a_clear_error(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("uri,label\nhttp://example.org/1,something\n", encoding="utf-8")
    with pytest.raises(
        CommandError, match="missing column.*conceptUri.*preferredLabel.*altLabels.*description"
    ):
        run(path)
    assert not Skill.objects.filter(name="something").exists()


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "conceptUri,preferredLabel,altLabels,description\nhttp://example.org/1,caf\u00e9,,\n".encode(
            "latin-1"
        )
    )
    with pytest.raises(CommandError, match="not UTF-8"):
        run(path)
