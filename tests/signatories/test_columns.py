"""The column map: one declaration from which the export's records, rows and schema follow."""

import datetime
import json

import pytest

from signatories import columns
from signatories.models import Signatory
from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def former():
    return SignatoryFactory(
        name="=SUM(A1:A9)",
        slug="formula-co",
        country="",
        region="international",
        statement="-1 is not a formula here",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
        status="former",
        left_on=datetime.date(2025, 12, 25),
    )


def test_a_record_from_a_model_instance_equals_the_record_from_its_row(former):
    row = Signatory.objects.export_rows().get(pk=former.pk)
    assert columns.as_record(former) == columns.record(row)


def test_every_csv_cell_reads_back_as_the_value_it_was_written_from(former):
    row = Signatory.objects.export_rows().get(pk=former.pk)
    record = columns.record(row)
    cells = dict(zip(columns.CSV_COLUMNS, columns.csv_row(row), strict=True))
    assert cells["name"] == "'=SUM(A1:A9)"
    assert (cells["country"], cells["since_by"], cells["left"]) == ("", "true", "2025-12-25")
    for column in columns.COLUMNS:
        if column.in_csv:
            assert column.from_csv(cells[column.name]) == record[column.name], column.name


def test_the_table_schema_describes_every_csv_column_in_order():
    schema = columns.table_schema()
    assert [field["name"] for field in schema["fields"]] == columns.CSV_COLUMNS
    since_by = next(field for field in schema["fields"] if field["name"] == "since_by")
    assert (since_by["type"], since_by["trueValues"]) == ("boolean", ["true"])
    assert schema["primaryKey"] == "slug"


def test_an_export_made_before_status_left_and_name_fr_existed_still_has_every_required_column():
    assert columns.CSV_COLUMNS[:-3] == columns.REQUIRED_ON_IMPORT
    assert columns.CSV_COLUMNS[-3:] == ["status", "left", "name_fr"]


def test_a_json_record_is_written_as_json_dumps_would_write_it(former):
    tricky = SignatoryFactory(
        name='Quote " backslash \\ tab \t newline \n line separator \u2028 é 日本 </script>',
        statement="\x01\x1f",
        website="",
    )
    write = columns.json_writer()
    for row in Signatory.objects.export_rows().filter(pk__in=[former.pk, tricky.pk]):
        assert write(row) == json.dumps(columns.record(row), ensure_ascii=False)
        assert json.loads(write(row)) == columns.record(row)
