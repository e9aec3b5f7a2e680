"""In-process timings of the list, without HTTP or a load tool: what `docs/performance.md`
quotes as "measured in-process". Run it with the environment of `make bench` (DATABASE_URL,
DJANGO_*), on a database that `make bench` or `manage.py seed_synthetic` filled,
alternately on the code before and after a change:

    python scripts/bench/inprocess.py new [WARM] [SERVICE]
        WARM of the closed loop's URLs (filling the caches as a run does), then SERVICE new
        URLs of the varied workload one at a time (of the same kind as the bench's service
        URLs, not the same ones): their mean, p50, p95 and p99, for all and for each kind of
        request the bench reports apart, and the floor page's mean, in ms.
    python scripts/bench/inprocess.py repeated
        The bench's repeated pages (`run.pages`), each warmed, then 300 times: the mean, in
        ms, and the status of the page (the deep page of a small list is its last).
    python scripts/bench/inprocess.py search-pages QUERY…
        For each list query with a search (`q=s&country=CH`), its pages 1 and 5 as the list
        reads them (`SearchPage.ids`: walked, or sorted from the index) and as the index
        sorts them, the best of three, in ms; whether the page was walked, and whether both
        ways give the same ids.
    python scripts/bench/inprocess.py memory COUNT
        The process's resident memory before and after serving the varied workload's first
        COUNT URLs (the rendered pages the cache keeps), in MB.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pariscall.settings")

import pauses  # noqa: E402
import workload  # noqa: E402

FLOOR = "/principles/"


def _mean_ms(url: str, times: int, statuses: list | None = None) -> float:
    started = time.perf_counter()
    for _ in range(times):
        status = pauses._get(url)
    if statuses is not None:
        statuses.append(status)
    return (time.perf_counter() - started) / times * 1000


def _quantiles(times: list[float]) -> dict:
    times = sorted(times)

    def quantile(q: float) -> float:
        return round(times[min(len(times) - 1, int(q * len(times)))], 2)

    return {
        "n": len(times),
        "mean_ms": round(statistics.fmean(times), 2),
        "p50_ms": quantile(0.5),
        "p95_ms": quantile(0.95),
        "p99_ms": quantile(0.99),
    }


def _known() -> set[str]:
    from signatories.directory.filters import SignatoryFilter

    return {*SignatoryFilter.base_filters, "page"}


def new_pages(warm_count: int = 800, service_count: int = 400) -> dict:
    warm = workload.urls(warm_count, known=_known())
    service = workload.urls(service_count, seed=1, known=_known(), exclude=set(warm))
    for url in warm:
        pauses._get(url)
    _mean_ms(FLOOR, 200)
    floor = _mean_ms(FLOOR, 200)
    times: dict[str, list[float]] = {}
    for url in service:
        started = time.perf_counter()
        pauses._get(url)
        elapsed = (time.perf_counter() - started) * 1000
        times.setdefault("every request", []).append(elapsed)
        times.setdefault(workload.search_class(url), []).append(elapsed)
    return {"floor_ms": round(floor, 2), **{kind: _quantiles(t) for kind, t in times.items()}}


def repeated_pages() -> dict:
    import run

    from signatories.models import Signatory

    count = Signatory.objects.current().count()
    middle = Signatory.objects.order_by("sort_name", "id").values_list("slug", flat=True)
    detail = middle[count // 2] if count else "none"
    found = {}
    for name, url in run.pages(count, detail).items():
        statuses = []
        _mean_ms(url, 30)
        found[name] = {"url": url, "mean_ms": round(_mean_ms(url, 300, statuses), 2)}
        found[name]["status"] = statuses[-1]
    return found


def search_pages(queries: list[str]) -> list[dict]:
    from django.conf import settings
    from django.http import QueryDict

    from signatories.directory import facets, search
    from signatories.directory.filters import SignatoryFilter

    def best_ms(read) -> tuple[float, list[int]]:
        best, ids = float("inf"), []
        for _ in range(3):
            started = time.perf_counter()
            ids = read()
            best = min(best, (time.perf_counter() - started) * 1000)
        return round(best, 1), ids

    size = settings.SIGNATORIES_PER_PAGE
    found = []
    for query in queries:
        filterset = SignatoryFilter(QueryDict(query))
        if not filterset.is_valid() or not search.searched(filterset):
            sys.exit(f"{query}: not a search the words' index answers ({filterset.errors})")
        counts = facets.counts_for(filterset)
        page = search.SearchPage(
            filterset, counts, lambda filterset=filterset: facets.total_without_search(filterset)
        )
        for number in (1, 5):
            rows = slice((number - 1) * size, number * size)
            if rows.start >= counts["total"]:
                continue
            cap = page._walk_cap(rows.stop)
            walked = cap is not None and page._walked(rows, cap) is not None
            listed, listed_ids = best_ms(lambda page=page, rows=rows: page.ids(rows))
            index, index_ids = best_ms(
                lambda page=page, rows=rows: list(
                    page.rows.values_list("signatory_id", flat=True)[rows]
                )
            )
            found.append(
                {
                    "query": query,
                    "page": number,
                    "matches": counts["total"],
                    "walked": walked,
                    "listed_ms": listed,
                    "index_ms": index,
                    "same": listed_ids == index_ids,
                }
            )
    return found


def memory(count: int) -> dict:
    def resident_mb() -> int:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
        return 0

    pauses._get("/signatories/")
    before = resident_mb()
    for url in workload.urls(count, known=_known()):
        pauses._get(url)
    return {"urls": count, "before_mb": before, "after_mb": resident_mb()}


def main() -> None:
    import django

    django.setup()
    command, arguments = (sys.argv[1:] or ["?"])[0], sys.argv[2:]
    if command == "new":
        result = new_pages(*(int(argument) for argument in arguments[:2]))
    elif command == "repeated":
        result = repeated_pages()
    elif command == "search-pages" and arguments:
        result = search_pages(arguments)
    elif command == "memory" and arguments:
        result = memory(int(arguments[0]))
    else:
        sys.exit(__doc__)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
