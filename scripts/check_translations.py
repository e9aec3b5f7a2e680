"""Check the French catalogue: every translatable string is in it, translated, not fuzzy,
and the compiled .mo matches the .po. Part of `make lint` (and so of `make test`).

`makemessages` runs on a copy of the project in a temporary directory, so the committed
catalogue is never rewritten; gettext's `msgcmp` then checks that the committed catalogue
translates every message the copy's fresh catalogue holds (an empty or fuzzy translation
counts as missing). Needs gettext (`apt-get install gettext`).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale/fr/LC_MESSAGES/django.po")
COMPILED = CATALOGUE.with_suffix(".mo")
# What makemessages reads: the apps, the templates, and the catalogue to update.
SOURCES = ["manage.py", "pariscall", "signatories", "principles", "templates", "locale"]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def main() -> int:
    for tool in ("xgettext", "msgmerge", "msgcmp", "msgfmt"):
        if shutil.which(tool) is None:
            print(f"ERROR: {tool} not found: run 'apt-get install gettext'.", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="pariscall-messages-") as temp:
        copy = Path(temp)
        made = _fresh_catalogue(copy)
        if made.returncode:
            print(made.stdout + made.stderr, file=sys.stderr)
            return 1
        failures = _failures(copy)
    for failure in failures:
        print(f"ERROR: {failure}", file=sys.stderr)
    if not failures:
        print(f"{CATALOGUE}: every message translated, and {COMPILED.name} up to date.")
    return 1 if failures else 0


def _fresh_catalogue(copy: Path) -> subprocess.CompletedProcess:
    """The messages extracted afresh, in a copy of the sources, merged into a copy of the
    catalogue: what `make messages` would write."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=IGNORED)
        else:
            shutil.copy2(source, copy / name)
    return _run(
        sys.executable,
        "manage.py",
        "makemessages",
        "--locale=fr",
        "--no-obsolete",
        "--verbosity=0",
        cwd=copy,
    )


def _failures(copy: Path) -> list[str]:
    """What is wrong with the catalogue, against the fresh one in `copy`."""
    failures = []
    compared = _run("msgcmp", str(ROOT / CATALOGUE), str(copy / CATALOGUE), cwd=copy)
    if compared.returncode:
        failures.append(
            "The French catalogue lacks a translation (a new, changed, empty or fuzzy "
            f"message):\n{compared.stderr}Run `make messages`, translate what it adds to "
            f"{CATALOGUE}, then `make messages` again to compile it."
        )
    fuzzy = _run("msgattrib", "--only-fuzzy", "--no-obsolete", str(ROOT / CATALOGUE), cwd=copy)
    if fuzzy.stdout.strip():
        failures.append(f"Fuzzy messages in {CATALOGUE}:\n{fuzzy.stdout}")
    fresh = copy / "fresh.mo"
    built = _run("msgfmt", "--check", "-o", str(fresh), str(ROOT / CATALOGUE), cwd=copy)
    if built.returncode:
        failures.append(f"{CATALOGUE} does not compile:\n{built.stderr}")
    elif fresh.read_bytes() != (ROOT / COMPILED).read_bytes():
        failures.append(f"{COMPILED} is out of date: run `make messages`.")
    return failures


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_DEBUG", "True")
    sys.exit(main())
