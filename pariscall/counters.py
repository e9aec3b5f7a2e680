"""The embeddable counters: the options a host page may pass, and the numbers to show.

The counts are the list's own (`signatories.directory.facets.counts_for` with no filter), so
they come from the same cache, go stale with the same write, and always agree with
/signatories/.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from signatories.directory.facets import counts_for
from signatories.directory.filters import SignatoryFilter
from signatories.forms import invalid_choice
from signatories.links import list_url
from signatories.models import Signatory, SignatoryType

THEMES = [("light", _("Light")), ("dark", _("Dark"))]

# A type's name next to its count, singular or plural as the count asks.
PLURAL_LABELS = {
    SignatoryType.STATE: lambda n: ngettext("State", "States", n),
    SignatoryType.PUBLIC_AUTHORITY: lambda n: ngettext("Public authority", "Public authorities", n),
    SignatoryType.PRIVATE_SECTOR: lambda n: ngettext("Company", "Companies", n),
    SignatoryType.CIVIL_SOCIETY: lambda n: ngettext(
        "NGO or civil-society body", "NGOs and civil-society bodies", n
    ),
}


class CountersForm(forms.Form):
    type = forms.ChoiceField(
        label=_("type"),
        choices=SignatoryType.choices,
        required=False,
        error_messages=invalid_choice(_("type"), SignatoryType.values),
    )
    theme = forms.ChoiceField(
        label=_("theme"),
        choices=THEMES,
        required=False,
        error_messages=invalid_choice(_("theme"), (value for value, _label in THEMES)),
    )


def counters(only_type: str = "") -> dict:
    """Each type's count with its label and list link (or only `only_type`'s), and the total."""
    filterset = SignatoryFilter(QueryDict(), queryset=Signatory.objects.all())
    filterset.is_valid()  # no parameters: always valid
    counts = counts_for(filterset)
    types = [only_type] if only_type else SignatoryType.values
    return {
        "counters": [
            {
                "type": type_,
                "count": counts["type"].get(type_, 0),
                "label": PLURAL_LABELS[type_](counts["type"].get(type_, 0)),
                "url": list_url(type=type_),
            }
            for type_ in types
        ],
        "total": None if only_type else counts["total"],
    }
