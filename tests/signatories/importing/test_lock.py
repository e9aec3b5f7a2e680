"""Two imports at once: the second is refused with a clear message and writes nothing."""

import threading

import pytest
from django.db import connections

from signatories.importing import ImportFileError
from signatories.importing.lock import BUSY, IMPORT_LOCK_KEY
from signatories.models import Signatory, Source
from tests.signatories.importing.helpers import import_, official

ROWS = official("Acme,civil-society,FRA,ONG,,,,,,", "Other,civil-society,BEL,ONG,,,,,,")


@pytest.fixture
def another_import_writing():
    """Another connection holding what a writing import holds, until the test is done."""
    held, done = threading.Event(), threading.Event()

    def hold():
        other = connections.create_connection("default")
        try:
            other.set_autocommit(False)
            with other.cursor() as cursor:
                if other.vendor == "postgresql":
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
                else:  # SQLite's write lock, as an IMMEDIATE transaction takes it
                    cursor.execute(
                        "INSERT INTO signatories_revision (id, number, instance) "
                        "SELECT 99, 0, 'x' WHERE 0"
                    )
                held.set()
                done.wait(60)
            other.rollback()
        finally:
            other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    yield
    done.set()
    thread.join()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_while_another_is_writing_is_refused_and_writes_nothing(
    tmp_path, another_import_writing, settings
):
    with pytest.raises(ImportFileError, match="Another import is being written right now"):
        import_(tmp_path, ROWS)
    assert not Signatory.objects.exists()
    assert not Source.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_after_the_other_is_done_writes(tmp_path):
    report = import_(tmp_path, ROWS)
    assert report.written
    assert Signatory.objects.count() == 2
    assert BUSY.endswith("Try again when it is done.")
