"""PostgreSQL: indexes for job search and matching at national scale (100,000 listings).

A listing row is wide (description and its full-text document, 1.6 KB on average), so counting
facets or scoring preferences by scanning the table read 158 MB per query at 100,000 listings.
This partial index holds only published listings and only the columns those queries read, so
they become index-only scans of a few MB; its key also serves "newest first" pages directly.
A search by region and sector (the board's usual filters) finds its page of listings through a
second partial index instead of reading the table, and a search by words matches employers'
names through an index of their full-text form (the expression search/engines/database.py uses)
instead of computing it for each of 5,000 employers. Other databases keep the model's indexes.
"""

from django.db import migrations

COLUMNS = (
    "employer_id, closing_date, sector, region, employment_type, remote, start_date, night_shifts, "
    "requires_driving, handles_cash, works_with_vulnerable_people, requires_security_clearance"
)
CREATE = f"""
CREATE INDEX IF NOT EXISTS employers_joblisting_open_cover
    ON employers_joblisting (published_at DESC NULLS LAST, id DESC)
    INCLUDE ({COLUMNS})
    WHERE status = 'published';
"""
CREATE_MORE = """
CREATE INDEX IF NOT EXISTS employers_joblisting_open_place
    ON employers_joblisting (region, sector) WHERE status = 'published';
CREATE INDEX IF NOT EXISTS employers_employer_name_document
    ON employers_employer USING GIN (to_tsvector('english'::regconfig, COALESCE(name, '')::text));
"""
DROP = """
DROP INDEX IF EXISTS employers_joblisting_open_cover;
DROP INDEX IF EXISTS employers_joblisting_open_place;
DROP INDEX IF EXISTS employers_employer_name_document;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)
        schema_editor.execute(CREATE_MORE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("employers", "0013_saved_incentive_results")]
    operations = [migrations.RunPython(forwards, backwards)]
