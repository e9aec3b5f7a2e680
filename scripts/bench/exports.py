"""The exports in the benchmark: each download timed against the database's own dump of the
same rows (baseline.py), the workers' peak memory while it streams, and the home page's
latency while four full exports stream at once. The Excel workbook is written whole on the
server (in constant memory) before it is sent: its rows are counted in the file received."""

import json
import re
import subprocess
import tempfile
import threading
import time
import urllib.request
import zipfile

FILTERED = "type=civil-society&region=europe"
# The full exports twice: the first download after a change writes the revision's file
# (signatories/exports/files.py) and its client waits for all of it; later ones are served
# from that file.
EXPORTS = {
    "full CSV": "/signatories.csv",
    "full JSON": "/signatories.json",
    "full CSV, again": "/signatories.csv",
    "full JSON, again": "/signatories.json",
    "filtered CSV": f"/signatories.csv?{FILTERED}",
    "filtered JSON": f"/signatories.json?{FILTERED}",
    "full Excel": "/signatories.xlsx",
    "filtered Excel": f"/signatories.xlsx?{FILTERED}",
}
CONCURRENT_EXPORTS = 4


class PeakMemory:
    """Samples the workers' largest resident set every 50 ms while in its `with` block."""

    def __init__(self, server):
        self.server = server
        self.peak = server.worker_rss_mb()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample)

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self.server.worker_rss_mb())
            time.sleep(0.05)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()


def _open(server, path: str):
    request = urllib.request.Request(server.url(path), headers={"X-Forwarded-Proto": "https"})
    return urllib.request.urlopen(request, timeout=600)


def csv_path(path: str) -> str:
    """The CSV export of the same rows: the database's dump it is held to (baseline.py)."""
    return path.replace(".json", ".csv").replace(".xlsx", ".csv")


def download(server, path: str, stop: threading.Event | None = None) -> dict:
    """Stream an export to nowhere; its time, size and rows (lines, or the JSON's count)."""
    if path.startswith("/signatories.xlsx"):
        return _download_workbook(server, path)
    started = time.monotonic()
    size = lines = 0
    tail = b""
    with _open(server, path) as response:
        while chunk := response.read(1 << 16):
            if stop is not None and stop.is_set():
                break
            size += len(chunk)
            lines += chunk.count(b"\n")
            tail = (tail + chunk)[-256:]
    seconds = time.monotonic() - started
    if path.startswith("/signatories.json"):
        # The JSON's count comes after its rows.
        found = re.search(rb'"count":\s*(\d+)', tail)
        rows = int(found.group(1)) if found else -1
    else:
        rows = lines - 1
    return {"seconds": seconds, "bytes": size, "rows": rows}


def _download_workbook(server, path: str) -> dict:
    """Download a workbook to a temp file; its time, size and rows (the sheet's, less the
    header), counted in the sheet's XML as it is unzipped, a block at a time."""
    started = time.monotonic()
    size = 0
    with tempfile.TemporaryFile() as file:
        with _open(server, path) as response:
            while chunk := response.read(1 << 16):
                size += len(chunk)
                file.write(chunk)
        seconds = time.monotonic() - started
        rows = 0
        tail = b""
        with zipfile.ZipFile(file).open("xl/worksheets/sheet1.xml") as sheet:
            while block := sheet.read(1 << 20):
                # A tag cut between two blocks is counted once, in the second.
                rows += (tail + block).count(b"<row ") - tail.count(b"<row ")
                tail = block[-8:]
    return {"seconds": seconds, "bytes": size, "rows": rows - 1}


def measure(server, baseline: dict) -> dict:
    """Each export once, with its worker's peak memory, next to the database's dump."""
    results = {}
    for name, path in EXPORTS.items():
        with PeakMemory(server) as memory:
            result = download(server, path)
        floor = baseline[csv_path(path)]
        results[name] = {
            **result,
            "path": path,
            "peak_mb": memory.peak,
            "database_seconds": floor["seconds"],
            "database_rows": floor["rows"],
        }
        print(
            f"   {name:16} {result['seconds']:6.1f} s  database {floor['seconds']:5.1f} s  "
            f"peak {memory.peak:.0f} MB",
            flush=True,
        )
    return results


def home_during_exports(server, load, seconds: int) -> dict:
    """The home page under wrk (2 connections) while four full CSV exports stream."""
    stop = threading.Event()

    def export_again_and_again():
        while not stop.is_set():
            download(server, EXPORTS["full CSV"], stop)

    streams = [threading.Thread(target=export_again_and_again) for _ in range(4)]
    for stream in streams:
        stream.start()
    time.sleep(1)  # every export under way
    try:
        with PeakMemory(server) as memory:
            result = load("/", seconds, 2)
    finally:
        stop.set()
        for stream in streams:
            stream.join()
    result["peak_mb"] = memory.peak
    return result


def baseline(python: str, root, env: dict) -> dict:
    paths = sorted({csv_path(path) for path in EXPORTS.values()})
    output = subprocess.run(
        [python, "scripts/bench/baseline.py", json.dumps(paths)],
        cwd=root,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return json.loads(output)
