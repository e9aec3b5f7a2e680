"""Reading an import file: its lines streamed one at a time, bounded, and its format told.

The file is read as bytes, one physical line at a time, and each line is decoded on its own,
so an encoding error is reported at the line it is on. Every limit is checked before
anything grows with it: a line longer than `MAX_LINE_BYTES` (a file with no line breaks,
`/dev/zero`), a row spanning lines beyond `MAX_ROW_CHARS` (a quote left open) or a header
wider than `MAX_COLUMNS` stops the import with a message saying so. So reading holds at
most one row (32 KiB) at a time, whatever the file.
"""

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from signatories.importing.official import OFFICIAL_OPTIONAL, OFFICIAL_REQUIRED
from signatories.importing.site_export import EXPORT_OPTIONAL, EXPORT_REQUIRED

MAX_LINE_BYTES = 32 * 1024
MAX_ROW_CHARS = 32 * 1024
MAX_COLUMNS = 50


class ImportFileError(Exception):
    """The file as a whole can't be imported: not UTF-8, not CSV, or an unknown header."""


class FileFormat(models.TextChoices):
    OFFICIAL = "official", gettext_lazy("the official supporters list")
    EXPORT = "export", gettext_lazy("this site's CSV export")


@dataclass(slots=True)
class CsvRow:
    line: int  # the physical line the row starts on; the header is line 1
    cells: dict[str, str]
    problem: str = ""  # why the row can't be read as a row of this file (e.g. too few cells)


def header_help() -> str:
    return _(
        "Expected the columns of the official supporters list (%(official)s, and optionally "
        "%(official_optional)s; other columns are ignored) or those of this site's CSV "
        "export (%(export)s, and optionally %(export_optional)s)."
    ) % {
        "official": ",".join(OFFICIAL_REQUIRED),
        "official_optional": ",".join(OFFICIAL_OPTIONAL),
        "export": ",".join(EXPORT_REQUIRED),
        "export_optional": ",".join(EXPORT_OPTIONAL),
    }


def detect_format(header: list[str]) -> FileFormat:
    """The format a header row says the file has; ImportFileError if neither."""
    columns = [column.strip().lower() for column in header]
    if len(columns) > MAX_COLUMNS:
        raise ImportFileError(
            _("The header has %(columns)d columns; an import file has at most %(max)d.")
            % {"columns": len(columns), "max": MAX_COLUMNS}
        )
    repeated = sorted({column for column in columns if columns.count(column) > 1})
    if repeated:
        shown = ", ".join(repr(column) for column in repeated)
        raise ImportFileError(
            _("The header names %(columns)s more than once.") % {"columns": shown}
            + " "
            + header_help()
        )
    if set(EXPORT_REQUIRED) <= set(columns):
        return FileFormat.EXPORT
    if set(OFFICIAL_REQUIRED) <= set(columns):
        return FileFormat.OFFICIAL
    shown = ",".join(header)
    shown = shown if len(shown) <= 200 else shown[:200] + "…"
    raise ImportFileError(
        _("Unknown header: %(header)s.") % {"header": shown} + " " + header_help()
    )


def read_csv(stream: BinaryIO) -> tuple[FileFormat, Iterator[CsvRow]]:
    """The file's format and its rows; ImportFileError when it isn't UTF-8 CSV we know."""
    lines = _Lines(stream)
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(_("The file is empty.") + " " + header_help()) from None
    except csv.Error as error:
        raise _not_csv(error, lines.line) from error
    file_format = detect_format(header)
    columns = [column.strip().lower() for column in header]
    return file_format, _rows(reader, lines, columns)


def _rows(reader, lines: "_Lines", columns: list[str]) -> Iterator[CsvRow]:
    name_at = columns.index("name")
    while True:
        lines.start_row()
        start = lines.line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _not_csv(error, lines.line) from error
        if not cells:
            continue  # a blank line
        if len(cells) != len(columns):
            problem = ngettext(
                "%(cells)d cell where the header has %(columns)d",
                "%(cells)d cells where the header has %(columns)d",
                len(cells),
            ) % {"cells": len(cells), "columns": len(columns)}
            name = cells[name_at] if name_at < len(cells) else ""
            yield CsvRow(start, {"name": name}, problem)
            continue
        yield CsvRow(start, dict(zip(columns, cells, strict=True)))


def _not_csv(error: Exception, line: int) -> ImportFileError:
    return ImportFileError(
        _("The file is not readable CSV (line %(line)d): %(error)s.")
        % {"line": max(line, 1), "error": error}
    )


class _Lines:
    """Hands csv.reader one decoded physical line at a time, counting and bounding them."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.line = 0
        self.row_chars = 0

    def __iter__(self):
        return self

    def start_row(self) -> None:
        self.row_chars = 0

    def __next__(self) -> str:
        raw = self.stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            raise StopIteration
        self.line += 1
        if len(raw) > MAX_LINE_BYTES:
            raise ImportFileError(
                _(
                    "Line %(line)d is longer than %(max)d KiB: this is not a supporters list "
                    "(or its line breaks are missing)."
                )
                % {"line": self.line, "max": MAX_LINE_BYTES // 1024}
            )
        if self.line == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFileError(
                _("The file is not UTF-8 text (line %(line)d): save it as CSV, UTF-8.")
                % {"line": self.line}
            ) from None
        if "\x00" in text:
            error = csv.Error(_("it contains NUL bytes, so it is not a text file"))
            raise _not_csv(error, self.line)
        self.row_chars += len(text)
        if self.row_chars > MAX_ROW_CHARS:
            raise ImportFileError(
                _(
                    "The row ending on line %(line)d is longer than %(max)d KiB: "
                    "is a quote left open?"
                )
                % {"line": self.line, "max": MAX_ROW_CHARS // 1024}
            )
        return text
