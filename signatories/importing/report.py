"""What an import did, or would do: each row's outcome, the counts, and a printable summary.

A report keeps the counts of every row, but the rows themselves only up to a limit (the
first `KEPT_ROWS`, and as many rejected and warned rows), so a huge file's report stays
small: the admin's preview and the command's summary show the first ones and the counts.
A report turns into plain data (`to_data`) and back (`from_data`), so the admin keeps it.

Warnings are part of the rows imported: a row with warnings is also created, updated or
unchanged (its invalid optional field left out); a rejected row's warnings are shown with
it but not counted, since nothing of it is written.
"""

from collections import Counter
from dataclasses import asdict, dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import npgettext, pgettext_lazy

from signatories.importing.reading import FileFormat
from signatories.models import Signatory

KEPT_ROWS = 2000


class RowOutcome(models.TextChoices):
    CREATED = "created", pgettext_lazy("import outcome", "created")
    UPDATED = "updated", pgettext_lazy("import outcome", "updated")
    UNCHANGED = "unchanged", pgettext_lazy("import outcome", "unchanged")
    REJECTED = "rejected", pgettext_lazy("import outcome", "rejected")


@dataclass(slots=True)
class RowResult:
    line: int
    name: str
    outcome: str = ""
    reasons: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    pk: int | None = None  # the supporter written, once it is

    @property
    def outcome_label(self) -> str:
        return RowOutcome(self.outcome).label if self.outcome in RowOutcome.values else ""

    @property
    def changed_labels(self) -> list[str]:
        return [field_label(name) for name in self.changed]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    @property
    def is_problem(self) -> bool:
        return self.outcome == RowOutcome.REJECTED or bool(self.warnings)


