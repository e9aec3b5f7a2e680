"""What a file's parser makes of one row, shared by both formats."""

import contextlib
import datetime
from dataclasses import dataclass, field

from signatories.columns import FORMULA_STARTS


class RowRejected(Exception):
    """The row can't be imported, for one reason or several (each shown with its line)."""

    def __init__(self, *reasons: str):
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)


class Problems:
    """A row's reasons to be rejected, collected so that staff see them all at once."""

    def __init__(self):
        self.reasons: list[str] = []

    @contextlib.contextmanager
    def check(self):
        try:
            yield
        except RowRejected as rejection:
            self.reasons += rejection.reasons

    def raise_any(self) -> None:
        if self.reasons:
            raise RowRejected(*self.reasons)


@dataclass
class ParsedRow:
    """What a row says: only the non-empty values (an empty cell never erases)."""

    values: dict
    warnings: list[tuple[str, str]] = field(default_factory=list)
    alias: str = ""  # the official list's own name for a state
    region_if_new: str = ""  # for a new supporter with no country
    # A day by which the supporter was listed: a "by" bound for its supporter-since date,
    # used only where the row gives no exact date.
    listed_by: datetime.date | None = None


def trimmed(value: str) -> str:
    """The cell without surrounding white space, except a leading tab or carriage return
    that would expose a formula once removed (a spreadsheet runs "=…", not "\\t=…")."""
    stripped = value.strip()
    if stripped.startswith(FORMULA_STARTS) and value.lstrip(" ")[:1] in ("\t", "\r"):
        return value.lstrip(" ").rstrip()
    return stripped
