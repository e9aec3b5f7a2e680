"""The benchmark behind `make bench` (started by scripts/bench.sh, which provides a
throwaway PostgreSQL cluster in BENCH_PG_URL). For each database and table size: migrate a
scratch database, load the principles, add synthetic supporters, serve it with gunicorn
(2 gthread workers of 4 threads, production settings) on 127.0.0.1, load each page with wrk
(8 connections, for BENCH_SECONDS), then the varied workload (every request a URL not sent
before in the run, see workload.py): its service time (BENCH_SERVICE_URLS URLs one at a time)
and its throughput (8 connections); count SQL queries per request, time each export
against the database's own dump of the same rows with the workers' peak memory, and the
home page while four full exports stream; then a soak of 64 connections. Writes
docs/performance.md."""

import datetime
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import exports
import workload
from server import (
    CONNECTIONS,
    ENV,
    EXPORTS_DIR,
    PYTHON,
    ROOT,
    SECONDS,
    SOAK_SECONDS,
    WORK,
    Server,
    load,
    service_times,
)

# URLs written for the varied workload: more than the fastest run can send.
VARIED_URLS = int(os.environ.get("BENCH_VARIED_URLS", "60000"))
# Never-sent URLs sent one at a time for the service time (no queueing).
SERVICE_URLS = int(os.environ.get("BENCH_SERVICE_URLS", "400"))
# The directory as bundled (fixtures and the official list): the size `bundled` in BENCH_SIZES.
SNAPSHOT = "data/official-supporters-2025-12-25.csv"
BUNDLED = 0
SQLITE_MAX = int(os.environ.get("BENCH_SQLITE_MAX", "100000"))
POSTGRESQL_MAX = int(os.environ.get("BENCH_POSTGRESQL_MAX", "1000000"))
SIZES = [
    BUNDLED if size == "bundled" else int(size)
    for size in os.environ.get("BENCH_SIZES", "bundled 10000 100000 1000000").split()
]


