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
        f"### {run['vendor']}, {run['count']:,} supporters",
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
    lines += [
        "",
        f"Seeding took {run['seeded_seconds']:.0f} s. The whole JSON export "
        f"({run['exported']:,} supporters) took {run['export_seconds']:.1f} s; the worker's "
        f"memory peaked at {run['export_peak_mb']:.0f} MB (idle after the load: "
        f"{run['rss_idle_mb']:.0f} MB).",
        "",
    ]
    return lines


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
        ("JSON export of every row: worker peak RSS < 200 MB", run["export_peak_mb"] < 200),
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
    largest = max(
        (run for run in data["runs"] if run["vendor"] == "postgresql"), key=lambda r: r["count"]
    )
    lines += targets(largest)
    soak = largest.get("soak")
    if soak:
        lines += [
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
    lines += ["### Query plans (PostgreSQL, counts not cached)", ""]
    for name, plans in largest["queries"]["plans"].items():
        for entry in plans:
            lines += [
                f"`{name}`:",
                "",
                "```sql",
                entry["sql"],
                "```",
                "",
                "```",
                entry["plan"],
                "```",
                "",
            ]
    return "\n".join(lines)


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
