"""In-process timings of the list, without HTTP or a load tool: what `docs/performance.md`
quotes as "measured in-process". Run it with the environment of `make bench` (DATABASE_URL,
DJANGO_*) on a database `make bench` or `seed_synthetic` filled, alternately on the code
before and after a change:

    python scripts/bench/inprocess.py new [WARM] [SERVICE]
        WARM of the closed loop's URLs (filling the caches as a run does), then SERVICE new
        URLs of the varied workload one at a time: their mean, p50, p95 and p99, and the
        floor page's mean, in ms.
    python scripts/bench/inprocess.py repeated
        Each repeated page of the bench, warmed, then 300 times: the mean, in ms.
    python scripts/bench/inprocess.py search-pages QUERY…
        For each list query with a search (`q=s&country=CH`), the ids of pages 1 and 5 as
        the list reads them (`SearchPage.ids`: walked or sorted) and as the index sorts
        them, the best of three, in ms, and whether both give the same page.
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
REPEATED = [
    FLOOR,
    "/signatories/",
    "/signatories/?type=civil-society&region=europe",
    "/signatories/?q=sentinel",
    "/signatories/?page=1000",
]


def _mean_ms(url: str, times: int) -> float:
    started = time.perf_counter()
    for _ in range(times):
        pauses._get(url)
    return (time.perf_counter() - started) / times * 1000


def new_pages(warm_count: int = 800, service_count: int = 400) -> dict:
    from signatories.directory.filters import SignatoryFilter

    known = {*SignatoryFilter.base_filters, "page"}
    warm = workload.urls(warm_count, known=known)
    service = workload.urls(service_count, seed=1, known=known, exclude=set(warm))
    for url in warm:
        pauses._get(url)
    _mean_ms(FLOOR, 200)
    floor = _mean_ms(FLOOR, 200)
    times = []
    for url in service:
        started = time.perf_counter()
        pauses._get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()

    def quantile(q: float) -> float:
        return round(times[min(len(times) - 1, int(q * len(times)))], 2)

    return {
        "floor_ms": round(floor, 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "p50_ms": quantile(0.5),
        "p95_ms": quantile(0.95),
        "p99_ms": quantile(0.99),
    }


def repeated_pages() -> dict:
    for url in REPEATED:
        _mean_ms(url, 30)
    return {url: round(_mean_ms(url, 300), 2) for url in REPEATED}


def search_pages(queries: list[str]) -> list[dict]:
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

    found = []
    for query in queries:
        filterset = SignatoryFilter(QueryDict(query))
        if not filterset.is_valid():
            sys.exit(f"{query}: {filterset.errors.as_text()}")
        counts = facets.counts_for(filterset)
        page = search.SearchPage(
            filterset, counts, lambda filterset=filterset: facets.total_without_search(filterset)
        )
        for start in (0, 200):
            if start >= counts["total"]:
                continue
            rows = slice(start, start + 50)
            listed, listed_ids = best_ms(lambda page=page, rows=rows: page.ids(rows))
            index, index_ids = best_ms(
                lambda page=page, rows=rows: list(
                    page.rows.values_list("signatory_id", flat=True)[rows]
                )
            )
            found.append(
                {
                    "query": query,
                    "page": start // 50 + 1,
                    "matches": counts["total"],
                    "walked_at_most": page._walk_cap(rows.stop),
                    "listed_ms": listed,
                    "index_ms": index,
                    "same": listed_ids == index_ids,
                }
            )
    return found


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
    else:
        sys.exit(__doc__)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
