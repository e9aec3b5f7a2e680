"""/signatories.xlsx: the CSV's rows and cells as an Excel workbook, every cell text."""

import csv
import datetime
import io
import json
import zipfile

import openpyxl
import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from signatories.columns import CSV_COLUMNS, restore_cell
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

XLSX = reverse("signatories:xlsx")
CSV = reverse("signatories:csv")


@pytest.fixture
def supporters():
    StateFactory(country="US", supporter_since=datetime.date(2021, 11, 11))
    StateFactory(
        country="FR",
        aliases="République française",
        supporter_since=datetime.date(2018, 11, 12),
        supporter_since_is_bound=True,
    )
    StateFactory(
        country="JP",
        supporter_since=datetime.date(2019, 1, 1),
        status="former",
        left_on=datetime.date(2025, 12, 25),
    )
    SignatoryFactory(
        name="Cyber, “Quoted” & Co",
        type="private-sector",
        country="DE",
        kind="company",
        website="https://example.com",
        statement="We support it,\nfully.",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
    )


def _sheet_rows(response) -> list[list[str]]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["supporters"]
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


def _csv_rows(client, parameters) -> list[list[str]]:
    body = b"".join(client.get(CSV, parameters).streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


@pytest.mark.parametrize(
    "parameters", [{"type": "state"}, {"status": "all"}, {}, {"type": "state", "sort": "-since"}]
)
def test_the_workbook_holds_exactly_the_csvs_rows_and_cells(client, supporters, parameters):
    response = client.get(XLSX, parameters)
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="paris-call-supporters.xlsx"' in response["Content-Disposition"]
    rows = _sheet_rows(response)
    assert rows[0] == CSV_COLUMNS
    assert rows == _csv_rows(client, parameters)


def test_the_state_workbook_lists_the_current_states(client, supporters, settings, tmp_path):
    settings.EXPORT_CACHE_DIR = tmp_path
    rows = _sheet_rows(client.get(XLSX, {"type": "state"}))
    # Sent from an unnamed file: nothing is left in the folder.
    assert list(tmp_path.iterdir()) == []
    assert [row[0] for row in rows[1:]] == ["France", "United States of America"]
    # Dates, booleans and codes are text, as in the CSV.
    france = dict(zip(rows[0], rows[1], strict=True))
    assert (france["since"], france["since_by"], france["country"]) == ("2018-11-12", "true", "FR")


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "=1+1", "+1", "-1", "@x", "'x"]


@pytest.mark.parametrize("name", FORMULAS)
def test_text_that_looks_like_a_formula_stays_text(client, name):
    SignatoryFactory(name=name, slug="formula", statement=name)
    content = b"".join(client.get(XLSX).streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content))["supporters"]
    assert sheet["A2"].value == name
    assert sheet["A2"].data_type == "s"
    # The CSV writes it with an apostrophe in front; a text cell needs none.
    assert restore_cell(_csv_rows(client, {})[1][0]) == name
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    assert 't="inlineStr"' in sheet_xml


def test_the_french_address_gives_the_same_bytes(client, supporters):
    english = b"".join(client.get(XLSX, {"type": "state"}).streaming_content)
    french = b"".join(client.get("/fr" + XLSX, {"type": "state"}).streaming_content)
    assert english == french


def test_a_bad_filter_gives_a_400_saying_what_is_wrong(client):
    response = client.get(XLSX, {"type": "nope", "since": "soon"})
    assert response.status_code == 400
    errors = json.loads(response.content)["errors"]
    assert set(errors) == {"type", "since"}
    assert "Valid values: state, public-authority" in errors["type"][0]


def _database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_a_workbook_the_database_cannot_answer_is_a_503_not_an_empty_file(client):
    SignatoryFactory()
    with connection.execute_wrapper(_database_down):
        response = client.get(XLSX)
    assert response.status_code == 503
    assert "database is unavailable" in response.content.decode()
    assert response["Retry-After"]
    assert "attachment" not in response.get("Content-Disposition", "")


def test_a_workbook_that_cannot_be_written_is_a_503(client, settings, tmp_path):
    SignatoryFactory()
    # A file where the folder should be: nothing can be written there.
    (tmp_path / "exports").write_text("not a folder")
    settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    response = client.get(XLSX)
    assert response.status_code == 503
    assert "could not be written on the server" in response.content.decode()
    assert response["Retry-After"]
    assert "attachment" not in response.get("Content-Disposition", "")


def test_head_gives_the_headers_without_running_it(client, django_assert_num_queries):
    SignatoryFactory.create_batch(3)
    client.head(XLSX)  # the directory's last change, cached from here on
    # Its validators: the revision (the last change is in the cache). No row is read.
    with django_assert_num_queries(1) as queries:
        response = client.head(XLSX, {"type": "civil-society"})
    assert all("signatories_signatory" not in query["sql"] for query in queries)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content == b""
    assert client.head(XLSX, {"type": "nope"}).status_code == 400


def test_a_workbook_costs_the_same_few_queries_however_many_rows(client, django_assert_num_queries):
    SignatoryFactory.create_batch(30)
    # The revision and the rows; the last change (for the validators and the workbook's
    # date) is in the cache, in memory.
    client.get(XLSX)
    with django_assert_num_queries(2):
        response = client.get(XLSX, {"type": "civil-society"})
    assert len(_sheet_rows(response)) == 31


def test_robots_keep_crawlers_off_the_workbooks(client):
    text = client.get("/robots.txt").text
    assert "Disallow: /signatories.xlsx" in text
    assert "Disallow: /fr/signatories.xlsx" in text


def test_the_downloads_offer_excel_beside_csv_and_json(client, supporters):
    page = client.get(reverse("signatories:list"), {"type": "state"}).text
    assert 'href="/signatories.xlsx?type=state"' in page
    assert 'href="/signatories.xlsx"' in client.get(reverse("about")).text


class _RowsThatFailMidway:
    """The export's rows, then the connection lost, as when the database goes away."""

    def __init__(self, rows):
        self.rows = rows

    def iterator(self, chunk_size):
        yield from self.rows
        raise OperationalError("server closed the connection unexpectedly")


def test_a_workbook_that_fails_midway_is_a_503_and_leaves_no_file(
    client, monkeypatch, settings, tmp_path
):
    from signatories.models import SignatoryQuerySet

    settings.EXPORT_CACHE_DIR = tmp_path
    SignatoryFactory.create_batch(5)
    exported = SignatoryQuerySet.export_rows
    monkeypatch.setattr(
        SignatoryQuerySet,
        "export_rows",
        lambda queryset: _RowsThatFailMidway(list(exported(queryset))[:3]),
    )
    response = client.get(XLSX)
    assert response.status_code == 503
    assert "database is unavailable" in response.content.decode()
    # Neither the workbook nor XlsxWriter's own temp files are left behind.
    assert list(tmp_path.iterdir()) == []
