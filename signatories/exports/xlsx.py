"""/signatories.xlsx: the list as filtered, as an Excel workbook, in constant memory.

The sheet has the CSV's columns in the CSV's order (`signatories.columns`), a header row,
and every cell a text cell: written with XlsxWriter's `write_string`, which never makes a
formula of text that starts with "=", so the cells need no apostrophe in front (the CSV's
guard, `columns.neutralise_cell`): each holds the CSV cell's value itself.

XlsxWriter's `constant_memory` mode writes each row to a temp file as soon as the next one
starts, and writes strings inline, with no table of shared strings held until the end:
memory stays flat whatever the number of rows. A workbook is a zip, whose directory comes
last, so it can't be sent as it is written: it is written whole to an unnamed temp file in
EXPORT_CACHE_DIR (freed when the response closes it), then sent with a Content-Length.

Failures are those of the CSV, as seen by the client: nothing is sent before the workbook is
complete, so a database failing before or while it is written gives the CSV's 503 (plain
text saying so, Retry-After); a disk that can't hold the temp file, a 503 saying that.
"""

import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import xlsxwriter
from django.conf import settings
from django.db import DatabaseError
from django.http import FileResponse, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from signatories import columns
from signatories.exports import stream as export
from signatories.exports.published import TITLE, last_changed
from signatories.models import SignatoryQuerySet

logger = logging.getLogger(__name__)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_FILENAME = "paris-call-supporters.xlsx"
SHEET_NAME = "supporters"


def xlsx_response(queryset: SignatoryQuerySet) -> HttpResponse:
    """The supporters as an Excel download, or the CSV's 503 when it could not be made."""
    try:
        handle = workbook_file(queryset)
    except DatabaseError:
        return export.csv_unavailable()
    except OSError:
        logger.exception("The Excel export could not be written in %s.", settings.EXPORT_CACHE_DIR)
        response = HttpResponse(
            _("The export could not be written on the server; it was not made. Try again later.")
            + "\n",
            content_type="text/plain; charset=utf-8",
            status=503,
        )
        response["Retry-After"] = str(export.RETRY_AFTER_SECONDS)
        return response
    return FileResponse(
        handle, content_type=XLSX_CONTENT_TYPE, as_attachment=True, filename=XLSX_FILENAME
    )


def xlsx_head() -> HttpResponse:
    """What a HEAD request on the Excel export gets: its headers, without running it."""
    response = HttpResponse(content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{XLSX_FILENAME}"'
    return response


def workbook_file(queryset: SignatoryQuerySet) -> BinaryIO:
    """The supporters as a workbook in an unnamed temp file, open at its start.

    XlsxWriter's own temp files (the rows, the parts of the zip) go to a folder of this
    export's, removed whatever happens; the rows' cursor is closed whatever happens.
    """
    directory = Path(settings.EXPORT_CACHE_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    handle = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115  (the response closes it)
    rows = queryset.export_rows().iterator(chunk_size=export.FETCH)
    try:
        with tempfile.TemporaryDirectory(dir=directory, prefix=".xlsx-") as parts:
            _write(xlsxwriter.Workbook(handle, {"constant_memory": True, "tmpdir": parts}), rows)
        handle.seek(0)
        return handle
    except BaseException:
        handle.close()
        raise
    finally:
        rows.close()


def _write(workbook: xlsxwriter.Workbook, rows: Iterable[tuple]) -> None:
    # The same rows give the same bytes, whenever and in whichever language they are asked
    # for (as the CSV): the workbook is dated by the data, not by the moment it was
    # written, and titled in English.
    changed = last_changed()
    with translation.override(settings.LANGUAGE_CODE):
        properties = {"title": str(TITLE)}
    if changed:
        properties["created"] = changed.replace(tzinfo=None)
    workbook.set_properties(properties)
    sheet = workbook.add_worksheet(SHEET_NAME)
    write = sheet.write_string
    for number, name in enumerate(columns.CSV_COLUMNS):
        write(0, number, name)
    for row_number, row in enumerate(rows, start=1):
        for number, cell in enumerate(columns.text_row(row)):
            if cell:
                write(row_number, number, cell)
    workbook.close()
