"""/signatories/<slug>.json: one supporter's record and its citations."""

import datetime

import pytest
from django.urls import reverse

from signatories.columns import as_record
from tests.factories import CitationFactory, SignatoryFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _cited_twice():
    """A supporter cited by the official list and, derived, by an article."""
    supporter = SignatoryFactory(
        name="Cyber Peace Institute",
        slug="cyber-peace-institute",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
    )
    article = SourceFactory(
        title="As cyber threats mount",
        publisher="World Economic Forum",
        date=datetime.date(2019, 1, 1),
        date_precision="month",
    )
    official = SourceFactory(
        title="Paris Call supporters list",
        kind="official-list",
        url="https://pariscall.international/en/supporters",
        date=datetime.date(2025, 12, 25),
        date_precision="day",
    )
    CitationFactory(signatory=supporter, source=official, passage="Cyber Peace Institute")
    CitationFactory(
        signatory=supporter,
        source=article,
        passage="More than 150 NGOs",
        basis="derived",
        reasoning="It is one of them.",
    )
    return supporter


def test_a_supporters_json_is_its_export_record_with_its_citations(client):
    supporter = _cited_twice()
    response = client.get(reverse("signatories:detail-json", args=["cyber-peace-institute"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert {key: data[key] for key in as_record(supporter)} == as_record(supporter)
    assert data["since"] == "2019-01"
    assert data["citations"] == [
        {
            "source": {
                "title": "As cyber threats mount",
                "publisher": "World Economic Forum",
                "date": "2019-01",
                "url": None,
            },
            "passage": "More than 150 NGOs",
            "basis": "derived",
            "reasoning": "It is one of them.",
        },
        {
            "source": {
                "title": "Paris Call supporters list",
                "publisher": "A publisher",
                "date": "2025-12-25",
                "url": "https://pariscall.international/en/supporters",
            },
            "passage": "Cyber Peace Institute",
            "basis": "stated",
            "reasoning": None,
        },
    ]


def test_an_unknown_supporter_is_a_json_404(client):
    response = client.get("/signatories/nobody-at-all.json")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "No supporter has the identifier “nobody-at-all”."}


def test_the_json_is_found_beside_the_page(client):
    supporter = SignatoryFactory(slug="here")
    assert client.get(supporter.get_absolute_url()).status_code == 200
    assert client.get("/signatories/here.json").json()["url"] == "/signatories/here/"
