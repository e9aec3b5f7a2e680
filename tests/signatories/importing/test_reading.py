"""Reading a file: formats, encodings and malformed input, each refused with a clear message."""

import io

import pytest
from django.core.management import CommandError, call_command

from signatories.columns import REQUIRED_ON_IMPORT as EXPORT_HEADER_WITHOUT_STATUS
from signatories.models import Signatory
from tests.signatories.importing.helpers import import_, official, run, write

pytestmark = pytest.mark.django_db


def test_a_bad_header_is_refused_with_the_columns_of_both_formats(tmp_path):
    with pytest.raises(CommandError) as error:
        run(tmp_path, "nom,pays\nAcme,FR\n")
    message = str(error.value)
    assert "Unknown header: nom,pays" in message
    assert "name,category,nationality,nature,website,twitter,date_signed" in message
    assert ",".join(EXPORT_HEADER_WITHOUT_STATUS) in message
    assert not Signatory.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = write(tmp_path, official("Société,civil-society,FRA,,,,,,,"), encoding="latin-1")
    with pytest.raises(CommandError, match="not UTF-8 text"):
        call_command("import_signatories", path, stdout=io.StringIO())


def test_a_binary_file_is_refused(tmp_path):
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(CommandError, match="not UTF-8 text"):
        call_command("import_signatories", path, stdout=io.StringIO())


def test_a_file_with_nul_bytes_is_not_csv(tmp_path):
    path = write(tmp_path, official("Acme\x00,civil-society,FRA,,,,,,,"))
    with pytest.raises(CommandError, match="not readable CSV"):
        call_command("import_signatories", path, stdout=io.StringIO())


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_signatories", str(tmp_path / "nope.csv"))


def test_a_utf8_byte_order_mark_is_fine(tmp_path):
    run(tmp_path, "\ufeff" + official("Société,civil-society,FRA,,,,,,,"))
    assert Signatory.objects.get().name == "Société"


def test_a_row_with_the_wrong_number_of_cells_is_rejected(tmp_path):
    report = import_(tmp_path, official("Acme,civil-society,FRA"))
    assert report.rejected[0].reason == "3 cells where the header has 10"


def _refused(path: str) -> str:
    with pytest.raises(CommandError) as error:
        call_command("import_signatories", path, stdout=io.StringIO())
    assert not Signatory.objects.exists()
    return str(error.value)


def test_a_cp1252_line_is_reported_at_its_own_line_number(tmp_path):
    rows = [f"Organisation {number},civil-society,FRA,,,,,,," for number in range(300)]
    text = official(*rows).encode() + "Société,civil-society,FRA,,,,,,,\n".encode("cp1252")
    assert "not UTF-8 text (line 302)" in _refused(write(tmp_path, text))


def test_a_column_named_twice_is_reported_as_named_twice(tmp_path):
    header = "name,category,nationality,nature,website,twitter,date_signed,name"
    message = _refused(write(tmp_path, header + "\nAcme,civil-society,FRA,,,,,Acme\n"))
    assert "The header names 'name' more than once." in message


def test_an_endless_file_without_line_breaks_fails_cleanly():
    assert "Line 1 is longer than 32 KiB" in _refused("/dev/zero")


def test_a_line_too_long_is_refused_with_its_number(tmp_path):
    text = official("Acme,civil-society,FRA,,,,,,,", "Long,civil-society,FRA,,,,,,," + "x" * 40_000)
    assert "Line 3 is longer than 32 KiB" in _refused(write(tmp_path, text))


def test_a_quote_left_open_stops_at_the_row_limit(tmp_path):
    text = official('Acme,civil-society,FRA,,,,,,,"never closed') + "more words\n" * 5000
    assert "is longer than 32 KiB: is a quote left open?" in _refused(write(tmp_path, text))


def test_a_header_with_too_many_columns_is_refused(tmp_path):
    text = official().replace("\n", "," * 100_000 + "\n", 1)
    message = _refused(write(tmp_path, text + "Acme,civil-society,FRA,,,,,,,\n"))
    assert "Line 1 is longer than 32 KiB" in message
    text = "name,category,nationality,nature,website,twitter,date_signed" + ",x" * 60 + "\n"
    assert "The header has 67 columns; an import file has at most 50." in _refused(
        write(tmp_path, text)
    )


def test_a_file_with_too_many_rows_is_refused_before_any_work(tmp_path, monkeypatch):
    from signatories.importing import importer

    monkeypatch.setattr(importer, "MAX_FILE_ROWS", 2)
    rows = [f"Organisation {number},civil-society,FRA,,,,,,," for number in range(3)]
    message = _refused(write(tmp_path, official(*rows)))
    assert "The file has 3 rows; an import reads at most 2" in message
