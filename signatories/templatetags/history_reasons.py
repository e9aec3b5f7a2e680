"""The reasons the directory itself writes into history (in English, as records), shown in
the reader's language; any other reason, typed by staff, is shown as it was typed."""

import re

from django import template
from django.utils.translation import gettext as _

from signatories.management.commands.baseline_history import REASON as BASELINE

register = template.Library()
IMPORTED = re.compile(r"^Imported from (?P<filename>.+)$")


@register.filter
def change_reason(reason: str | None) -> str:
    if not reason:
        return "—"
    if reason == BASELINE:
        return _("Baseline: the record as it was loaded")
    imported = IMPORTED.match(reason)
    if imported:
        return _("Imported from %(filename)s") % {"filename": imported["filename"]}
    return reason
