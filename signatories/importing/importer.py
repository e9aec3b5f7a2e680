"""Import supporters from a CSV file: the official supporters list, or the site's own export.

The file is streamed in chunks of `CHUNK` rows: each chunk's rows are planned against the
directory (its natural keys are loaded into memory once, and kept up to date as rows are
planned), then written. Unless invalid rows are to be skipped, the whole file is checked
first (a first pass that writes nothing), so a rejected row leaves everything as it was.
The writing pass holds the import lock, and writes each chunk in a step of its own: one
transaction for the whole import on PostgreSQL, a short one per chunk on SQLite
(`lock.py`). Memory holds the directory's keys, one chunk of rows (at most 500 rows of
32 KiB), and the report (counts, and the first 2,000 rows of each kind).

Each row is *created*, *updated* or *unchanged* (possibly with warnings: an invalid optional
field is dropped and named), or *rejected* with its line number and reason. By default the
import is all-or-nothing: one rejected row and nothing is written. With `full_list`, the
file is the whole official list at a date, and who left it becomes former (`full_list.py`).
"""

import datetime
import os
from collections.abc import Callable
from itertools import islice
from typing import BinaryIO

from django.utils import timezone
from django.utils.translation import gettext as _

from signatories.importing import full_list
from signatories.importing.lock import stopped, the_only_import
from signatories.importing.official import OFFICIAL_OPTIONAL, OFFICIAL_REQUIRED, parse_official
from signatories.importing.planning import Planner
from signatories.importing.reading import FileFormat, ImportFileError, read_csv
from signatories.importing.report import Report, RowOutcome
from signatories.importing.site_export import EXPORT_OPTIONAL, EXPORT_REQUIRED, parse_export
from signatories.importing.writing import CHUNK, PlannedRow, Writer, import_source
from signatories.models.revision import bump_revision

# Memory grows with the supporters a file adds (their keys are kept, to match later rows
# against them): about 1 kB each, so this bounds an import's working memory near 100 MB.
MAX_FILE_ROWS = 100_000
PARSERS = {FileFormat.OFFICIAL: parse_official, FileFormat.EXPORT: parse_export}
COLUMNS_READ = {
    FileFormat.OFFICIAL: [*OFFICIAL_REQUIRED, *OFFICIAL_OPTIONAL],
    FileFormat.EXPORT: [*EXPORT_REQUIRED, *EXPORT_OPTIONAL],
}


