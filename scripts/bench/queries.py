"""SQL queries per request for each benchmarked page, and PostgreSQL's plans of the list
queries. Run by run.py with the benchmarked database's environment; prints JSON."""

import json
import os
import sys
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
    assert response.status_code == 200, (path, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


def main() -> None:
    pages = json.loads(sys.argv[1])
    explain = sys.argv[2:] == ["--explain"]
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
                {"sql": sql, "plan": _explain(sql)}
                for sql in cold
                if "signatories_signatory" in sql and sql.lstrip().upper().startswith("SELECT")
            ]
    print(json.dumps(result))


def _explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


if __name__ == "__main__":
    main()
