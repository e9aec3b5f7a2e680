"""The benchmark's server and load: gunicorn with production settings on 127.0.0.1, `wrk`
for the closed-loop figures, and URLs sent one at a time for the service time; the
environment every process of the run gets."""

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import workload

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
CONNECTIONS = 8
THREADS = 4
ENV = {
    **os.environ,
    "DJANGO_DEBUG": "False",
    "DJANGO_SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
}
ENV.pop("CACHE_URL", None)
# The full exports' files (one per revision), kept apart from any other run's or site's.
EXPORTS_DIR = WORK / "exports"
ENV["DJANGO_EXPORT_CACHE_DIR"] = str(EXPORTS_DIR)


class Server:
    """gunicorn, 2 workers of 4 threads each, production settings, on 127.0.0.1.

    Threads (gthread) so that a long export holds one thread, not a whole worker: pages
    keep being served while people download."""

    def __init__(self, database_url: str):
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "pariscall.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "2",
                "--worker-class",
                "gthread",
                "--threads",
                str(THREADS),
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

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{PORT}{path}"

    def get(self, path: str) -> bytes:
        request = urllib.request.Request(self.url(path), headers={"X-Forwarded-Proto": "https"})
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


def load(
    path: str,
    seconds: int,
    connections: int,
    paths: list[str] | None = None,
    urls_file: Path | None = None,
) -> dict:
    env = {**os.environ, "BENCH_PATHS": " ".join(paths or []), "BENCH_URLS": str(urls_file or "")}
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


def service_times(server, urls: list[str]) -> dict:
    """Each URL sent once, one after another, over HTTP: what a reader waits when nobody
    else is asking (no queueing behind other requests), by kind of request."""
    timings: dict[str, list[float]] = {}
    not_found: dict[str, int] = {}
    for path in urls:
        kind = workload.search_class(path)
        started = time.perf_counter()
        try:
            server.get(path)
        except urllib.error.HTTPError as error:
            if error.code != 404:  # past a list's last page, as for a reader
                raise
            for counted in (kind, "all"):
                not_found[counted] = not_found.get(counted, 0) + 1
        elapsed = (time.perf_counter() - started) * 1000
        timings.setdefault(kind, []).append(elapsed)
        timings.setdefault("all", []).append(elapsed)
    return {
        kind: {**percentiles(values), "not_found": not_found.get(kind, 0)}
        for kind, values in timings.items()
    }


def percentiles(values: list[float]) -> dict:
    ordered = sorted(values)

    def rank(share: float) -> float:  # nearest rank
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]

    return {
        "requests": len(ordered),
        "p50_ms": rank(0.50),
        "p95_ms": rank(0.95),
        "p99_ms": rank(0.99),
        "max_ms": ordered[-1],
    }
