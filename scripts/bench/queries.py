"""SQL queries per request for each benchmarked page, and PostgreSQL's plans of the list
queries: the repeated pages' and those of the slowest requests of the varied workload
(the first VARIED_SAMPLE of its URLs, sent in order, timed here in-process). Run by
run.py with the benchmarked database's environment; prints JSON."""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pariscall.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def _queries(client: Client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, secure=True)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code in (200, 404), (path, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


VARIED_SAMPLE = 300
SLOWEST = 3


def main() -> None:
    pages = json.loads(sys.argv[1])
    explain = "--explain" in sys.argv[2:]
    varied = sys.argv[3] if explain and len(sys.argv) > 3 else None
    client = Client()
    result = {"cold": {}, "warm": {}, "plans": {}}
    for name, path in pages.items():
        cache.clear()
        cold = _queries(client, path)
        warm = _queries(client, path)
        result["cold"][name] = len(cold)
        result["warm"][name] = len(warm)
        if explain and name in ("filtered", "search", "list"):
            result["plans"][name] = [
                {"sql": sql, "plan": _explain(sql)} for sql in cold if _on_supporters(sql)
            ]
    if varied:
        result["varied_plans"] = _slowest(client, Path(varied).read_text().split()[:VARIED_SAMPLE])
    print(json.dumps(result))


def _slowest(client: Client, urls: list[str]) -> list[dict]:
    """The slowest of these requests (sent in order, as the varied workload does), each
    with its time and the plans of its queries on the supporters table."""
    cache.clear()
    timed = []
    for url in urls:
        started = time.monotonic()
        sqls = _queries(client, url)
        timed.append((time.monotonic() - started, url, sqls))
    timed.sort(reverse=True)
    return [
        {
            "url": url,
            "ms": seconds * 1000,
            "plans": [{"sql": sql, "plan": _explain(sql)} for sql in sqls if _on_supporters(sql)],
        }
        for seconds, url, sqls in timed[:SLOWEST]
    ]


def _on_supporters(sql: str) -> bool:
    return "signatories_signatory" in sql and sql.lstrip().upper().startswith("SELECT")


def _explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


if __name__ == "__main__":
    main()
