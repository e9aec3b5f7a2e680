"""/signatories.json and /signatories.csv: the filtered list, every page, streamed."""

import csv
import datetime
import io
import json
import tracemalloc

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from signatories.models import SignatoryQuerySet
from tests.factories import SignatoryFactory, SourceFactory, StateFactory

pytestmark = pytest.mark.django_db

# The contract: the original columns, then status and left, then the French name.
CSV_COLUMNS = [
    *("name", "slug", "type", "country", "region", "kind", "website", "twitter", "linkedin"),
    *("statement", "since", "since_by", "status", "left", "name_fr"),
]

JSON = reverse("signatories:json")
CSV = reverse("signatories:csv")


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def supporters():
    StateFactory(
        country="US",
        supporter_since=datetime.date(2021, 11, 11),
    )
    SignatoryFactory(
        name="Cyber, “Quoted” & Co",
        slug="cyber-quoted-co",
        type="private-sector",
        country="DE",
        kind="company",
        website="https://example.com",
        twitter="@cyberco",
        linkedin="https://www.linkedin.com/company/cyberco",
        statement="We support it,\nfully.",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="INTERPOL",
        slug="interpol",
        type="public-authority",
        country="",
        region="international",
        supporter_since=datetime.date(2019, 6, 1),
        supporter_since_precision="year",
    )


def test_the_json_export_has_the_count_and_every_field_of_each_supporter(client, supporters):
    response = client.get(JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(_body(response))
    assert data["count"] == 3
    company = next(item for item in data["results"] if item["slug"] == "cyber-quoted-co")
    assert company == {
        "name": "Cyber, “Quoted” & Co",
        "slug": "cyber-quoted-co",
        "type": "private-sector",
        "country": "DE",
        "region": "europe",
        "kind": "company",
        "website": "https://example.com",
        "twitter": "cyberco",
        "linkedin": "https://www.linkedin.com/company/cyberco",
        "statement": "We support it,\nfully.",
        "since": "2019-01",
        "since_by": True,
        "url": "/signatories/cyber-quoted-co/",
        "status": "current",
        "left": None,
        "name_fr": "",
    }
    interpol = next(item for item in data["results"] if item["slug"] == "interpol")
    assert (interpol["country"], interpol["region"], interpol["since"]) == (
        None,
        "international",
        "2019",
    )
    united_states = next(item for item in data["results"] if item["type"] == "state")
    assert (united_states["since"], united_states["since_by"]) == ("2021-11-11", False)


def test_the_csv_export_has_the_header_and_the_same_values(client, supporters):
    response = client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(_body(response))))
    assert rows[0] == CSV_COLUMNS
    company = dict(
        zip(CSV_COLUMNS, next(row for row in rows if row[1] == "cyber-quoted-co"), strict=False)
    )
    assert company["statement"] == "We support it,\nfully."
    assert (company["since"], company["since_by"], company["country"]) == (
        "2019-01",
        "true",
        "DE",
    )
    interpol = dict(
        zip(CSV_COLUMNS, next(row for row in rows if row[1] == "interpol"), strict=False)
    )
    assert (interpol["country"], interpol["since_by"]) == ("", "false")
    assert (interpol["status"], interpol["left"]) == ("current", "")


def test_the_exports_apply_the_filters_over_every_page(client, settings):
    settings.SIGNATORIES_PER_PAGE = 2
    SignatoryFactory.create_batch(5, type="civil-society", country="SN")
    SignatoryFactory.create_batch(3, type="civil-society", country="FR")
    parameters = {"type": "civil-society", "region": "africa", "page": "2"}
    data = json.loads(_body(client.get(JSON, parameters)))
    assert data["count"] == 5
    assert {item["country"] for item in data["results"]} == {"SN"}
    assert len(data["results"]) == 5
    assert len(_body(client.get(CSV, parameters)).splitlines()) == 1 + 5


def test_the_exports_follow_the_sort_order(client, supporters):
    data = json.loads(_body(client.get(JSON, {"sort": "-name"})))
    assert [item["slug"] for item in data["results"]] == [
        "united-states-of-america",
        "interpol",
        "cyber-quoted-co",
    ]


@pytest.mark.parametrize("url", [JSON, CSV])
def test_a_bad_filter_gives_a_400_saying_what_is_wrong(client, url):
    response = client.get(url, {"type": "nope", "since": "soon"})
    assert response.status_code == 400
    errors = json.loads(response.content)["errors"]
    assert set(errors) == {"type", "since"}
    assert "Valid values: state, public-authority" in errors["type"][0]


def test_an_export_streams_without_holding_every_row_in_memory(client, monkeypatch):
    # Rows are fetched a chunk at a time; a small chunk makes a small table show it.
    monkeypatch.setattr("signatories.exports.stream.CHUNK", 100)
    statement = "A long statement in the supporter's own words. " * 40
    SignatoryFactory.create_batch(3000, statement=statement)
    response = client.get(CSV, {"type": "civil-society"})
    tracemalloc.start()
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size > 5_000_000
    # The rows arrive in chunks: the most held at once is a small part of the whole.
    assert peak < size / 3, (peak, size)


