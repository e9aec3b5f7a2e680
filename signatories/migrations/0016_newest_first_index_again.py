"""The newest-first index of 0009 again, where it is missing.

On SQLite, 0011 altered the supporters' table, which SQLite does by making it again from the
model's state, which does not know this index (it is written by hand, see 0009): every
SQLite database migrated since had lost it, and sort=-since sorted every supporter for the
first page. Made again only where missing; a test checks it is there after every migration.
"""

from importlib import import_module

from django.db import migrations

newest_first = import_module("signatories.migrations.0009_newest_first_index")


def create(apps, schema_editor):
    columns = newest_first.COLUMNS.get(schema_editor.connection.vendor)
    if columns:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{newest_first.NAME}" '
            f'ON "signatories_signatory" ({columns})'
        )


class Migration(migrations.Migration):
    dependencies = [
        ("signatories", "0015_search_words"),
    ]

    # Backwards, 0009's own reversal drops it.
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
