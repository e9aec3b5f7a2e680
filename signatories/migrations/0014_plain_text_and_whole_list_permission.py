# Field validators (no change to the schema): text refuses control, non-character and
# direction-override characters (signatories.vocabulary.validate_plain_text); and the
# permission to import the whole official list, which the Editors group does not get.

import signatories.vocabulary
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('signatories', '0013_official_history'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='signatory',
            options={'ordering': ['sort_name', 'id'], 'permissions': [('import_whole_list', 'Can import a file as the whole official list')], 'verbose_name': 'supporter', 'verbose_name_plural': 'supporters'},
        ),
        migrations.AlterField(
            model_name='citation',
            name='passage',
            field=models.TextField(help_text='Quoted exactly from the source.', validators=[signatories.vocabulary.validate_plain_text], verbose_name='passage'),
        ),
        migrations.AlterField(
            model_name='citation',
            name='passage_fr',
            field=models.TextField(blank=True, help_text="Only when the directory wrote the passage (an import's finding).", validators=[signatories.vocabulary.validate_plain_text], verbose_name='passage in French'),
        ),
        migrations.AlterField(
            model_name='citation',
            name='reasoning',
            field=models.TextField(blank=True, help_text='How the fact follows from the passage, when it is derived.', validators=[signatories.vocabulary.validate_plain_text], verbose_name='reasoning'),
        ),
        migrations.AlterField(
            model_name='citation',
            name='reasoning_fr',
            field=models.TextField(blank=True, validators=[signatories.vocabulary.validate_plain_text], verbose_name='reasoning in French'),
        ),
        migrations.AlterField(
            model_name='historicalcitation',
            name='passage',
            field=models.TextField(help_text='Quoted exactly from the source.', validators=[signatories.vocabulary.validate_plain_text], verbose_name='passage'),
        ),
        migrations.AlterField(
            model_name='historicalcitation',
            name='passage_fr',
            field=models.TextField(blank=True, help_text="Only when the directory wrote the passage (an import's finding).", validators=[signatories.vocabulary.validate_plain_text], verbose_name='passage in French'),
        ),
        migrations.AlterField(
            model_name='historicalcitation',
            name='reasoning',
            field=models.TextField(blank=True, help_text='How the fact follows from the passage, when it is derived.', validators=[signatories.vocabulary.validate_plain_text], verbose_name='reasoning'),
        ),
        migrations.AlterField(
            model_name='historicalcitation',
            name='reasoning_fr',
            field=models.TextField(blank=True, validators=[signatories.vocabulary.validate_plain_text], verbose_name='reasoning in French'),
        ),
        migrations.AlterField(
            model_name='historicalmilestone',
            name='label',
            field=models.CharField(max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='label'),
        ),
        migrations.AlterField(
            model_name='historicalmilestone',
            name='label_fr',
            field=models.CharField(blank=True, max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='label in French'),
        ),
        migrations.AlterField(
            model_name='historicalmilestone',
            name='note',
            field=models.TextField(blank=True, validators=[signatories.vocabulary.validate_plain_text], verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='historicalmilestone',
            name='note_fr',
            field=models.TextField(blank=True, validators=[signatories.vocabulary.validate_plain_text], verbose_name='note in French'),
        ),
        migrations.AlterField(
            model_name='historicalsignatory',
            name='aliases',
            field=models.CharField(blank=True, help_text="Other names search should find, e.g. the official list's French name.", max_length=500, validators=[signatories.vocabulary.validate_plain_text], verbose_name='other names'),
        ),
        migrations.AlterField(
            model_name='historicalsignatory',
            name='kind',
            field=models.CharField(blank=True, help_text='Company, association, university, think tank, foundation, …', max_length=100, validators=[signatories.vocabulary.validate_plain_text], verbose_name='organisation kind'),
        ),
        migrations.AlterField(
            model_name='historicalsignatory',
            name='name',
            field=models.CharField(max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='historicalsignatory',
            name='name_fr',
            field=models.CharField(blank=True, help_text="Shown on the French pages. A state's is its country's French name, filled in when left empty.", max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='name in French'),
        ),
        migrations.AlterField(
            model_name='historicalsignatory',
            name='review_note',
            field=models.TextField(blank=True, help_text='Which record it duplicates, or what is wrong, with the source if any.', validators=[signatories.vocabulary.validate_plain_text], verbose_name='why it is flagged'),
        ),
        migrations.AlterField(
            model_name='historicalsignatory',
            name='statement',
            field=models.TextField(blank=True, help_text="In the supporter's own words.", validators=[signatories.vocabulary.validate_plain_text], verbose_name='statement'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='date_note',
            field=models.CharField(blank=True, help_text='What is known of the date when it is not exact.', max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='about the date'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='date_note_fr',
            field=models.CharField(blank=True, max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='about the date, in French'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='publisher',
            field=models.CharField(blank=True, max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='publisher or author'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='publisher_fr',
            field=models.CharField(blank=True, help_text="When the publisher has a French name (the Paris Call's own site).", max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='publisher in French'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='title',
            field=models.CharField(max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='title_fr',
            field=models.CharField(blank=True, help_text="Only for a title the directory gave; an article's title is quoted.", max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='title in French'),
        ),
        migrations.AlterField(
            model_name='milestone',
            name='label',
            field=models.CharField(max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='label'),
        ),
        migrations.AlterField(
            model_name='milestone',
            name='label_fr',
            field=models.CharField(blank=True, max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='label in French'),
        ),
        migrations.AlterField(
            model_name='milestone',
            name='note',
            field=models.TextField(blank=True, validators=[signatories.vocabulary.validate_plain_text], verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='milestone',
            name='note_fr',
            field=models.TextField(blank=True, validators=[signatories.vocabulary.validate_plain_text], verbose_name='note in French'),
        ),
        migrations.AlterField(
            model_name='signatory',
            name='aliases',
            field=models.CharField(blank=True, help_text="Other names search should find, e.g. the official list's French name.", max_length=500, validators=[signatories.vocabulary.validate_plain_text], verbose_name='other names'),
        ),
        migrations.AlterField(
            model_name='signatory',
            name='kind',
            field=models.CharField(blank=True, help_text='Company, association, university, think tank, foundation, …', max_length=100, validators=[signatories.vocabulary.validate_plain_text], verbose_name='organisation kind'),
        ),
        migrations.AlterField(
            model_name='signatory',
            name='name',
            field=models.CharField(max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='signatory',
            name='name_fr',
            field=models.CharField(blank=True, help_text="Shown on the French pages. A state's is its country's French name, filled in when left empty.", max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='name in French'),
        ),
        migrations.AlterField(
            model_name='signatory',
            name='review_note',
            field=models.TextField(blank=True, help_text='Which record it duplicates, or what is wrong, with the source if any.', validators=[signatories.vocabulary.validate_plain_text], verbose_name='why it is flagged'),
        ),
        migrations.AlterField(
            model_name='signatory',
            name='statement',
            field=models.TextField(blank=True, help_text="In the supporter's own words.", validators=[signatories.vocabulary.validate_plain_text], verbose_name='statement'),
        ),
        migrations.AlterField(
            model_name='source',
            name='date_note',
            field=models.CharField(blank=True, help_text='What is known of the date when it is not exact.', max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='about the date'),
        ),
        migrations.AlterField(
            model_name='source',
            name='date_note_fr',
            field=models.CharField(blank=True, max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='about the date, in French'),
        ),
        migrations.AlterField(
            model_name='source',
            name='publisher',
            field=models.CharField(blank=True, max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='publisher or author'),
        ),
        migrations.AlterField(
            model_name='source',
            name='publisher_fr',
            field=models.CharField(blank=True, help_text="When the publisher has a French name (the Paris Call's own site).", max_length=200, validators=[signatories.vocabulary.validate_plain_text], verbose_name='publisher in French'),
        ),
        migrations.AlterField(
            model_name='source',
            name='title',
            field=models.CharField(max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='source',
            name='title_fr',
            field=models.CharField(blank=True, help_text="Only for a title the directory gave; an article's title is quoted.", max_length=300, validators=[signatories.vocabulary.validate_plain_text], verbose_name='title in French'),
        ),
    ]