def field_label(name: str) -> str:
    """A supporter's field as staff read it (its verbose name), or the name if none."""
    try:
        return str(Signatory._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@dataclass(slots=True)
class Departure:
    """A supporter that an earlier whole list had and this one lacks (or that came back)."""

    name: str
    slug: str
    pk: int | None = None


@dataclass
class Report:
    filename: str
    format: str = ""
    rows: list[RowResult] = field(default_factory=list)
    rejected: list[RowResult] = field(default_factory=list)
    warned: list[RowResult] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    # With a whole official list: who leaves and who comes back.
    full_list: bool = False
    leaving: list[Departure] = field(default_factory=list)
    returning: list[Departure] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    skip_invalid: bool = False

    def add(self, result: RowResult) -> None:
        self.outcomes[result.outcome] += 1
        if result.warnings and result.outcome != RowOutcome.REJECTED:
            self.outcomes["warned"] += 1
        for kept, keep in (
            (self.rows, True),
            (self.rejected, result.outcome == RowOutcome.REJECTED),
            (self.warned, bool(result.warnings)),
        ):
            if keep and len(kept) < KEPT_ROWS:
                kept.append(result)

    def to_data(self) -> dict:
        data = asdict(self)
        data["outcomes"] = dict(self.outcomes)
        return data

    @classmethod
    def from_data(cls, data: dict) -> "Report":
        def rows(key):
            return [
                RowResult(**{**row, "warnings": [tuple(pair) for pair in row["warnings"]]})
                for row in data[key]
            ]

        return cls(
            **{
                **data,
                "rows": rows("rows"),
                "rejected": rows("rejected"),
                "warned": rows("warned"),
                "outcomes": Counter(data["outcomes"]),
                "leaving": [Departure(**departure) for departure in data["leaving"]],
                "returning": [Departure(**departure) for departure in data["returning"]],
            }
        )

    @property
    def problems(self) -> list[RowResult]:
        """The rejected and warned rows kept, in the file's order."""
        by_line = {row.line: row for row in [*self.rejected, *self.warned]}
        return [by_line[line] for line in sorted(by_line)]

    @property
    def problems_first(self) -> list[RowResult]:
        """Every row kept, the problem rows first: what staff have to act on."""
        problems = self.problems
        lines = {row.line for row in problems}
        return problems + [row for row in self.rows if row.line not in lines]

    @property
    def imported(self) -> int:
        """The rows that are (or would be) written or left as they are: all but rejected."""
        return self.total - self.outcomes[RowOutcome.REJECTED]

    @property
    def total(self) -> int:
        return sum(self.outcomes[outcome] for outcome in RowOutcome.values)

    @property
    def counts(self) -> dict[str, int]:
        return {
            RowOutcome.CREATED: self.outcomes[RowOutcome.CREATED],
            RowOutcome.UPDATED: self.outcomes[RowOutcome.UPDATED],
            RowOutcome.UNCHANGED: self.outcomes[RowOutcome.UNCHANGED],
            "warned": self.outcomes["warned"],
            RowOutcome.REJECTED: self.outcomes[RowOutcome.REJECTED],
        }

    @property
    def count_phrases(self) -> list[tuple[str, str]]:
        """Each count as staff read it ("1 row rejected", "3 rows created"), by outcome."""
        phrases = {
            RowOutcome.CREATED: lambda n: npgettext(
                "import count", "%(count)d row created", "%(count)d rows created", n
            ),
            RowOutcome.UPDATED: lambda n: npgettext(
                "import count", "%(count)d row updated", "%(count)d rows updated", n
            ),
            RowOutcome.UNCHANGED: lambda n: npgettext(
                "import count", "%(count)d row unchanged", "%(count)d rows unchanged", n
            ),
            RowOutcome.REJECTED: lambda n: npgettext(
                "import count", "%(count)d row rejected", "%(count)d rows rejected", n
            ),
        }
        return [
            (
                str(outcome),
                phrases[outcome](self.outcomes[outcome]) % {"count": self.outcomes[outcome]},
            )
            for outcome in phrases
        ]

    @property
    def warnings_phrase(self) -> str:
        """What the warnings count is part of: the rows accepted, not a total of its own."""
        warned = self.outcomes["warned"]
        return npgettext(
            "import count",
            "%(count)d of the %(accepted)d rows accepted has warnings (an optional field left "
            "out); it is counted above as created, updated or unchanged.",
            "%(count)d of the %(accepted)d rows accepted have warnings (an optional field left "
            "out); they are counted above as created, updated or unchanged.",
            warned,
        ) % {"count": warned, "accepted": self.imported}

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.outcomes[RowOutcome.CREATED]
            or self.outcomes[RowOutcome.UPDATED]
            or self.leaving
            or self.returning
        )

    @property
    def format_name(self) -> str:
        return FileFormat(self.format).label if self.format else ""

    def one_line(self) -> str:
        counts = ", ".join(f"{number} {name}" for name, number in self.counts.items())
        whole = f", {len(self.leaving)} left the list" if self.full_list else ""
        return f"{self.filename}: {self.total} rows: {counts}{whole}"

    def summary_lines(self) -> list[str]:
        lines = [
            f"{self.filename} ({self.format_name}): {self.total} rows.",
            *(f"  {name}: {number}" for name, number in self.counts.items()),
        ]
        if self.full_list:
            lines += [f"  left the list: {len(self.leaving)}"]
            lines += [f"  came back: {len(self.returning)}"]
        rejected = [
            f"  line {row.line}: {row.name or '(no name)'}: {row.reason}" for row in self.rejected
        ]
        warned = [
            f"  line {row.line}: {row.name}: {name}: {message}"
            for row in self.warned
            for name, message in row.warnings
        ]
        lines += _listed(
            "Rejected rows:", rejected, self.outcomes[RowOutcome.REJECTED] - len(self.rejected)
        )
        lines += _listed(
            "Warnings (the field was left out):", warned, self.outcomes["warned"] - len(self.warned)
        )
        for title, departures in (
            ("No longer on the list (now former supporters):", self.leaving),
            ("Back on the list (current supporters again):", self.returning),
        ):
            if departures:
                lines += [title, *(f"  {departure.name}" for departure in departures)]
        return lines


def _listed(title: str, lines: list[str], not_shown: int) -> list[str]:
    if not lines:
        return []
    more = [f"  … and {not_shown} more rows"] if not_shown else []
    return [title, *lines, *more]
