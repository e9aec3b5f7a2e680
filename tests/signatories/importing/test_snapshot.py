"""The bundled snapshot of the official list, imported over the seed data as `make run` does."""

from pathlib import Path

import pytest
from django.core.management import call_command

from signatories.importing import import_file
from signatories.models import Signatory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
SNAPSHOT = ROOT / "data" / "official-supporters-2025-12-25.csv"


def test_the_bundled_list_gives_every_categorised_supporter_once_and_dated():
    call_command("loaddata", *sorted(map(str, (ROOT / "fixtures").glob("*.json"))), verbosity=0)
    seeded = Signatory.objects.count()
    report = import_file(str(SNAPSHOT), full_list=True, skip_invalid=True)

    assert report.written
    assert report.counts["created"] + seeded == 1217  # nothing duplicated over the seed data
    assert sorted(row.name for row in report.rejected) == [
        "CAPS",
        "HIKANOTES CONSULTANCY LTD",
        "Instituto de Neurocirugía Dr. Asenjo",
        "Liceul Atanasie Marienescu",
        "Smart Africa",
    ]
    assert {row.reason for row in report.rejected} == {"no category"}
    assert Signatory.objects.filter(status="current").count_by("type") == {
        "state": 81,
        "public-authority": 37,
        "civil-society": 391,
        "private-sector": 708,
    }
    assert not Signatory.objects.filter(supporter_since__isnull=True).exists()
    assert sorted(Signatory.objects.filter(region="unknown").values_list("name", flat=True)) == [
        "Number Resource Organization (NRO)",
        "RPHS Law",
        "Transatlantic Commission on Election Integrity",
    ]

    again = import_file(str(SNAPSHOT), full_list=True, skip_invalid=True)
    assert again.counts["unchanged"] == 1217
    assert not again.leaving
