"""Writing the derived events as data/official-history.csv (format: data/README.md)."""

import csv
from collections.abc import Iterable
from typing import TextIO

from signatories.history.derive import Event

COLUMNS = (
    "date",
    "commit",
    "kind",
    "entry",
    "file",
    "name",
    "category",
    "country",
    "nature",
    "alliance",
    "date_signed",
    "name_before",
    "category_before",
    "country_before",
    "nature_before",
    "message",
)


def _row(event: Event) -> dict[str, str]:
    record, before = event.record, event.before
    return {
        "date": event.date,
        "commit": event.commit,
        "kind": event.kind,
        "entry": event.entry,
        "file": event.file,
        "name": record.name,
        "category": record.category,
        "country": record.country,
        "nature": record.nature,
        "alliance": record.alliance,
        "date_signed": record.date_signed,
        "name_before": before.name if before else "",
        "category_before": before.category if before else "",
        "country_before": before.country if before else "",
        "nature_before": before.nature if before else "",
        "message": event.message,
    }


def write_events(events: Iterable[Event], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_row(event) for event in events)
