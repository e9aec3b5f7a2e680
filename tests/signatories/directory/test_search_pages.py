"""A search's page read either way (`signatories.directory.search`): walking the supporters
in the list's order gives the very rows that sorting the search's matches does, in every
order and language, and gives up for the sort when the matches lie further on."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.directory import search
from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("signatories:list")


@pytest.fixture
def directory(settings):
    """Names whose words "sentinel" and "data" are spread through the name order, in two
    countries and types, with dates, no date, and a former supporter."""
    settings.SIGNATORIES_PER_PAGE = 3
    firsts = ["Alpha", "Bravo", "Ćharlie", "Delta", "Écho", "Foxtrot", "Golf", "Hotel"]
    for index, first in enumerate(firsts * 3):
        second = ("Sentinel", "Data", "Network")[index % 3]
        SignatoryFactory(
            name=f"{first} {second} {index}",
            type=("civil-society", "private-sector")[index % 2],
            country=("FR", "JP")[index % 5 == 0],
            supporter_since=None if index % 7 == 0 else datetime.date(2019, 1 + index % 12, 1),
            status="former" if index == 4 else "current",
            left_on=datetime.date(2022, 1, 1) if index == 4 else None,
        )


def _walking(monkeypatch, walk: bool) -> None:
    cache.clear()
    monkeypatch.setattr(search, "FEW_ENTRIES", 0 if walk else 10**9)
    monkeypatch.setattr(search, "WALKED_COST", 0.0)


def _pages(client, path: str, parameters: dict) -> list[list[str]]:
    pages = []
    for page in (1, 2, 3, 4):
        response = client.get(path, {**parameters, "page": page})
        if response.status_code == 404:
            break
        pages.append([signatory.name for signatory in response.context["page_obj"]])
    return pages


@pytest.mark.parametrize(
    "parameters",
    [
        {"q": "sen"},
        {"q": "s"},
        {"q": "sentinel", "sort": "-name"},
        {"q": "d", "sort": "since"},
        {"q": "d", "sort": "-since"},
        {"q": "s", "country": "JP"},
        {"q": "sen", "type": "private-sector", "status": "all"},
        {"q": "data", "status": "former"},
        {"q": "s", "since": "2019"},
    ],
)
@pytest.mark.parametrize("path", [LIST, "/fr" + LIST])
def test_walking_the_supporters_gives_the_pages_sorting_the_matches_does(
    client, directory, monkeypatch, parameters, path
):
    _walking(monkeypatch, walk=False)
    sorted_pages = _pages(client, path, parameters)
    _walking(monkeypatch, walk=True)
    walked = []
    walk = search.SearchPage._walked
    monkeypatch.setattr(
        search.SearchPage, "_walked", lambda *args: walked.append(walk(*args)) or walked[-1]
    )
    assert _pages(client, path, parameters) == sorted_pages
    assert sorted_pages
    # Every page was walked, none given up.
    assert len(walked) == len(sorted_pages)
    assert None not in walked


def test_the_walk_gives_up_for_the_sort_when_the_matches_sort_together_further_on(
    client, monkeypatch, settings
):
    settings.SIGNATORIES_PER_PAGE = 3
    for index in range(20):
        SignatoryFactory(name=f"Alpha Network {index}")
    for index in range(5):
        SignatoryFactory(name=f"Zeta Sentinel {index}")
    _walking(monkeypatch, walk=True)
    # The walk expects its 3 rows among the first 3 × 25 / 5 = 15 supporters: none is there.
    monkeypatch.setattr(search, "WALK_MARGIN", 1)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"q": "sentinel"})
    names = [signatory.name for signatory in response.context["page_obj"]]
    assert names == ["Zeta Sentinel 0", "Zeta Sentinel 1", "Zeta Sentinel 2"]
    sql = [query["sql"] for query in queries]
    walked = [query for query in sql if "LIMIT 15" in query]
    assert len(walked) == 1
    assert "signatories_signatory" in walked[0]
    # Then the index's matches, sorted by name.
    assert any(
        'FROM "signatories_searchword"' in query and "ORDER BY" in query and "LIMIT 3" in query
        for query in sql
    )
