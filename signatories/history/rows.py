"""Reading `data/official-history.csv`: its columns, and one row as the loader sees it.

The format is fixed between the derivation and the loader (docs/data.md): one row per
event, sorted by date and commit order. A file with other columns, an unknown kind or a
malformed date or commit is refused as a whole, naming the line.
"""

import csv
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from signatories.models import EventKind

COLUMNS = [
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
]
# The entry's fields, as the list writes them, that an event shows before and after.
FIELDS = ["name", "category", "country", "nature"]
COMMIT = re.compile(r"[0-9a-f]{40}", re.ASCII)
# The history file's alliance marks, as the official list's first spreadsheet had them.
ALLIANCES = {"cyber-tech-accord", "charter-of-trust"}


class HistoryFileError(Exception):
    """The file can't be read as the official list's history; the message says why."""


@dataclass(frozen=True)
class HistoryRow:
    line: int
    date: datetime.date
    commit: str
    kind: str
    entry: str
    file: str
    after: dict
    before: dict
    alliances: tuple[str, ...]
    message: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.commit, self.entry, self.kind)


def read_history(lines: Iterable[str]) -> list[HistoryRow]:
    """Every row of the file, checked; HistoryFileError at the first that is not right."""
    reader = csv.DictReader(lines)
    if reader.fieldnames != COLUMNS:
        raise HistoryFileError(
            f"The header must be {','.join(COLUMNS)}; it is {','.join(reader.fieldnames or [])}."
        )
    return [_row(cells, reader.line_num) for cells in reader]


def _row(cells: dict[str, str], line: int) -> HistoryRow:
    try:
        date = datetime.date.fromisoformat(cells["date"])
        if len(cells["date"]) != 10:
            raise ValueError(cells["date"])
    except ValueError:
        raise HistoryFileError(
            f"Line {line}: {cells['date']!r} is not a date (YYYY-MM-DD)."
        ) from None
    if not COMMIT.fullmatch(cells["commit"]):
        raise HistoryFileError(f"Line {line}: {cells['commit']!r} is not a 40-hex commit id.")
    if cells["kind"] not in EventKind.values:
        valid = ", ".join(EventKind.values)
        raise HistoryFileError(f"Line {line}: unknown kind {cells['kind']!r} ({valid}).")
    if not cells["entry"]:
        raise HistoryFileError(f"Line {line}: the entry is empty.")
    # An entry of both initiatives names both, separated by a space.
    alliances = tuple(cells["alliance"].split())
    unknown = [alliance for alliance in alliances if alliance not in ALLIANCES]
    if unknown:
        raise HistoryFileError(f"Line {line}: unknown alliance {unknown[0]!r}.")
    changed = cells["kind"] in (EventKind.CORRECTED, EventKind.RENAMED)
    return HistoryRow(
        line=line,
        date=date,
        commit=cells["commit"],
        kind=cells["kind"],
        entry=cells["entry"],
        file=cells["file"],
        after={name: cells[name] for name in FIELDS},
        before={name: cells[f"{name}_before"] for name in FIELDS} if changed else {},
        alliances=alliances,
        message=cells["message"],
    )
