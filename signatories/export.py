"""The export shape shared by /signatories.csv, /signatories.json and the admin action."""

import csv
from collections.abc import Iterable, Iterator

from signatories.models import Signatory

CSV_COLUMNS = [
    "name",
    "slug",
    "type",
    "country",
    "region",
    "kind",
    "website",
    "twitter",
    "linkedin",
    "statement",
    "since",
    "since_by",
]

# Only the columns an export reads, so a large export never loads what it won't write.
EXPORT_FIELDS = [
    "name",
    "slug",
    "type",
    "country",
    "region",
    "kind",
    "website",
    "twitter",
    "linkedin",
    "statement",
    "supporter_since",
    "supporter_since_precision",
    "supporter_since_is_bound",
]


def as_record(signatory: Signatory) -> dict:
    """One supporter as the JSON export gives it."""
    return {
        "name": signatory.name,
        "slug": signatory.slug,
        "type": signatory.type,
        "country": signatory.country.code or None,
        "region": signatory.region,
        "kind": signatory.kind,
        "website": signatory.website,
        "twitter": signatory.twitter,
        "linkedin": signatory.linkedin,
        "statement": signatory.statement,
        "since": signatory.since_iso,
        "since_by": signatory.supporter_since_is_bound,
        "url": signatory.get_absolute_url(),
    }


def as_csv_row(signatory: Signatory) -> list[str]:
    """One supporter as a CSV row: the JSON values, empty for null, `true`/`false`."""
    record = as_record(signatory)
    return [_csv_value(record[column]) for column in CSV_COLUMNS]


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _Echo:
    """A file-like object whose write() returns the line, for streaming csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(signatories: Iterable[Signatory]) -> Iterator[str]:
    """The header, then one line per supporter, generated lazily."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for signatory in signatories:
        yield writer.writerow(as_csv_row(signatory))
