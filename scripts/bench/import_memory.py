"""`make bench`'s import check: the peak memory of importing 50,000 new supporters.

The test suite checks the per-row growth on a few thousand rows; this imports a file of
50,000 rows (this site's export format) into a scratch SQLite database and prints the
import's peak resident memory beside Django's alone, both from the process itself.

    .venv/bin/python scripts/bench/import_memory.py [ROWS]
"""

import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

PEAK = """
import resource, sys
import django
django.setup()
if len(sys.argv) > 1:
    from signatories.importing import import_file
    report = import_file(sys.argv[1])
    assert report.written, report
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def write_file(path: Path, rows: int) -> None:
    from signatories.columns import REQUIRED_ON_IMPORT

    codes = ["FR", "DE", "US", "JP", "BR", "KE", "AU", "IN", "CA", "ZA"]
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(REQUIRED_ON_IMPORT)
        for number in range(rows):
            writer.writerow(
                [
                    f"Organisation {number}",
                    f"organisation-{number}",
                    "private-sector",
                    codes[number % 10],
                    "",
                    "company",
                    f"https://org{number}.example",
                    "",
                    "",
                    "We support the Call, fully." if number % 3 == 0 else "",
                    "2019-01" if number % 2 else "",
                    "true" if number % 2 else "false",
                ]
            )


def peak_mb(environment: dict, *arguments: str) -> int:
    command = [sys.executable, "-c", PEAK, *arguments]
    done = subprocess.run(command, env=environment, cwd=PROJECT, check=True, capture_output=True)
    return int(done.stdout.split()[-1])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as folder:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "pariscall.settings",
            "DATABASE_URL": f"sqlite:///{folder}/import.sqlite3",
            "DJANGO_DEBUG": "True",
        }
        manage = [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"]
        subprocess.run(manage, env=environment, cwd=PROJECT, check=True)
        path = Path(folder) / "supporters.csv"
        write_file(path, rows)
        alone, importing = peak_mb(environment), peak_mb(environment, str(path))
    print(f"import of {rows:,} new supporters: peak {importing} MB resident,", end=" ")
    print(f"Django alone {alone} MB")


if __name__ == "__main__":
    main()
