"""An index for sort=-since, newest supporters first (undated ones last), then by name.

The list orders by `supporter_since DESC NULLS LAST, sort_name, id`. The index on
(supporter_since, sort_name) read backwards gives the names in reverse and the undated
first, so PostgreSQL sorted every current supporter for the first page (0.4 s at a million
rows). Django can't declare this index for both databases: SQLite refuses NULLS LAST in an
index, and its DESC already puts NULLs last. So the statement depends on the database.
"""

from django.db import migrations

NAME = "signatory_since_desc_name"
COLUMNS = {
    "postgresql": '"supporter_since" DESC NULLS LAST, "sort_name", "id"',
    "sqlite": '"supporter_since" DESC, "sort_name", "id"',
}


def create(apps, schema_editor):
    columns = COLUMNS.get(schema_editor.connection.vendor)
    if columns:
        schema_editor.execute(f'CREATE INDEX "{NAME}" ON "signatories_signatory" ({columns})')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in COLUMNS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')


class Migration(migrations.Migration):
    dependencies = [
        ("signatories", "0008_search_text_both_languages"),
    ]

    operations = [migrations.RunPython(create, drop)]