@pytest.fixture
def former():
    return SignatoryFactory(
        name="Gone Ltd",
        slug="gone-ltd",
        type="private-sector",
        status="former",
        left_on=datetime.date(2025, 12, 25),
        left_source=SourceFactory(kind="official-list", title="Official list, 2025-12-25"),
    )


def test_the_exports_give_current_supporters_unless_another_status_is_asked(
    client, supporters, former
):
    def slugs(parameters):
        return {item["slug"] for item in json.loads(_body(client.get(JSON, parameters)))["results"]}

    assert "gone-ltd" not in slugs({})
    assert slugs({"status": "former"}) == {"gone-ltd"}
    assert len(slugs({"status": "all"})) == 4
    assert len(list(csv.reader(io.StringIO(_body(client.get(CSV, {"status": "all"})))))) == 1 + 4


def test_a_former_supporter_is_exported_with_the_date_it_left(client, former):
    data = json.loads(_body(client.get(JSON, {"status": "former"})))
    assert data["count"] == 1
    assert (data["results"][0]["status"], data["results"][0]["left"]) == ("former", "2025-12-25")
    rows = list(csv.DictReader(io.StringIO(_body(client.get(CSV, {"status": "former"})))))
    assert (rows[0]["status"], rows[0]["left"]) == ("former", "2025-12-25")


@pytest.mark.parametrize("url", [JSON, CSV])
def test_a_bad_status_gives_a_400_saying_what_is_valid(client, url):
    response = client.get(url, {"status": "gone"})
    assert response.status_code == 400
    assert (
        "Valid values: current, former, all" in json.loads(response.content)["errors"]["status"][0]
    )


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1", "-1", "@x", "\tx", "\rx", "'x"]


@pytest.mark.parametrize("name", FORMULAS)
def test_a_name_a_spreadsheet_would_run_is_written_as_text(client, name):
    SignatoryFactory(name=name, slug="formula", statement=name)
    rows = list(csv.DictReader(io.StringIO(_body(client.get(CSV)))))
    assert (rows[0]["name"], rows[0]["statement"]) == ("'" + name, "'" + name)
    # The JSON export is not a spreadsheet: it gives the name as it is.
    assert json.loads(_body(client.get(JSON)))["results"][0]["name"] == name


def _database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.mark.parametrize("url", [JSON, CSV])
def test_an_export_the_database_cannot_answer_is_a_503_not_an_empty_file(client, url):
    SignatoryFactory()
    with connection.execute_wrapper(_database_down):
        response = client.get(url)
    assert response.status_code == 503
    assert "database is unavailable" in response.content.decode()
    assert response["Retry-After"]
    assert "attachment" not in response.get("Content-Disposition", "")


class _RowsThatFailMidway:
    """The export's rows, then the connection lost, as when the database goes away."""

    def __init__(self, rows):
        self.rows = rows

    def iterator(self, chunk_size):
        yield from self.rows
        raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("url", [JSON, CSV])
def test_an_export_that_fails_midway_is_cut_off_not_closed_as_if_complete(client, monkeypatch, url):
    SignatoryFactory.create_batch(5)
    exported = SignatoryQuerySet.export_rows
    monkeypatch.setattr(
        SignatoryQuerySet,
        "export_rows",
        lambda queryset: _RowsThatFailMidway(list(exported(queryset))[:3]),
    )
    monkeypatch.setattr("signatories.exports.stream.CHUNK", 1)
    response = client.get(url, {"status": "all"})
    assert response.status_code == 200
    received = []
    with pytest.raises(OperationalError):
        received.extend(chunk.decode() for chunk in response.streaming_content)
    body = "".join(received)
    assert "Organisation" in body  # rows were on their way
    if url == JSON:
        assert '"count"' not in body
        with pytest.raises(json.JSONDecodeError):
            json.loads(body)


@pytest.mark.parametrize(("url", "content_type"), [(JSON, "application/json"), (CSV, "text/csv")])
def test_head_on_an_export_gives_its_headers_without_running_it(
    client, django_assert_num_queries, url, content_type
):
    SignatoryFactory.create_batch(3)
    client.head(url)  # the directory's last change, cached from here on
    # Its validators: the revision (the last change is in the cache). No row is read.
    with django_assert_num_queries(1) as queries:
        response = client.head(url, {"type": "civil-society"})
    assert all("signatories_signatory" not in query["sql"] for query in queries)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert "Content-Length" not in response  # as the streamed GET
    assert _body(response) == ""


def test_head_on_an_export_with_a_bad_filter_is_still_a_400(client):
    assert client.head(CSV, {"type": "nope"}).status_code == 400
