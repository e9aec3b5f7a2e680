"""The garbage collector's full collections during new list pages, in one process, with
and without freezing what the process built by its first answer (`pariscall/wsgi.py`).

Sends WARM of the closed loop's URLs (filling the cache as a run does), then SERVICE new
URLs of the varied workload one at a time through the site's WSGI application, and prints
as JSON the service URLs' p50 / p95 / p99, each full collection's length during them, and
how many objects the collector then tracks. Run it alternately in both modes on the same
database, with the environment of `make bench` (DATABASE_URL, DJANGO_*):

    python scripts/bench/pauses.py frozen|unfrozen [WARM] [SERVICE]
"""

import gc
import json
import os
import sys
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pariscall.settings")

import workload  # noqa: E402

from pariscall import wsgi  # noqa: E402


def main() -> None:
    mode = sys.argv[1]
    if mode not in ("frozen", "unfrozen"):
        sys.exit("usage: pauses.py frozen|unfrozen [WARM] [SERVICE]")
    warm_count, service_count = (int(arg) for arg in (sys.argv[2:] + ["800", "400"])[:2])
    # Unfrozen: as if the first answer had already frozen, so that nothing is.
    wsgi._frozen = mode == "unfrozen"
    from signatories.directory.filters import SignatoryFilter

    known = {*SignatoryFilter.base_filters, "page"}
    warm = workload.urls(warm_count, known=known)
    service = workload.urls(service_count, seed=1, known=known, exclude=set(warm))
    for url in warm:
        _get(url)
    pauses = []
    started = []

    def timed(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started.append(time.perf_counter())
            else:
                pauses.append(round((time.perf_counter() - started.pop()) * 1000, 1))

    gc.callbacks.append(timed)
    times = []
    for url in service:
        begun = time.perf_counter()
        _get(url)
        times.append((time.perf_counter() - begun) * 1000)
    gc.callbacks.remove(timed)
    times.sort()

    def quantile(q: float) -> float:
        return round(times[min(len(times) - 1, int(q * len(times)))], 1)

    print(
        json.dumps(
            {
                "mode": mode,
                "p50_ms": quantile(0.5),
                "p95_ms": quantile(0.95),
                "p99_ms": quantile(0.99),
                "full_collections_ms": pauses,
                "tracked": len(gc.get_objects()),
                "frozen": gc.get_freeze_count(),
            }
        )
    )


def _get(url: str) -> int:
    path, _, query = url.partition("?")
    environ = {
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "https",
    }
    setup_testing_defaults(environ)
    statuses = []
    body = wsgi.application(environ, lambda status, headers: statuses.append(status))
    try:
        b"".join(body)
    finally:
        getattr(body, "close", lambda: None)()
    if statuses[0][:3] not in ("200", "404"):
        sys.exit(f"{url}: {statuses[0]}")
    return int(statuses[0][:3])


if __name__ == "__main__":
    main()