class Importer:
    """Import one file. `open_file` opens it afresh (binary) for each pass.

    With `full_list`, the file is the whole official list as of `as_of` (by default the
    date in the file's name, else today).
    """

    def __init__(
        self,
        open_file: Callable[[], BinaryIO],
        filename: str,
        *,
        user=None,
        today: datetime.date | None = None,
        full_list: bool = False,
        as_of: datetime.date | None = None,
        max_rows: int | None = None,
    ):
        self.open_file = open_file
        self.filename = os.path.basename(filename)
        self.user = user
        self.today = today or timezone.localdate()
        self.reason = f"Imported from {self.filename}"[:100]
        self.full_list = full_list
        self.as_of = as_of
        self.max_rows = max_rows

    def run(self, *, dry_run: bool = False, skip_invalid: bool = False) -> Report:
        """Validate every row and, unless this is a dry run or a row is refused, write them.

        Unless invalid rows are to be skipped, the whole file is checked first, before any
        lock is taken: one refused row and nothing is written, the database left exactly as
        it was. A dry run is that check alone.
        """
        self._refuse_too_many_rows()
        list_date = None
        if self.full_list:
            list_date = full_list.list_date(self.filename, self.as_of, self.today)
        report = None
        if dry_run or not skip_invalid:
            report = self._pass(list_date)
        if not dry_run and not (report and report.rejected):
            report = None  # the check's report, let go before the writing pass
            with the_only_import() as step:
                report = self._pass(list_date, step=step, skip_invalid=skip_invalid)
            report.written = True
        report.dry_run, report.skip_invalid = dry_run, skip_invalid
        return report

    def _pass(self, list_date: datetime.date | None, *, step=None, skip_invalid=True) -> Report:
        """Plan every row; with `step` (the import lock held), write each chunk in one."""
        report = Report(self.filename, full_list=self.full_list)
        with self.open_file() as stream:
            report.format, rows = read_csv(stream)
            if self.full_list and report.format != FileFormat.OFFICIAL:
                raise ImportFileError(
                    _(
                        "This is this site's own export, not the official list: "
                        "it can't be imported as the whole official list."
                    )
                )
            planner = Planner(
                PARSERS[report.format],
                COLUMNS_READ[report.format],
                full_list=self.full_list,
            )
            writer = self._writer(step, list_date, report.format) if step else None
            while chunk := list(islice(rows, CHUNK)):
                planned = planner.plan_chunk(chunk)
                for row in planned:
                    report.add(row.result)
                if writer:
                    if not skip_invalid:
                        _refuse_what_changed_meanwhile(planned)
                    with step():
                        if writer.write(planned):
                            bump_revision()
            if self.full_list:
                self._follow_the_list(report, planner, writer, step)
        return report

    def _refuse_too_many_rows(self) -> None:
        """Read the whole file once before anything else: a file too large to import is
        refused at once (and a malformed one before the transaction starts)."""
        with self.open_file() as stream:
            rows = sum(1 for _row in read_csv(stream)[1])
        if self.max_rows and rows > self.max_rows:
            raise ImportFileError(
                _(
                    "The file has %(rows)s rows, more than the %(max)s that can be imported "
                    "here: import it with `manage.py import_signatories`."
                )
                % {"rows": f"{rows:,}", "max": f"{self.max_rows:,}"}
            )
        if rows > MAX_FILE_ROWS:
            raise ImportFileError(
                _(
                    "The file has %(rows)s rows; an import reads at most %(max)s (the official "
                    "list has about 1,200): split it into smaller files."
                )
                % {"rows": f"{rows:,}", "max": f"{MAX_FILE_ROWS:,}"}
            )

    def _writer(self, step, list_date: datetime.date | None, file_format: str) -> Writer:
        """The writer of this import, and the source it cites, written in a first step."""
        with step():
            source = import_source(
                self.filename, self.today, list_date, FileFormat(file_format).label
            )
        return Writer(source, user=self.user, reason=self.reason, cite_unchanged=self.full_list)

    def _follow_the_list(self, report: Report, planner: Planner, writer, step) -> None:
        report.returning = planner.returning
        report.leaving = full_list.leaving(planner.present(), writer and writer.source)
        if writer:
            with step():
                full_list.mark_leaving(
                    report.leaving, writer.source, user=self.user, reason=self.reason
                )
                if report.leaving or report.returning:
                    bump_revision()


def _refuse_what_changed_meanwhile(planned: list[PlannedRow]) -> None:
    """A row accepted when the file was checked, refused now: the directory changed since
    (a supporter saved meanwhile that the row now clashes with). Nothing more is written."""
    for row in planned:
        if row.result.outcome == RowOutcome.REJECTED:
            raise stopped(
                _(
                    "The directory changed while the file was being imported: line %(line)s "
                    "is now refused (%(reason)s)."
                )
                % {"line": row.result.line, "reason": "; ".join(row.result.reasons)}
            )


def import_file(
    path: str,
    *,
    filename: str = "",
    dry_run=False,
    skip_invalid=False,
    user=None,
    full_list=False,
    as_of=None,
    max_rows=None,
) -> Report:
    """Import a file on disk (the command's and the admin's entry point); `filename` is
    the name to report and cite, when it isn't the path's (an upload's own name)."""
    importer = Importer(
        lambda: open(path, "rb"),  # noqa: SIM115 (the importer closes it)
        filename or path,
        user=user,
        full_list=full_list,
        as_of=as_of,
        max_rows=max_rows,
    )
    return importer.run(dry_run=dry_run, skip_invalid=skip_invalid)
