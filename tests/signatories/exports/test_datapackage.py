"""/datapackage.json describes /signatories.csv exactly: frictionless validates one by the other."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from frictionless import Package

from signatories.columns import CSV_COLUMNS
from signatories.models import Signatory, SignatoryType
from signatories.regions import Region
from tests.factories import SignatoryFactory, SourceFactory, StateFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).parents[3]
FIXTURES = sorted(str(path) for path in (PROJECT / "fixtures").glob("*.json"))
SNAPSHOT = PROJECT / "data" / "official-supporters-2025-12-25.csv"
PACKAGE = reverse("datapackage")


def _validate_live_csv(client, tmp_path, query: str = "") -> object:
    """Frictionless's report on the CSV export checked against the published package."""
    descriptor = client.get(PACKAGE).json()
    response = client.get(reverse("signatories:csv") + query)
    (tmp_path / "supporters.csv").write_bytes(b"".join(response.streaming_content))
    descriptor["resources"][0]["path"] = "supporters.csv"
    return Package(descriptor, basepath=str(tmp_path)).validate()


def _errors(report) -> list:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.fixture
def awkward_supporters():
    """Supporters whose cells test the schema: partial dates, no country, formula-like text."""
    SignatoryFactory(
        name="=Formula Foundation",
        slug="formula-foundation",
        kind="-think tank",
        statement="@everyone: we support it,\nfully.",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="Nowhere Network",
        slug="nowhere-network",
        country="",
        region="unknown",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="year",
        website="https://example.org/a?b=c",
        linkedin="https://www.linkedin.com/company/nowhere",
    )
    StateFactory(country="US", supporter_since=datetime.date(2021, 11, 11))
    SignatoryFactory(
        name="Gone Ltd", type="private-sector", status="former", left_on=datetime.date(2024, 5, 2)
    )


def test_the_live_csv_of_the_seed_data_is_valid_against_the_live_data_package(
    client, tmp_path, awkward_supporters
):
    call_command("loaddata", *FIXTURES, verbosity=0)
    report = _validate_live_csv(client, tmp_path)
    assert report.valid, _errors(report)
    assert report.tasks[0].stats["rows"] == Signatory.objects.current().count() > 40


def test_the_live_csv_of_the_whole_official_snapshot_is_valid_against_the_data_package(
    client, tmp_path
):
    call_command("loaddata", *FIXTURES, verbosity=0)
    # As `make run` does: the whole official list, over the seed data.
    call_command("import_signatories", str(SNAPSHOT), "--full-list", "--skip-invalid", verbosity=0)
    report = _validate_live_csv(client, tmp_path, "?status=all")
    assert report.valid, _errors(report)
    assert report.tasks[0].stats["rows"] == Signatory.objects.count() > 1200


def test_former_supporters_validate_too(client, tmp_path, awkward_supporters):
    report = _validate_live_csv(client, tmp_path, "?status=all")
    assert report.valid, _errors(report)
    assert report.tasks[0].stats["rows"] == 4


def test_a_csv_that_breaks_the_schema_is_caught(client, tmp_path, awkward_supporters):
    descriptor = client.get(PACKAGE).json()
    cells = {"name": "Same", "slug": "same", "type": "planet", "country": "FRA"}
    cells |= {"region": "mars", "since": "2019-1", "since_by": "maybe", "left": "2019-13-45"}
    bad = "\r\n".join([",".join(CSV_COLUMNS), ",".join(cells.get(c, "") for c in CSV_COLUMNS)])
    (tmp_path / "supporters.csv").write_text(bad + "\r\n")
    descriptor["resources"][0]["path"] = "supporters.csv"
    report = Package(descriptor, basepath=str(tmp_path)).validate()
    broken = {error[1] for error in _errors(report)}
    assert broken == {"type", "country", "region", "since", "since_by", "status", "left"}


def test_the_schema_lists_the_exported_columns_in_the_exports_order(client):
    resource = client.get(PACKAGE).json()["resources"][0]
    schema = resource["schema"]
    assert [field["name"] for field in schema["fields"]] == CSV_COLUMNS
    assert schema["primaryKey"] in ("slug", ["slug"])
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["type"]["constraints"]["enum"] == SignatoryType.values
    assert fields["region"]["constraints"]["enum"] == Region.values
    assert fields["country"]["constraints"]["pattern"] == "[A-Z]{2}"
    assert fields["status"]["constraints"]["enum"] == ["current", "former"]
    assert fields["left"]["type"] == "date"
    assert "2019-01" in fields["since"]["description"]
    assert resource["path"] == "http://testserver/signatories.csv"
    assert resource["mediatype"] == "text/csv"


def test_the_package_names_its_licence_its_sources_and_when_the_data_last_changed(
    client, django_capture_on_commit_callbacks
):
    SourceFactory(title="As cyber threats mount", publisher="World Economic Forum")
    assert "created" not in client.get(PACKAGE).json()
    with django_capture_on_commit_callbacks(execute=True):
        SignatoryFactory()
    package = client.get(PACKAGE).json()
    assert package["profile"] == "tabular-data-package"
    assert client.get(PACKAGE)["Access-Control-Allow-Origin"] == "*"
    assert package["licenses"][0]["name"] == "EUPL-1.2"
    assert package["sources"][0]["path"] == "https://pariscall.international/en/supporters"
    assert package["sources"][1] == {"title": "As cyber threats mount, World Economic Forum"}
    assert package["created"].startswith(timezone.now().date().isoformat())


def test_the_kind_column_lists_the_kinds_in_use_as_the_csv_writes_them(client, awkward_supporters):
    fields = {
        field["name"]: field
        for field in client.get(PACKAGE).json()["resources"][0]["schema"]["fields"]
    }
    # "-think tank" is written with an apostrophe in front, as every formula-like cell.
    assert fields["kind"]["constraints"]["enum"] == ["'-think tank", "association"]
