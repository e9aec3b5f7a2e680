"""An entry of the history read in the directory's terms, without the database: its
fields as the importer reads them, the entries a rename splits in two, its first
appearance, and a supporter that left before the snapshot, built from its last state."""

import dataclasses
import datetime

from django.utils import translation
from django_countries import countries

from signatories.history.rows import HistoryRow
from signatories.importing.matching import KeyIndex
from signatories.importing.official import NATURE_KINDS, NONSTANDARD_ALPHA3, parse_official
from signatories.importing.rows import RowRejected
from signatories.models import EventKind, Signatory, SignatoryStatus, SignatoryType, Source
from signatories.text import normalise


def directory_fields(fields: dict) -> dict:
    """An entry's fields in the directory's terms, as the importer reads them: the type, the
    alpha-2 country, the organisation kind in English (a value it can't read, as written)."""
    code = fields["country"].strip().upper()
    country = NONSTANDARD_ALPHA3.get(code) or (countries.alpha2(code) if code else "") or code
    nature = fields["nature"].strip()
    kind = NATURE_KINDS.get(normalise(nature).replace("’", "'"), nature) if nature else ""
    return {"name": fields["name"], "type": fields["category"], "country": country, "kind": kind}


def importer_values(row: HistoryRow) -> dict | None:
    """The importer's reading of the entry's state after the row (None without a category)."""
    cells = {
        "name": row.after["name"],
        "category": row.after["category"],
        "nationality": row.after["country"],
        "nature": row.after["nature"],
        "website": "",
        "twitter": "",
        "date_signed": "",
    }
    try:
        parsed = parse_official(cells)
    except RowRejected:
        return None
    values = dict(parsed.values)
    values["name"] = values.get("name") or row.after["name"]
    values["alias"] = parsed.alias
    values["region_if_new"] = parsed.region_if_new
    return values


def invisible(row: HistoryRow) -> bool:
    """A correction of what the directory does not show (a nature's spelling that means
    the same kind, a signing date): not a change here."""
    return row.kind == EventKind.CORRECTED and directory_fields(row.before) == directory_fields(
        row.after
    )


def split_renamed(entries: dict[str, list[HistoryRow]]) -> dict[str, list[HistoryRow]]:
    """An entry renamed to another organisation is two entries: the organisation it named
    until its last rename, which left the list that day (its departure is the rename's
    commit), and the one it names from then on. The first is keyed `<entry>~<commit>`."""
    split: dict[str, list[HistoryRow]] = {}
    for entry, rows in entries.items():
        renames = [index for index, row in enumerate(rows) if row.kind == EventKind.RENAMED]
        if not renames:
            split[entry] = rows
            continue
        rename = rows[renames[-1]]
        before = f"{entry}~{rename.commit[:12]}"
        departure = dataclasses.replace(
            rename, kind=EventKind.DELISTED, entry=before, after=rename.before, before={}
        )
        split[before] = [*rows[: renames[-1]], departure]
        split[entry] = rows[renames[-1] :]
    return split


def first_appearance(rows: list[HistoryRow]) -> datetime.date | None:
    """When the organisation the entry names now first appears: the entry's first listing,
    or its last rename (before it, the entry named another organisation)."""
    start = None
    for row in rows:
        if row.kind == EventKind.LISTED and start is None or row.kind == EventKind.RENAMED:
            start = row.date
    return start


def former_supporter(values: dict, last: HistoryRow, source: Source, index: KeyIndex) -> Signatory:
    """A supporter that left before the snapshot, from the entry's last state; a state
    named by its country, as the importer names one."""
    country = values.get("country", "")
    name = values["name"]
    if values["type"] == SignatoryType.STATE:
        with translation.override("en"):
            name = str(countries.name(country)) or name
    signatory = Signatory(
        name=name,
        slug=index.new_slug(name, country),
        type=values["type"],
        country=country,
        region=values["region_if_new"] or "",
        kind=values.get("kind", ""),
        aliases=values["alias"] if values["alias"] != name else "",
        status=SignatoryStatus.FORMER,
        left_on=last.date,
        left_source=source,
    )
    signatory.entries = []
    return signatory
