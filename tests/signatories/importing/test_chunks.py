"""An import written chunk by chunk, while staff save supporters meanwhile.

On SQLite each chunk commits on its own (so that log-ins and admin saves wait for one chunk,
not the whole import, tests/pariscall/test_sqlite.py); on PostgreSQL the whole import is one
transaction. Either way the file is checked whole before anything is written, and an import
that finds the directory changed under it stops with a clear message, saying what stays.
"""

import pytest
from django.db import connection

from signatories.importing import ImportFileError, importer
from signatories.importing.writing import Writer
from signatories.models import Signatory
from tests.factories import SignatoryFactory
from tests.signatories.importing.helpers import import_, official

pytestmark = pytest.mark.django_db

EXPORT_HEADER = (
    "name,slug,type,country,region,kind,website,twitter,linkedin,statement,since,since_by"
)


@pytest.fixture(autouse=True)
def one_row_a_chunk(monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 1)


def _what_stays_written() -> set[str]:
    """On SQLite the chunks before the one that stopped stay; on PostgreSQL none does."""
    return set() if connection.vendor == "postgresql" else {"Acme"}


def test_a_file_with_a_refused_row_writes_nothing_even_chunk_by_chunk(tmp_path):
    report = import_(
        tmp_path, official("Acme,civil-society,FRA,,,,,,,", "Beta,nonsense,FRA,,,,,,,")
    )
    assert not report.written
    assert [row.line for row in report.rejected] == [3]
    assert not Signatory.objects.filter(name__in=["Acme", "Beta"]).exists()


def test_a_supporter_saved_between_two_chunks_with_a_slug_the_import_gives(tmp_path, monkeypatch):
    write_chunk = Writer.write

    def staff_save_meanwhile(writer, planned):
        written = write_chunk(writer, planned)
        if not Signatory.objects.filter(slug="beta").exists():
            SignatoryFactory(name="Beta Other", slug="beta", country="BE")
        return written

    monkeypatch.setattr(Writer, "write", staff_save_meanwhile)
    rows = official("Acme,civil-society,FRA,,,,,,,", "Beta,civil-society,FRA,,,,,,,")
    with pytest.raises(ImportFileError) as stopped:
        import_(tmp_path, rows)
    assert "A supporter saved while the file was being imported clashes with" in str(stopped.value)
    names = set(Signatory.objects.filter(name__in=["Acme", "Beta"]).values_list("name", flat=True))
    assert names == _what_stays_written()


def test_a_row_refused_after_the_file_was_checked(tmp_path, monkeypatch):
    take_the_lock = importer.the_only_import

    def staff_save_after_the_check():
        # A third Acme in France, of another type: each row of the file now names it
        # (a supporter recorded under another type is the same one, moved).
        SignatoryFactory(name="Acme", country="FR", type="public-authority")
        return take_the_lock()

    monkeypatch.setattr(importer, "the_only_import", staff_save_after_the_check)
    rows = official("Acme,civil-society,FRA,,,,,,,", "Acme,private-sector,FRA,,,,,,,")
    with pytest.raises(ImportFileError) as stopped:
        import_(tmp_path, rows)
    message = str(stopped.value)
    assert (
        "The directory changed while the file was being imported: line 3 is now refused" in message
    )
    assert "the same supporter as line 2" in message
    # On SQLite line 2, written before, stays (Acme moved to civil society); on PostgreSQL
    # nothing was written.
    acme = Signatory.objects.get(name="Acme")
    assert acme.type == (
        "public-authority" if connection.vendor == "postgresql" else "civil-society"
    )
    assert ("Nothing was written." in message) == (connection.vendor == "postgresql")
