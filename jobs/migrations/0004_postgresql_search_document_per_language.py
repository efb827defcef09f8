"""PostgreSQL: each listing's full-text document in its own language's configuration.

Listings are written in English, French, Spanish or Arabic (JobListing.language, 0003): stemmed
with the site's one configuration (0002), "Cuisinier / cuisinière" was cut the English way and a
French visitor's "cuisiniers" never found it. The generated column now picks the configuration
from the row's language with a CASE over constant configurations: to_tsvector with a constant
regconfig is immutable, so a generated column may use it. PostgreSQL 15 cannot change a generated
column's expression (SET EXPRESSION came with 17): the column is dropped and added again, and
its GIN index with it. The index of published titles (the one-word ranking shortcut of
search/engines/database.py) follows the same expression, and the covering index of published
listings includes the language, which the board now counts and filters by.

The mapping (language code → configuration) is settings.SEARCH_LANGUAGES, read when this runs,
with settings.SEARCH_TEXT_CONFIG for any other language; search.engines.database builds the same
CASE for its queries, so the planner recognises the indexed expression. Other databases have no
such column and search by words.
"""

from django.conf import settings
from django.db import migrations

COVER_COLUMNS = (
    "employer_id, closing_date, sector, region, employment_type, remote, start_date, night_shifts, "
    "requires_driving, handles_cash, works_with_vulnerable_people, requires_security_clearance"
)

CREATE = """
DROP INDEX IF EXISTS jobs_joblisting_open_title_document;
DROP INDEX IF EXISTS jobs_joblisting_open_cover;
ALTER TABLE jobs_joblisting DROP COLUMN IF EXISTS search_document;
ALTER TABLE jobs_joblisting ADD COLUMN search_document tsvector
GENERATED ALWAYS AS (
    setweight(to_tsvector(%(config)s, coalesce(title, '')), 'A')
    || setweight(to_tsvector(%(config)s, coalesce(description, '')), 'B')
    || setweight(to_tsvector(%(config)s, coalesce(place, '')), 'C')
) STORED;
CREATE INDEX IF NOT EXISTS jobs_joblisting_search_document ON jobs_joblisting USING GIN (search_document);
CREATE INDEX IF NOT EXISTS jobs_joblisting_open_cover
    ON jobs_joblisting (published_at DESC NULLS LAST, id DESC)
    INCLUDE (%(cover)s)
    WHERE status = 'published';
CREATE INDEX IF NOT EXISTS jobs_joblisting_open_title_document
    ON jobs_joblisting USING GIN (to_tsvector(%(config)s, COALESCE(title, '')::text))
    WHERE status = 'published';
"""


def language_config_sql(quote):
    """CASE language WHEN 'fr' THEN 'french'::regconfig ... END (quote: the schema editor's)."""
    default = settings.SEARCH_TEXT_CONFIG
    branches = " ".join(
        f"WHEN {quote(code)} THEN {quote(settings.SEARCH_LANGUAGES.get(code[:2], default))}::regconfig"
        for code, _name in settings.LANGUAGES
    )
    return f"(CASE language {branches} ELSE {quote(default)}::regconfig END)"


def site_config_sql(quote):
    return f"{quote(settings.SEARCH_TEXT_CONFIG)}::regconfig"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        config = language_config_sql(schema_editor.quote_value)
        schema_editor.execute(CREATE % {"config": config, "cover": f"{COVER_COLUMNS}, language"})


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        config = site_config_sql(schema_editor.quote_value)
        schema_editor.execute(CREATE % {"config": config, "cover": COVER_COLUMNS})


class Migration(migrations.Migration):
    dependencies = [("jobs", "0003_joblisting_language")]
    operations = [migrations.RunPython(forwards, backwards)]
