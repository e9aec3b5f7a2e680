"""On SQLite (the default database), pages and log-ins keep answering while an import writes.

Two processes share one database file, as gunicorn's workers do: one imports a file and
holds its transaction open a while, the other serves list pages meanwhile.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Runs on a SQLite file of its own, whichever database the pass tests.
pytestmark = pytest.mark.once

PROJECT = Path(__file__).resolve().parents[2]

# The import runs inside a longer transaction, as a large file's would, with a page cache
# small enough that SQLite must take its exclusive lock early.
WRITER = """
import io, sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import connection, transaction
connection.cursor().execute("PRAGMA cache_size=10")
with transaction.atomic():
    call_command("import_signatories", sys.argv[1], stdout=io.StringIO())
    print("importing", flush=True)
    time.sleep(12)
print("committed", flush=True)
"""

# Started beforehand, so that its requests come while the import holds its transaction.
READER = """
import sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
print(client.get("/signatories/", secure=True).status_code, flush=True)
sys.stdin.readline()
for query in ("a", "b", "c"):
    response = client.get("/signatories/", {"q": query}, secure=True)
    print(response.status_code, flush=True)
"""

HEADER = (
    "name,category,nationality,nature,website,twitter,linkedin,date_signed,first_listed,statement"
)


def _environment(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pariscall.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(PROJECT),
    }


def test_list_pages_answer_while_an_import_writes(tmp_path):
    environment = _environment(tmp_path / "shared.sqlite3")
    run = {"cwd": PROJECT, "env": environment, "text": True}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, **run)
    rows = [f"Organisation {number},civil-society,FRA,,,,,,," for number in range(3000)]
    upload = tmp_path / "official.csv"
    upload.write_text("\n".join([HEADER, *rows]) + "\n")
    reader = subprocess.Popen(
        [sys.executable, "-c", READER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **run,
    )
    assert reader.stdout.readline().strip() == "200"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(upload)], stdout=subprocess.PIPE, **run
    )
    try:
        assert writer.stdout.readline().strip() == "importing"
        answers, errors = reader.communicate("go\n", timeout=120)
        assert writer.stdout.readline().strip() == "committed"
    finally:
        reader.kill()
        writer.wait(timeout=120)
    assert "database is locked" not in errors
    assert answers.split() == ["200", "200", "200"], errors[-2000:]


# Logs in (and fails to, once) when told, as staff do while an import runs: each log-in
# writes (the session, axes' record of the failure). It waits at most 2 s for the database's
# write lock, not the 20 s of the settings: an import written in one transaction would
# hold that lock for the whole import, and the log-in would fail.
STAFF = """
import sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
get_user_model().objects.create_superuser("editor", "editor@example.org", "a long passphrase")
connection.close()
connection.settings_dict["OPTIONS"]["timeout"] = 2
client = Client(raise_request_exception=False)
print("ready", flush=True)
sys.stdin.readline()
for password in ("wrong passphrase", "a long passphrase"):
    form = {"username": "editor", "password": password, "next": "/admin/"}
    print(client.post("/admin/login/", form, secure=True).status_code, flush=True)
"""


def _supporters(database: Path) -> int:
    with sqlite3.connect(database) as reading:
        return reading.execute("SELECT count(*) FROM signatories_signatory").fetchone()[0]


def test_staff_log_in_while_a_long_import_writes(tmp_path):
    database = tmp_path / "shared.sqlite3"
    run = {"cwd": PROJECT, "env": _environment(database), "text": True}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True, **run)
    rows = [f"Organisation {number},civil-society,FRA,,,,,,," for number in range(8000)]
    upload = tmp_path / "official.csv"
    upload.write_text("\n".join([HEADER, *rows]) + "\n")
    staff = subprocess.Popen(
        [sys.executable, "-c", STAFF], stdin=subprocess.PIPE, stdout=subprocess.PIPE, **run
    )
    assert staff.stdout.readline().strip() == "ready"
    importing = subprocess.Popen(
        [sys.executable, "manage.py", "import_signatories", str(upload), "-v0"], **run
    )
    try:
        # The file is checked whole first; then its first chunks are written and committed.
        while _supporters(database) == 0 and importing.poll() is None:
            time.sleep(0.05)
        answers, _errors = staff.communicate("go\n", timeout=120)
        still_importing = importing.poll() is None
        assert importing.wait(timeout=300) == 0
    finally:
        staff.kill()
        importing.kill()
    # A wrong password is the log-in form again, the right one goes to admin: neither waited
    # for the import to end, which was still writing.
    assert answers.split() == ["200", "302"]
    assert still_importing
    assert _supporters(database) == 8000
