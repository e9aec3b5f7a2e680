"""python manage.py baseline_history: a first history entry for every record without one.

`loaddata` saves raw, so django-simple-history records nothing: a seeded supporter's first
edit would have nothing to compare with, and its version as loaded could not be restored.
This gives each record of every model with history that has no entry yet one entry, its
state now, dated now. It is idempotent: a record with any entry is left alone, so running
it after every `loaddata` (as `make run` and the deploy steps do) adds entries only for
records loaded since. (django-simple-history's own `populate_history` skips a whole model
once any of its records has history, so records seeded later would get none.)
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model, get_history_model_for_model

REASON = "Baseline: the record as it was loaded"
BATCH = 500


class Command(BaseCommand):
    help = "Give every record without a history entry its first one (idempotent)."

    def handle(self, *args, verbosity: int, **options):
        for model in apps.get_models():
            try:
                history_model = get_history_model_for_model(model)
            except NotHistoricalModelError:
                continue
            added = baseline(model, history_model)
            if verbosity >= 1 and added:
                self.stdout.write(f"{model._meta.label}: {added} baseline history entries")


def baseline(model, history_model) -> int:
    """Add the entries for `model`'s records without any; how many were added."""
    recorded = history_model.objects.values("id")
    missing = model._default_manager.exclude(pk__in=recorded).order_by("pk")
    history = get_history_manager_for_model(model)
    added = 0
    batch = []
    for instance in missing.iterator(chunk_size=BATCH):
        batch.append(instance)
        if len(batch) == BATCH:
            added += len(history.bulk_history_create(batch, default_change_reason=REASON))
            batch = []
    if batch:
        added += len(history.bulk_history_create(batch, default_change_reason=REASON))
    return added
