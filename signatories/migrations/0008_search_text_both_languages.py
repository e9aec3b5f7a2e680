"""A state's search text holds its country's name in English and in French.

It used to hold the name in whatever language was active when the state was saved, so a
state saved from the French admin could not be found by its English name, and vice versa.
"""

from django.db import migrations
from django.db.models import F
from django_countries.fields import Country


def rewrite_search_text(apps, schema_editor):
    from signatories.models.names import search_text_for

    Signatory = apps.get_model("signatories", "Signatory")
    states = Signatory.objects.filter(type="state").exclude(country="")
    changed = []
    for state in states.only("name", "aliases", "type", "country", "search_text").iterator():
        text = search_text_for(state.name, state.aliases, state.type, Country(state.country))
        if text != state.search_text:
            state.search_text = text
            changed.append(state)
    Signatory.objects.bulk_update(changed, ["search_text"], batch_size=500)
    if changed:
        # Cached searches go stale with the texts they searched.
        Revision = apps.get_model("signatories", "Revision")
        Revision.objects.filter(pk=1).update(number=F("number") + 1)


class Migration(migrations.Migration):
    dependencies = [("signatories", "0007_history_former_index")]

    operations = [migrations.RunPython(rewrite_search_text, migrations.RunPython.noop)]
