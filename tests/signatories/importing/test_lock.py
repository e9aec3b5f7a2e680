"""Two imports at once: the second is refused with a clear message and writes nothing."""

import threading

import pytest
from django.db import connections

from signatories.importing import ImportFileError
from signatories.importing.lock import the_only_import
from signatories.models import Signatory
from tests.signatories.importing.helpers import import_, official

pytestmark = pytest.mark.django_db

ROWS = official("Acme,civil-society,FRA,ONG,,,,,,", "Other,civil-society,BEL,ONG,,,,,,")


@pytest.fixture
def another_import_writing():
    """The import lock held, as an import being written holds it (on PostgreSQL an advisory
    lock in this test's transaction, on SQLite the lock file beside the database)."""
    with the_only_import():
        yield


def _import_from_another_connection(tmp_path) -> Exception | None:
    outcome = []

    def run():
        try:
            import_(tmp_path, ROWS)
            outcome.append(None)
        except Exception as error:  # noqa: BLE001 (handed back to the test)
            outcome.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    return outcome[0]


def test_an_import_while_another_is_writing_is_refused_and_writes_nothing(
    tmp_path, another_import_writing
):
    refused = _import_from_another_connection(tmp_path)
    assert isinstance(refused, ImportFileError)
    assert "Another import is being written right now: nothing was written." in str(refused)
    assert not Signatory.objects.filter(name__in=["Acme", "Other"]).exists()


def test_an_import_with_no_other_running_writes(tmp_path):
    report = import_(tmp_path, ROWS)
    assert report.written
    assert Signatory.objects.filter(name__in=["Acme", "Other"]).count() == 2
