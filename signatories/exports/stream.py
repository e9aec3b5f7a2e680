"""The exports: /signatories.csv, /signatories.json and the admin's CSV action.

Rows come from `SignatoryQuerySet.export_rows` as tuples and are written through the column
map (`signatories.columns`): no model instance is built, and rows are fetched a chunk at a
time, so memory stays flat whatever the size of the export.

An export must never look complete when it is not. The first chunk is fetched before the
response starts, so a database that can't answer gives a 503 with a message, not a 200
with only a header. A failure later, mid-stream, is raised, not caught: the server then
cuts the connection and the client sees a truncated download (the JSON lacks its closing
bracket). The JSON's `count` comes last, once every row is written, so it is exactly the
number of results it follows.
"""

import csv
import logging
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from signatories import columns
from signatories.models import SignatoryQuerySet

logger = logging.getLogger(__name__)

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
CSV_FILENAME = "paris-call-supporters.csv"
JSON_CONTENT_TYPE = "application/json"
# Rows fetched per round trip, and written per chunk of the response.
FETCH = 10_000
CHUNK = 2000
# How long a client is asked to wait before trying again when the database is unavailable.
RETRY_AFTER_SECONDS = 30


def csv_response(queryset: SignatoryQuerySet) -> HttpResponse:
    """The supporters as a CSV download (the public export and the admin action alike)."""
    try:
        rows = checked_rows(queryset)
    except DatabaseError:
        return csv_unavailable()
    response = StreamingHttpResponse(csv_lines(rows), content_type=CSV_CONTENT_TYPE)
    return _as_attachment(response)


def json_response(queryset: SignatoryQuerySet) -> HttpResponse:
    """The supporters as `{"results": [...], "count": n}`, streamed."""
    try:
        rows = checked_rows(queryset)
    except DatabaseError:
        return json_unavailable()
    return StreamingHttpResponse(json_lines(rows), content_type=JSON_CONTENT_TYPE)


def csv_unavailable() -> HttpResponse:
    """The CSV export's 503: the database could not answer before anything was sent."""
    return _unavailable(_text_response)


def json_unavailable() -> HttpResponse:
    """The JSON export's 503: the database could not answer before anything was sent."""
    return _unavailable(_json_response)


def csv_head() -> HttpResponse:
    """What a HEAD request on the CSV export gets: its headers, without running it.

    Streamed, as the GET is, so that no Content-Length (of an empty body) is given.
    """
    return _as_attachment(StreamingHttpResponse((), content_type=CSV_CONTENT_TYPE))


def json_head() -> HttpResponse:
    """What a HEAD request on the JSON export gets: its headers, without running it."""
    return StreamingHttpResponse((), content_type=JSON_CONTENT_TYPE)


def csv_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """The header, then the rows, a chunk of lines at a time."""
    buffer = _LineBuffer()
    writer = csv.writer(buffer)
    writer.writerow(columns.CSV_COLUMNS)
    yield buffer.take()
    for chunk in _chunks(rows):
        writer.writerows(columns.csv_row(row) for row in chunk)
        yield buffer.take()


def json_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """The JSON document, a chunk of results at a time; the count once they are all out."""
    yield '{"results": ['
    count = 0
    json_record = columns.json_writer()
    for chunk in _chunks(rows):
        lines = [json_record(row) for row in chunk]
        yield ("," if count else "") + "\n" + ",\n".join(lines)
        count += len(lines)
    yield f'\n], "count": {count}}}\n'


def checked_rows(queryset: SignatoryQuerySet) -> Iterator[tuple]:
    """The export's rows; raises DatabaseError now, not mid-response, if the query fails."""
    rows = queryset.export_rows().iterator(chunk_size=FETCH)
    first = list(islice(rows, 1))
    return chain(first, rows)


def _chunks(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK)):
        yield chunk


class _LineBuffer:
    """A file-like object that csv.writer writes to, emptied by each `take()`."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def _as_attachment(response: HttpResponse) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{CSV_FILENAME}"'
    return response


def _unavailable(respond) -> HttpResponse:
    logger.exception("The export's query failed before the response started.")
    response = respond(
        _("The directory's database is unavailable; the export was not made. Try again later.")
    )
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _text_response(message: str) -> HttpResponse:
    return HttpResponse(message + "\n", content_type="text/plain; charset=utf-8")


def _json_response(message: str) -> HttpResponse:
    return JsonResponse({"error": message})
