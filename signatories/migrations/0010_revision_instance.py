"""A random name for the database's revisions: one made again from nothing is never taken
for the one before (signatories.revision, signatories.export_files)."""

import signatories.revision
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('signatories', '0009_newest_first_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='revision',
            name='instance',
            field=models.CharField(default=signatories.revision.new_instance, editable=False, max_length=16),
        ),
    ]
