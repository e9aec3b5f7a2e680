"""The words' index that search matches and counts from (signatories.models.word_index),
filled from the supporters already recorded."""

import django.db.models.deletion
import signatories.languages.collation
import signatories.models.words
from django.db import migrations, models

from signatories.models import word_index as words


def fill(apps, schema_editor):
    words.fill(
        apps.get_model("signatories", "Signatory"),
        apps.get_model("signatories", "SearchWord"),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('signatories', '0014_plain_text_and_whole_list_permission'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('pk', models.CompositePrimaryKey('signatory', 'word', blank=True, editable=False, primary_key=True, serialize=False)),
                ('word', signatories.models.words.BytewiseCharField(max_length=60)),
                ('shared', models.PositiveSmallIntegerField()),
                ('type', models.CharField(max_length=20)),
                ('region', models.CharField(max_length=20)),
                ('country', models.CharField(max_length=2)),
                ('kind', models.CharField(max_length=100)),
                ('status', models.CharField(max_length=10)),
                ('supporter_since', models.DateField(null=True)),
                ('supporter_since_is_bound', models.BooleanField()),
                ('left_on', models.DateField(null=True)),
                ('sort_name', models.CharField(max_length=300)),
                ('sort_name_fr', signatories.languages.collation.SortKeyField(max_length=1000)),
                ('signatory', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='search_words', to='signatories.signatory')),
            ],
            options={
                'indexes': [models.Index(fields=['word', 'shared', 'status', 'type', 'region', 'country', 'supporter_since', 'supporter_since_is_bound', 'left_on', 'kind', 'sort_name', 'signatory'], name='searchword_prefix')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
