"""History pages that speak the staff's language: a change to a field with choices shows
the choices' labels ("Former supporter", "entreprise"), not the values stored."""

from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from signatories.vocabulary import ORGANISATION_KINDS

# Fields whose values the directory names although they have no choices in the schema.
NAMED_VALUES = {"kind": ORGANISATION_KINDS}


class LabelledContextHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        labels = dict(field.flatchoices) if field.choices else NAMED_VALUES.get(field.name)
        if labels and isinstance(value, str) and value in labels:
            return str(labels[value])
        return super().prepare_delta_change_value(change, value)


class LabelledHistoryAdmin(SimpleHistoryAdmin):
    def get_historical_record_context_helper(self, request, historical_record):
        return LabelledContextHelper(self.model, historical_record)
