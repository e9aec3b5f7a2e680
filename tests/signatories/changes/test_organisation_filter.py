"""The changes page and feed filtered by the supporters' kind of organisation (`organisation`)."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

CHANGES = reverse("signatories:changes")
FEED = reverse("signatories:changes-feed")


@pytest.fixture
def timeline():
    """A state, an NGO, a company that left, and a university whose name was corrected."""
    StateFactory(country="US", supporter_since=datetime.date(2021, 11, 11))
    SignatoryFactory(name="Access Now", kind="NGO", supporter_since=datetime.date(2019, 11, 12))
    company = SignatoryFactory(
        name="Acme",
        kind="company",
        type="private-sector",
        supporter_since=datetime.date(2018, 11, 12),
    )
    company.status, company.left_on = "former", datetime.date(2025, 12, 25)
    company.save()
    university = SignatoryFactory(
        name="Sorbone", kind="university", supporter_since=datetime.date(2020, 1, 6)
    )
    university.name = "Sorbonne University"
    university.save()


def _entries(response) -> list[tuple[str, str]]:
    return [(change.kind, change.signatory.name) for change in response.context["changes"]]


def test_the_organisation_filter_keeps_the_changes_of_those_kinds(client, timeline):
    assert _entries(client.get(CHANGES, {"organisation": "company"})) == [
        ("left", "Acme"),
        ("joined", "Acme"),
    ]
    both = _entries(client.get(CHANGES, {"organisation": ["university", "ngo"]}))
    assert sorted(both) == [
        ("corrected", "Sorbonne University"),
        ("joined", "Access Now"),
        ("joined", "Sorbonne University"),
    ]


def test_the_organisation_filter_combines_with_the_kind_of_change(client, timeline):
    response = client.get(CHANGES, {"organisation": "university", "kind": "corrected"})
    assert _entries(response) == [("corrected", "Sorbonne University")]


def test_the_form_offers_the_kinds_of_organisation_in_french_too(client, timeline):
    response = client.get("/fr/changes/", {"organisation": "university"})
    assert response.status_code == 200
    facet = next(
        facet for facet in response.context["form"].facets() if facet.name == "organisation"
    )
    assert ("university", "Université", True) in [
        (option.value, option.label, option.checked) for option in facet.options
    ]


def test_an_unknown_kind_of_organisation_is_a_400_saying_what_is_valid(client, timeline):
    response = client.get(CHANGES, {"organisation": "nope"})
    assert response.status_code == 400
    assert "“nope” is not a valid kind of organisation. Valid values: academy," in response.text


def test_the_feed_follows_the_organisation_filter(client, timeline):
    response = client.get(FEED, {"organisation": "company"})
    assert response.status_code == 200
    assert response.text.count("<entry>") == 2
    assert "Acme" in response.text
    assert "Access Now" not in response.text
    assert "organisation=company" in response.text
    bad = client.get(FEED, {"organisation": "nope"})
    assert bad.status_code == 400
    assert "Kind of organisation" in bad.text