def pages(count: int, detail: str) -> dict[str, str]:
    # A page well inside the list of current supporters (some synthetic ones have left).
    deep = min(1000, max(1, count // 60))
    return {
        "floor": "/principles/",
        "list": "/signatories/",
        "filtered": "/signatories/?type=civil-society&region=europe",
        "search": "/signatories/?q=sentinel",
        "deep": f"/signatories/?page={deep}",
        "detail": f"/signatories/{detail}/",
        "json": "/signatories.json?type=public-authority&region=africa",
        "countries": "/countries/",
        "country": "/countries/fr/",
    }


def manage(database_url: str, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env={**ENV, "DATABASE_URL": database_url},
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout if capture else ""


def scratch_database(vendor: str, count: int) -> str:
    if vendor == "sqlite":
        path = WORK / f"bench-{count}.sqlite3"
        path.unlink(missing_ok=True)
        # Write-ahead logging (kept by the file): an export streaming its rows would
        # otherwise hold a lock that stops every other thread writing to the cache.
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
        return f"sqlite:///{path}"
    admin_url = os.environ["BENCH_PG_URL"]
    name = f"bench_{count}"
    postgres_sql(admin_url, f"DROP DATABASE IF EXISTS {name}")
    postgres_sql(admin_url, f"CREATE DATABASE {name}")
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def postgres_sql(url: str, statement: str) -> str:
    """Run one statement outside a transaction (CREATE DATABASE can't run in one)."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    parameters = {
        "dbname": config["NAME"],
        "user": config["USER"],
        "host": config["HOST"],
        "port": config["PORT"],
        **config["OPTIONS"],  # the unix socket's directory and port, from the query string
    }
    connection = psycopg2.connect(**{key: value for key, value in parameters.items() if value})
    connection.autocommit = True
    with connection.cursor() as cursor:  # not `with connection`: that opens a transaction
        cursor.execute(statement)
        row = cursor.fetchone() if cursor.description else None
    connection.close()
    return str(row[0]) if row else ""


def bench(vendor: str, count: int, explain: bool) -> dict:
    print(f"== {vendor}, {f'{count:,}' if count else 'the bundled'} supporters", flush=True)
    url, seeded = _seeded_database(vendor, count)
    facts = _directory_facts(url)
    count = count or facts["count"]
    paths = pages(count, facts["middle_slug"])
    # Only the parameters this list has (a new filter joins the workload by itself).
    known = set(facts["parameters"])
    varied_urls = workload.urls(VARIED_URLS, known=known)
    urls_file = WORK / "varied-urls.txt"
    urls_file.write_text("\n".join(varied_urls) + "\n")
    service_urls = workload.urls(SERVICE_URLS, seed=1, known=known, exclude=set(varied_urls))
    queries = _queries(url, paths, urls_file if explain else None)
    env = {**ENV, "DATABASE_URL": url}
    baseline = exports.baseline(PYTHON, ROOT, env)
    server = Server(url)
    try:
        measured = _load_everything(server, paths, urls_file, service_urls, baseline, explain)
    finally:
        server.stop()
    return {
        "vendor": vendor,
        "count": count,
        "bundled": facts["bundled"],
        "parameters": sorted(known),
        "seeded_seconds": seeded,
        "paths": paths,
        "queries": queries,
        **measured,
    }


def _seeded_database(vendor: str, count: int) -> tuple[str, float]:
    """A scratch database of `count` synthetic supporters, and how long seeding took."""
    url = scratch_database(vendor, count)
    manage(url, "migrate", "--no-input", "-v0")
    started = time.monotonic()
    if count == BUNDLED:  # as `make run` loads it
        manage(url, "loaddata", *sorted(str(p) for p in (ROOT / "fixtures").glob("*.json")), "-v0")
        manage(url, "import_signatories", SNAPSHOT, "--full-list", "--skip-invalid", "-v0")
    else:
        manage(url, "loaddata", "fixtures/principles.json", "-v0")
        manage(url, "seed_synthetic", "--count", str(count), capture=True)
    return url, time.monotonic() - started


FACTS = """
import json
from signatories.directory.filters import SignatoryFilter
from signatories.models import Signatory
current = Signatory.objects.current().by_name()
count = current.count()
print(json.dumps({
    "count": count,
    "middle_slug": current.values_list("slug", flat=True)[count // 2],
    "bundled": not Signatory.objects.filter(slug__startswith="synthetic-").exists(),
    "parameters": [*SignatoryFilter.base_filters, "page"],
}))
"""


def _directory_facts(url: str) -> dict:
    """How many current supporters, one in the middle for the supporter page, and the
    list's parameters."""
    return json.loads(manage(url, "shell", "-c", FACTS, capture=True).strip().splitlines()[-1])


def _queries(url: str, paths: dict, explain_urls: Path | None) -> dict:
    """The SQL each page runs, cold and cached, and the plans of the slowest varied URLs."""
    explain = ["--explain", str(explain_urls)] if explain_urls else []
    completed = subprocess.run(
        [PYTHON, "scripts/bench/queries.py", json.dumps(paths), *explain],
        cwd=ROOT,
        env={**ENV, "DATABASE_URL": url},
        check=True,
        text=True,
        capture_output=True,
    )
    return json.loads(completed.stdout)


def _load_everything(
    server, paths: dict, urls_file: Path, service_urls: list[str], baseline, explain: bool
) -> dict:
    """Each page, the varied workload's service time and throughput, the exports, the home
    page during exports, the soak."""
    results = {}
    for name, path in paths.items():
        server.get(path)  # warm: counts cached, connections open
        results[name] = load(path, SECONDS, CONNECTIONS)
        rps, p95 = results[name]["rps"], results[name]["p95_ms"]
        print(f"   {name:9} {rps:8.1f} req/s  p95 {p95:.1f} ms", flush=True)
    service = service_times(server, service_urls)
    print(f"   service   p95 {service['all']['p95_ms']:.1f} ms", flush=True)
    varied = load("/signatories/", SECONDS, CONNECTIONS, urls_file=urls_file)
    print(f"   varied    {varied['rps']:8.1f} req/s  p95 {varied['p95_ms']:.1f} ms", flush=True)
    rss_before = server.worker_rss_mb()
    exported = exports.measure(server, baseline)
    home = exports.home_during_exports(server, load, SECONDS)
    print(f"   home during 4 exports: p95 {home['p95_ms']:.1f} ms", flush=True)
    soak = None
    if explain:
        soak_rss_before = server.worker_rss_mb()
        soak = load("/", SOAK_SECONDS, 64, paths=list(paths.values()))
        soak["rss_before_mb"] = soak_rss_before
        soak["rss_after_mb"] = server.worker_rss_mb()
        print(f"   soak: {soak}", flush=True)
    return {
        "results": results,
        "service": service,
        "varied": varied,
        "rss_idle_mb": rss_before,
        "exports": exported,
        "home_during_exports": home,
        "soak": soak,
    }


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    postgres = postgres_sql(os.environ["BENCH_PG_URL"], "SHOW server_version")
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "python": platform.python_version(),
        "postgres": postgres,
        "sqlite": __import__("sqlite3").sqlite_version,
        "date": datetime.datetime.now(tz=datetime.UTC).date().isoformat(),
    }


def main() -> None:
    WORK.mkdir(exist_ok=True)
    shutil.rmtree(EXPORTS_DIR, ignore_errors=True)
    EXPORTS_DIR.mkdir()
    runs = []
    largest_pg = max((size for size in SIZES if size <= POSTGRESQL_MAX), default=0)
    for count in SIZES:
        if count <= SQLITE_MAX:
            runs.append(bench("sqlite", count, explain=False))
    for count in SIZES:
        if count <= POSTGRESQL_MAX:
            runs.append(bench("postgresql", count, explain=count == largest_pg))
    (WORK / "results.json").write_text(json.dumps({"machine": machine(), "runs": runs}, indent=2))
    subprocess.run(
        [PYTHON, "scripts/bench/report.py", str(WORK / "results.json")], cwd=ROOT, check=True
    )
    for path in WORK.glob("bench-*.sqlite3"):
        path.unlink()
    shutil.rmtree(WORK / "tmp", ignore_errors=True)
    shutil.rmtree(EXPORTS_DIR, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
