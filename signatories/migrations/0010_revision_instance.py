"""A random name for the database's revisions: one made again from nothing is never taken
for the one before (signatories.models.revision, signatories.exports.files)."""

import signatories.models.revision
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('signatories', '0009_newest_first_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='revision',
            name='instance',
            field=models.CharField(default=signatories.models.revision.new_instance, editable=False, max_length=16),
        ),
    ]
