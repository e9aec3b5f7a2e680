"""How an event of the official list reads: its fields before and after, as pages show them.

The history keeps the entry's fields as the list writes them (a category slug, an alpha-3
code with the list's own `ROM`, `MTG` and `SCG`, a French `nature`); pages show the
directory's labels in the page's language.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.importing.official import NATURE_KINDS, NONSTANDARD_ALPHA3
from signatories.models import SignatoryEvent, SignatoryType
from signatories.text import normalise
from signatories.vocabulary import ORGANISATION_KINDS

LABELS = {
    "name": _("name"),
    "category": _("type"),
    "country": _("country"),
    "nature": _("organisation kind"),
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


def field_changes(event: SignatoryEvent) -> list[FieldChange]:
    """The fields a correction or a rename changed, old and new, as shown."""
    if not event.before:
        return []
    return [
        FieldChange(str(LABELS[name]), shown(name, event.before[name]), shown(name, value))
        for name, value in event.after.items()
        if name in LABELS and event.before.get(name, "") != value
    ]


def shown(name: str, value: str) -> str:
    if not value:
        return ""
    if name == "category" and value in SignatoryType.values:
        return str(SignatoryType(value).label)
    if name == "country":
        code = NONSTANDARD_ALPHA3.get(value) or countries.alpha2(value)
        return str(countries.name(code)) if code else value
    if name == "nature":
        kind = NATURE_KINDS.get(normalise(value).replace("’", "'"))
        return str(ORGANISATION_KINDS.get(kind, value)) if kind else value
    return value
