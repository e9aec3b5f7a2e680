"""The benchmark behind `make bench` (started by scripts/bench.sh, which provides a
throwaway PostgreSQL cluster in BENCH_PG_URL). For each database and table size: migrate a
scratch database, load the principles, add synthetic supporters, serve it with gunicorn
(2 workers, production settings) on 127.0.0.1, load each page with wrk (8 connections, for
BENCH_SECONDS), count SQL queries per request, and measure a full JSON export's worker
memory; then a soak of 64 connections. Writes docs/performance.md."""

import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
CONNECTIONS = 8
SQLITE_MAX = int(os.environ.get("BENCH_SQLITE_MAX", "100000"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "10000 100000 1000000").split()]
ENV = {
    **os.environ,
    "DJANGO_DEBUG": "False",
    "DJANGO_SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
}
ENV.pop("CACHE_URL", None)


def pages(count: int) -> dict[str, str]:
    deep = min(1000, max(1, count // 50))
    return {
        "floor": "/principles/",
        "list": "/signatories/",
        "filtered": "/signatories/?type=civil-society&region=europe",
        "search": "/signatories/?q=sentinel",
        "deep": f"/signatories/?page={deep}",
        "detail": f"/signatories/synthetic-{count // 2}/",
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


class Server:
    """gunicorn, 2 workers, production settings, on 127.0.0.1."""

    def __init__(self, database_url: str):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "pariscall.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "2",
                # A full export of a million rows streams for a minute or two.
                "--timeout",
                "600",
                "--access-logfile",
                "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**ENV, "DATABASE_URL": database_url},
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("/principles/")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def get(self, path: str) -> bytes:
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORT}{path}", headers={"X-Forwarded-Proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.read()

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def worker_rss_mb(self) -> float:
        """The largest resident set of the workers, in MB."""
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return max(sizes)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def load(path: str, seconds: int, connections: int, paths: list[str] | None = None) -> dict:
    env = {**os.environ, "BENCH_PATHS": " ".join(paths or [])}
    output = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "scripts" / "bench" / "report.lua"),
            f"http://127.0.0.1:{PORT}{path}",
        ],
        check=True,
        text=True,
        capture_output=True,
        env=env,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def export_peak_rss(server: Server) -> tuple[float, float, int]:
    """Download the whole JSON export while sampling the workers' memory."""
    peak = server.worker_rss_mb()
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, server.worker_rss_mb())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.monotonic()
    body = server.get("/signatories.json")
    elapsed = time.monotonic() - started
    done.set()
    sampler.join()
    return peak, elapsed, json.loads(body)["count"]


def bench(vendor: str, count: int, explain: bool) -> dict:
    print(f"== {vendor}, {count:,} supporters", flush=True)
    url = scratch_database(vendor, count)
    manage(url, "migrate", "--no-input", "-v0")
    manage(url, "loaddata", "fixtures/principles.json", "-v0")
    started = time.monotonic()
    manage(url, "seed_synthetic", "--count", str(count), capture=True)
    seeded = time.monotonic() - started
    paths = pages(count)
    queries = json.loads(
        subprocess.run(
            [
                PYTHON,
                "scripts/bench/queries.py",
                json.dumps(paths),
                *(["--explain"] if explain else []),
            ],
            cwd=ROOT,
            env={**ENV, "DATABASE_URL": url},
            check=True,
            text=True,
            capture_output=True,
        ).stdout
    )
    server = Server(url)
    try:
        results = {}
        for name, path in paths.items():
            server.get(path)  # warm: counts cached, connections open
            results[name] = load(path, SECONDS, CONNECTIONS)
            rps, p95 = results[name]["rps"], results[name]["p95_ms"]
            print(f"   {name:9} {rps:8.1f} req/s  p95 {p95:.1f} ms", flush=True)
        rss_before = server.worker_rss_mb()
        peak, export_seconds, exported = export_peak_rss(server)
        soak = None
        if explain:
            soak_rss_before = server.worker_rss_mb()
            soak = load("/", SOAK_SECONDS, 64, paths=list(paths.values()))
            soak["rss_before_mb"] = soak_rss_before
            soak["rss_after_mb"] = server.worker_rss_mb()
            print(f"   soak: {soak}", flush=True)
    finally:
        server.stop()
    return {
        "vendor": vendor,
        "count": count,
        "seeded_seconds": seeded,
        "paths": paths,
        "results": results,
        "queries": queries,
        "rss_idle_mb": rss_before,
        "export_peak_mb": peak,
        "export_seconds": export_seconds,
        "exported": exported,
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
    runs = []
    largest_pg = max(SIZES)
    for count in SIZES:
        if count <= SQLITE_MAX:
            runs.append(bench("sqlite", count, explain=False))
    for count in SIZES:
        runs.append(bench("postgresql", count, explain=count == largest_pg))
    (WORK / "results.json").write_text(json.dumps({"machine": machine(), "runs": runs}, indent=2))
    subprocess.run(
        [PYTHON, "scripts/bench/report.py", str(WORK / "results.json")], cwd=ROOT, check=True
    )
    for path in WORK.glob("bench-*.sqlite3"):
        path.unlink()
    shutil.rmtree(WORK / "tmp", ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
