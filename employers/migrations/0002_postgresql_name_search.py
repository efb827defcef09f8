"""PostgreSQL: a search by words matches employers' names through a GIN index of their full-text
form (the expression search/engines/database.py uses, in the site language's configuration)
instead of computing it for each of 5,000 employers. Django's GinIndex over a SearchVector would
be PostgreSQL-only SQL in every database's migration, so it is declared here for PostgreSQL alone.
"""

from django.conf import settings
from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS employers_employer_name_document
    ON employers_employer USING GIN (to_tsvector(%(config)s::regconfig, COALESCE(name, '')::text));
"""
DROP = "DROP INDEX IF EXISTS employers_employer_name_document;"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE % {"config": schema_editor.quote_value(settings.SEARCH_TEXT_CONFIG)})


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("employers", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
