"""Write the figures of a benchmark run (results.json) into docs/performance.md, between
its `<!-- results:start -->` and `<!-- results:end -->` markers."""

import json
import re
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
LIST_PAGES = ["list", "filtered", "search", "deep"]


def _errors(result: dict) -> int:
    return sum(result[kind] for kind in ("non_2xx", "connect", "read", "write", "timeout"))


def table(run: dict) -> list[str]:
    floor = run["results"]["floor"]["rps"]
    lines = [
        f"### {_title(run)}",
        "",
        "| page | path | req/s | × floor | p50 ms | p95 ms | p99 ms | errors "
        "| SQL (cached) | SQL (cold) |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, result in run["results"].items():
        errors = (
            result["non_2xx"]
            + result["connect"]
            + result["read"]
            + result["write"]
            + result["timeout"]
        )
        lines.append(
            f"| {name} | `{run['paths'][name]}` | {result['rps']:.0f} "
            f"| {result['rps'] / floor:.2f} "
            f"| {result['p50_ms']:.1f} | {result['p95_ms']:.1f} | {result['p99_ms']:.1f} "
            f"| {errors} "
            f"| {run['queries']['warm'][name]} | {run['queries']['cold'][name]} |"
        )
    varied = run["varied"]
    lines.append(
        f"| **varied** | {varied['requests']:,} different list URLs "
        f"| {varied['rps']:.0f} | {varied['rps'] / floor:.2f} | {varied['p50_ms']:.1f} "
        f"| {varied['p95_ms']:.1f} | {varied['p99_ms']:.1f} | {_errors(varied)} | | |"
    )
    lines += [
        "",
        f"Seeding took {run['seeded_seconds']:.0f} s. Varied: {varied['non_2xx']} of the "
        f"requests were past a list's last page (404, as for a reader), and "
        f"{varied['repeated']} sent a URL already sent.",
        "",
        *service_table(run),
        *export_table(run),
    ]
    return lines


def _title(run: dict) -> str:
    if run.get("bundled"):
        return f"{run['vendor']}, the bundled directory ({run['count']:,} current supporters)"
    return f"{run['vendor']}, {run['count']:,} supporters"


SERVICE_KINDS = {
    "all": "every request",
    "browse": "no search (filters, sorts, pages)",
    "search": "a search of one word of 3 letters or more",
    "short": "a search of 1 or 2 letters",
    "two words": "a search of two words or more",
}


def service_table(run: dict) -> list[str]:
    service = run.get("service")
    if not service:
        return []
    lines = [
        "Service time of the varied workload: URLs never sent before in the run, one at a "
        "time over HTTP (no queueing), parameters "
        + ", ".join(f"`{name}`" for name in run.get("parameters", []))
        + ":",
        "",
        "| requests | n | p50 ms | p95 ms | p99 ms | max ms | 404 |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for kind, label in SERVICE_KINDS.items():
        if kind in service:
            t = service[kind]
            lines.append(
                f"| {label} | {t['requests']} | {t['p50_ms']:.1f} | {t['p95_ms']:.1f} "
                f"| {t['p99_ms']:.1f} | {t['max_ms']:.0f} | {t['not_found']} |"
            )
    return [*lines, ""]


def _varied_checks(run: dict, share: float, p95: float, p99: float | None) -> list[tuple]:
    """The varied workload's targets: throughput against the floor, service time."""
    floor = run["results"]["floor"]["rps"]
    ratio = run["varied"]["rps"] / floor
    checks = [(f"varied ≥ {share} × floor ({ratio:.2f})", ratio >= share)]
    service = run.get("service", {}).get("all")
    if service:
        checks.append(
            (
                f"varied service p95 < {p95:.0f} ms ({service['p95_ms']:.0f} ms)",
                service["p95_ms"] < p95,
            )
        )
        if p99 is not None:
            checks.append(
                (
                    f"varied service p99 < {p99:.0f} ms ({service['p99_ms']:.0f} ms)",
                    service["p99_ms"] < p99,
                )
            )
    return checks


def export_table(run: dict) -> list[str]:
    database = "`COPY (query) TO STDOUT`" if run["vendor"] == "postgresql" else "query to CSV"
    lines = [
        f"| export | rows | seconds | database alone ({database}) | × database | worker peak MB |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, result in run["exports"].items():
        lines.append(
            f"| {name} (`{result['path']}`) | {result['rows']:,} | {result['seconds']:.1f} "
            f"| {result['database_seconds']:.1f} "
            f"| {result['seconds'] / result['database_seconds']:.1f} | {result['peak_mb']:.0f} |"
        )
    home = run["home_during_exports"]
    lines += [
        "",
        f"The home page while four full CSV exports stream (wrk, 2 connections): "
        f"{home['rps']:.0f} req/s, p50 {home['p50_ms']:.1f} ms, p95 {home['p95_ms']:.1f} ms, "
        f"p99 {home['p99_ms']:.1f} ms, {_errors(home)} errors; workers' peak memory "
        f"{home['peak_mb']:.0f} MB (idle after the page loads: {run['rss_idle_mb']:.0f} MB).",
        "",
    ]
    return lines


def export_checks(run: dict) -> list[tuple[str, bool]]:
    exported = run["exports"].values()
    # The time target is the streamed text exports'; a workbook is a zip written whole with
    # a cell call per value, and is held to the memory target and the rows.
    ratio, name = max(
        (result["seconds"] / result["database_seconds"], name)
        for name, result in run["exports"].items()
        if "Excel" not in name
    )
    peak = max(result["peak_mb"] for result in exported)
    return [
        (
            f"every CSV and JSON export within 3× the database alone (slowest: {name}, "
            f"{ratio:.1f}×)",
            ratio <= 3,
        ),
        (f"worker peak RSS < 200 MB during exports ({peak:.0f} MB)", peak < 200),
        (
            "exports carry exactly the database's rows",
            all(result["rows"] == result["database_rows"] for result in exported),
        ),
    ]


def targets(run: dict) -> list[str]:
    results, floor = run["results"], run["results"]["floor"]["rps"]
    checks = [
        (
            "filtered list ≥ ½ floor, p95 < 50 ms",
            results["filtered"]["rps"] >= floor / 2 and results["filtered"]["p95_ms"] < 50,
        ),
        (
            "search ≥ ½ floor, p95 < 50 ms",
            results["search"]["rps"] >= floor / 2 and results["search"]["p95_ms"] < 50,
        ),
        ("deep page p95 < 50 ms", results["deep"]["p95_ms"] < 50),
        ("supporter page p95 < 50 ms", results["detail"]["p95_ms"] < 50),
        (
            "≤ 4 SQL queries per list page once counts are cached",
            all(run["queries"]["warm"][name] <= 4 for name in LIST_PAGES),
        ),
        *_varied_checks(run, 0.3, 50, 100),
        ("varied: no URL sent twice", run["varied"]["repeated"] == 0),
        *export_checks(run),
    ]
    soak = run.get("soak")
    if soak:
        errors = _errors(soak)
        checks.append((f"soak, 64 connections: no error or timeout ({errors})", errors == 0))
    lines = [f"Targets at {run['count']:,} supporters on {run['vendor']}:", ""]
    lines += [f"- {'met' if ok else '**missed**'}: {label}" for label, ok in checks]
    return [*lines, ""]


def render(data: dict) -> str:
    machine = data["machine"]
    lines = [
        f"Measured {machine['date']} on {machine['cores']} cores ({machine['cpu']}), "
        f"{machine['memory_gb']} GB of memory; Python {machine['python']}, PostgreSQL "
        f"{machine['postgres']}, SQLite {machine['sqlite']}. The load tool (wrk) shares the "
        "machine with gunicorn and the database.",
        "",
    ]
    for run in data["runs"]:
        lines += table(run)
    postgresql = [run for run in data["runs"] if run["vendor"] == "postgresql"]
    largest = max(postgresql or data["runs"], key=lambda r: r["count"])
    lines += targets(largest)
    lines += sqlite_targets(data["runs"])
    lines += bundled_targets(data["runs"])
    lines += soak_lines(largest)
    lines += slowest_varied(largest)
    lines += repeated_plans(largest)
    return "\n".join(lines)


def sqlite_targets(runs: list[dict]) -> list[str]:
    sqlites = [run for run in runs if run["vendor"] == "sqlite"]
    if not sqlites:
        return []
    sqlite = max(sqlites, key=lambda r: r["count"])
    checks = [*_varied_checks(sqlite, 0.3, 50, None), *export_checks(sqlite)]
    return [
        f"Targets at {sqlite['count']:,} supporters on SQLite:",
        "",
        *(f"- {'met' if ok else '**missed**'}: {label}" for label, ok in checks),
        "",
    ]


def bundled_targets(runs: list[dict]) -> list[str]:
    lines = []
    for run in runs:
        if run.get("bundled"):
            lines += [f"Targets for {_title(run)}:", ""]
            lines += [
                f"- {'met' if ok else '**missed**'}: {label}"
                for label, ok in _varied_checks(run, 0.6, 15, None)
            ]
            lines.append("")
    return lines


def soak_lines(largest: dict) -> list[str]:
    soak = largest.get("soak")
    if not soak:
        return []
    return [
        "### Soak",
        "",
        f"64 connections for {soak['seconds']:.0f} s over all the pages above, "
        f"{largest['count']:,} supporters on PostgreSQL: {soak['requests']:,} requests "
        f"({soak['rps']:.0f}/s), p50 {soak['p50_ms']:.1f} ms, p95 {soak['p95_ms']:.1f} ms, "
        f"p99 {soak['p99_ms']:.1f} ms, max {soak['max_ms']:.0f} ms; non-2xx {soak['non_2xx']}, "
        f"socket errors {soak['connect'] + soak['read'] + soak['write']}, timeouts "
        f"{soak['timeout']}. Largest worker: {soak['rss_before_mb']:.0f} MB before, "
        f"{soak['rss_after_mb']:.0f} MB after.",
        "",
    ]


def repeated_plans(largest: dict) -> list[str]:
    lines = ["### Query plans of the repeated pages (PostgreSQL, counts not cached)", ""]
    for name, plans in largest["queries"]["plans"].items():
        for entry in plans:
            lines += [f"`{name}`:", "", "```sql", entry["sql"], "```", ""]
            lines += ["```", entry["plan"], "```", ""]
    return lines


def slowest_varied(run: dict) -> list[str]:
    lines = [
        "### The slowest varied requests (PostgreSQL)",
        "",
        "The first 300 URLs of the varied workload, sent one after another in-process with "
        "the cache emptied first (so a search's first page counts, its refinements reuse "
        "the counts); the slowest, with the plans of their queries on the supporters table.",
        "",
    ]
    for request in run["queries"].get("varied_plans", []):
        lines += [f"`{request['url']}`: {request['ms']:.0f} ms", ""]
        for entry in request["plans"]:
            lines += ["```sql", entry["sql"], "```", "", "```", entry["plan"], "```", ""]
    return lines


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text())
    text = DOC.read_text()
    body = render(data)
    text = re.sub(
        r"(<!-- results:start -->\n).*?(<!-- results:end -->)",
        lambda match: match.group(1) + body + "\n" + match.group(2),
        text,
        flags=re.S,
    )
    DOC.write_text(text)
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
