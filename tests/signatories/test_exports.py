"""/signatories.json and /signatories.csv: the filtered list, every page, streamed."""

import csv
import datetime
import io
import json
import tracemalloc

import pytest
from django.urls import reverse

from signatories.export import CSV_COLUMNS
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

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
    assert response["Content-Type"] == "text/csv"
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
    monkeypatch.setattr("signatories.views.EXPORT_CHUNK", 100)
    statement = "A long statement in the supporter's own words. " * 40
    SignatoryFactory.create_batch(3000, statement=statement)
    response = client.get(CSV)
    tracemalloc.start()
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size > 5_000_000
    # The rows arrive in chunks: the most held at once is a small part of the whole.
    assert peak < size / 3, (peak, size)
