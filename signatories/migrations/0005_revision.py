"""The directory's revision counter (signatories.revision): one row, raised by every write."""

from django.db import migrations, models


def create_the_row(apps, schema_editor):
    apps.get_model("signatories", "Revision").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("signatories", "0004_status_unknown_region"),
    ]

    operations = [
        migrations.CreateModel(
            name="Revision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveBigIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("id", 1)), name="revision_single_row"
                    )
                ],
            },
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
