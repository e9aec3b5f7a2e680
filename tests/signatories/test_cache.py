"""Cached counts are shared by every process and made stale by every write."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction

from signatories.cache import cached
from signatories.models import Signatory
from tests.factories import SignatoryFactory

PROJECT = Path(__file__).resolve().parents[2]

# A long-lived process, like a gunicorn worker: on each line of input it prints the
# number of supporters as the cached counter gives it.
READER = """
import django, sys
django.setup()
from signatories.cache import cached
from signatories.models import Signatory
for line in sys.stdin:
    print(cached("test-total", (), Signatory.objects.count), flush=True)
"""

WRITER = """
import django
django.setup()
from signatories.models import Signatory
Signatory.objects.create(name="Added elsewhere", slug="added-elsewhere", type="civil-society",
                         country="FR")
"""


def _environment(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pariscall.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(PROJECT),
    }


def test_a_write_in_one_process_is_seen_at_once_by_another_that_cached_the_count(tmp_path):
    environment = _environment(tmp_path / "shared.sqlite3")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=PROJECT, env=environment, check=True
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", READER],
        cwd=PROJECT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:

        def ask() -> str:
            reader.stdin.write("count\n")
            reader.stdin.flush()
            return reader.stdout.readline().strip()

        assert ask() == "0"
        assert ask() == "0"  # now from the cache
        subprocess.run(
            [sys.executable, "-c", WRITER], cwd=PROJECT, env=environment, check=True, timeout=60
        )
        assert ask() == "1"
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_saving_or_deleting_a_supporter_makes_the_cached_count_stale():
    assert cached("total", (), Signatory.objects.count) == 0
    signatory = SignatoryFactory()
    assert cached("total", (), Signatory.objects.count) == 1
    signatory.delete()
    assert cached("total", (), Signatory.objects.count) == 0


@pytest.mark.django_db(transaction=True)
def test_a_count_is_not_made_stale_before_the_write_commits():
    assert cached("total", (), Signatory.objects.count) == 0
    with transaction.atomic():
        SignatoryFactory()
        # Another request during the transaction still sees the committed state.
        assert cached("total", (), lambda: 0) == 0
    assert cached("total", (), Signatory.objects.count) == 1
