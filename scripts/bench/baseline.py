"""What the database alone takes to dump an export's rows: the floor the exports are held to.

For each export path (its query string chooses the rows), the export's own query (the
list's filters and order, the stored columns the export reads: `export_rows`) runs on the
database directly: PostgreSQL's `COPY (query) TO STDOUT` in CSV, SQLite's rows fetched and
written as CSV by Python's csv module (SQLite has no COPY). Run by run.py with the
benchmarked database's environment; prints JSON: {path: {"seconds", "rows", "bytes"}}.
"""

import csv
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pariscall.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402

from signatories import columns  # noqa: E402
from signatories.directory.filters import SignatoryFilter  # noqa: E402
from signatories.models import Signatory  # noqa: E402


class Sink:
    """Counts what is written and keeps none of it."""

    def __init__(self):
        self.bytes = 0
        self.lines = 0

    def write(self, data) -> int:
        self.bytes += len(data)
        self.lines += data.count("\n" if isinstance(data, str) else b"\n")
        return len(data)


def sql_for(path: str) -> tuple[str, tuple]:
    filterset = SignatoryFilter(QueryDict(urlsplit(path).query), queryset=Signatory.objects.all())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs.export_rows().query.sql_with_params()


def dump(path: str) -> dict:
    sql, parameters = sql_for(path)
    sink = Sink()
    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            query = cursor.cursor.mogrify(sql, parameters).decode()
            cursor.cursor.copy_expert(f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)", sink)
            rows = sink.lines - 1
        else:
            cursor.execute(sql, parameters)
            writer = csv.writer(sink)
            writer.writerow(columns.FIELDS)
            rows = 0
            while batch := cursor.fetchmany(2000):
                writer.writerows(batch)
                rows += len(batch)
    return {"seconds": time.monotonic() - started, "rows": rows, "bytes": sink.bytes}


if __name__ == "__main__":
    print(json.dumps({path: dump(path) for path in json.loads(sys.argv[1])}))
