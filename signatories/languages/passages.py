"""A row of a list, quoted as a source's passage, read back as labelled fields.

An import cites each row it read as the passage of its source: the row's columns, one per
line, `column: value` (see `importing.planning`). A page shows that passage as fields
labelled in its own language (« Catégorie : État », « Pays : France »), the values as the
row gave them, except those the directory can name for the reader: a category, a country
code, a region, a date.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories import dates
from signatories.models import SourceKind
from signatories.regions import Region
from signatories.vocabulary import SignatoryType

# Sources whose passages are rows of a list, as the importer writes them.
ROW_SOURCES = (SourceKind.OFFICIAL_LIST, SourceKind.IMPORT)

LABELS = {
    # The official list's columns.
    "name": _("Name"),
    "category": _("Category"),
    "nationality": _("Country"),
    "nature": _("Nature"),
    "website": _("Website"),
    "twitter": _("Twitter"),
    "linkedin": _("LinkedIn"),
    "date_signed": _("Date signed"),
    "first_listed": _("First listed"),
    "statement": _("Statement"),
    # The directory's own export's columns.
    "name_fr": _("Name in French"),
    "slug": _("Identifier"),
    "type": _("Type"),
    "country": _("Country"),
    "region": _("Region"),
    "kind": _("Kind of organisation"),
    "since": _("Supporter since"),
    "since_by": _("Only “by” that date"),
    "status": _("Status"),
    "left": _("Left on"),
}


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    # The value as the source wrote it, quoted (in its own language), or named by the
    # directory in the page's language.
    quoted: bool


def row_fields(citation) -> list[Field] | None:
    """The passage's fields when it is a row of a list, else None (a quotation)."""
    if citation.source.kind not in ROW_SOURCES or citation.passage_fr:
        return None
    fields = []
    for line in citation.passage.splitlines():
        column, separator, value = line.partition(": ")
        if not separator or column not in LABELS:
            return None
        named = _named(column, value)
        fields.append(Field(str(LABELS[column]), named or value, quoted=named is None))
    return fields or None


def _named(column: str, value: str) -> str | None:
    """The value in the page's language when the directory can name it."""
    if column in ("category", "type") and value in SignatoryType.values:
        return str(SignatoryType(value).label)
    if column == "nationality":
        code = countries.alpha2(value) if len(value) == 3 else ""
        return str(countries.name(code)) if code else None
    if column == "country" and value.upper() in countries:
        return str(countries.name(value.upper()))
    if column == "region" and value in Region.values:
        return str(Region(value).label)
    if column in ("date_signed", "first_listed", "left"):
        try:
            return dates.display(datetime.date.fromisoformat(value), dates.Precision.DAY)
        except ValueError:
            return None
    return None
