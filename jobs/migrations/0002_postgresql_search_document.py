"""PostgreSQL: a weighted full-text document of every listing with a GIN index over it, and a
covering index of the published listings.

A generated column is maintained by the database itself (saves, bulk inserts, raw updates), so
the search engine never computes to_tsvector per row while searching: that cost 2.4 s per faceted
search at 30,000 listings. Django cannot declare it on the model for every database (a
GeneratedField of a SearchVector has no SQLite form), so it is PostgreSQL's alone, in the text
search configuration of the site's language (settings.SEARCH_TEXT_CONFIG, read when this runs).
Other databases have no such column and search by words.

Counting facets or scoring preferences by scanning the table read 158 MB per query at 100,000
listings (a row is wide: description and its full-text document, 1.6 KB on average). The covering
index holds only published listings and only the columns those queries read, so they become
index-only scans of a few MB; its key (published_at DESC NULLS LAST, id DESC) serves "newest
first" pages directly. Django declares INCLUDE and partial indexes, but not NULLS LAST in an index
that SQLite accepts, so this one is PostgreSQL's alone as well.

A GIN index of the published listings' titles in full-text form (the same expression as the title's
part of the document): a search by one common word ranks only the listings with the word in their
title when they fill the page, since they outrank every other (search/engines/database.py), and
finds them here instead of reading every match. Django's GinIndex over a SearchVector is
PostgreSQL-only SQL too.
"""

from django.conf import settings
from django.db import migrations

CREATE = """
ALTER TABLE jobs_joblisting ADD COLUMN IF NOT EXISTS search_document tsvector
GENERATED ALWAYS AS (
    setweight(to_tsvector(%(config)s::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(%(config)s::regconfig, coalesce(description, '')), 'B')
    || setweight(to_tsvector(%(config)s::regconfig, coalesce(place, '')), 'C')
) STORED;
CREATE INDEX IF NOT EXISTS jobs_joblisting_search_document ON jobs_joblisting USING GIN (search_document);
CREATE INDEX IF NOT EXISTS jobs_joblisting_open_cover
    ON jobs_joblisting (published_at DESC NULLS LAST, id DESC)
    INCLUDE (
        employer_id, closing_date, sector, region, employment_type, remote, start_date, night_shifts,
        requires_driving, handles_cash, works_with_vulnerable_people, requires_security_clearance
    )
    WHERE status = 'published';
CREATE INDEX IF NOT EXISTS jobs_joblisting_open_title_document
    ON jobs_joblisting USING GIN (to_tsvector(%(config)s::regconfig, COALESCE(title, '')::text))
    WHERE status = 'published';
"""
DROP = """
DROP INDEX IF EXISTS jobs_joblisting_open_title_document;
DROP INDEX IF EXISTS jobs_joblisting_open_cover;
DROP INDEX IF EXISTS jobs_joblisting_search_document;
ALTER TABLE jobs_joblisting DROP COLUMN IF EXISTS search_document;
"""


def text_config(schema_editor):
    return schema_editor.quote_value(settings.SEARCH_TEXT_CONFIG)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE % {"config": text_config(schema_editor)})


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
