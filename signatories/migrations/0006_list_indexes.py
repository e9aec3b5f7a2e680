"""Indexes for the list's rows: a country and a type together, and former supporters."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('signatories', '0005_revision'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='signatory',
            index=models.Index(fields=['country', 'type', 'sort_name'], name='signatory_country_type_name'),
        ),
        migrations.AddIndex(
            model_name='signatory',
            index=models.Index(condition=models.Q(('status', 'former')), fields=['sort_name', 'id'], name='signatory_former_sort_name'),
        ),
    ]
