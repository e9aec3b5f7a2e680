"""Reading a file: formats, encodings and malformed input, each refused with a clear message."""

import io

import pytest
from django.core.management import CommandError, call_command

from signatories.export import CSV_COLUMNS
from signatories.models import Signatory
from tests.signatories.importing.helpers import import_, official, run, write

pytestmark = pytest.mark.django_db


def test_a_bad_header_is_refused_with_the_columns_of_both_formats(tmp_path):
    with pytest.raises(CommandError) as error:
        run(tmp_path, "nom,pays\nAcme,FR\n")
    message = str(error.value)
    assert "Unknown header: nom,pays" in message
    assert "name,category,nationality,nature,website,twitter,date_signed" in message
    assert ",".join(CSV_COLUMNS) in message
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
