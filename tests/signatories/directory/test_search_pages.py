"""A search's page read either way (`signatories.directory.search`): walking the supporters
in the list's order gives the very rows that sorting the search's matches does, in every
order and language, and gives up for the sort when the matches lie further on."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.directory import search
from signatories.directory.filters import SignatoryFilter
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
    # Last in English, first in French; and a name two supporters share (ties go by id).
    SignatoryFactory(name="Zulu Sentinel", name_fr="Agence Sentinelle", country="FR")
    SignatoryFactory(name="Golf Sentinel 6", slug="golf-sentinel-6-de", country="DE")


def _spy(monkeypatch) -> list[tuple]:
    """Each walk's (cap, supporters the filters leave, page ids or None if it gave up)."""
    walks = []
    walk = search.SearchPage._walked

    def spied(page_rows, page, cap):
        walks.append((cap, page_rows.population(), walk(page_rows, page, cap)))
        return walks[-1][-1]

    monkeypatch.setattr(search.SearchPage, "_walked", spied)
    return walks


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
    walks = _spy(monkeypatch)
    assert _pages(client, path, parameters) == sorted_pages
    assert sorted_pages
    # Every page was walked, none given up.
    assert len(walks) == len(sorted_pages)
    assert None not in [ids for _cap, _population, ids in walks]


def test_a_walk_checks_its_supporters_in_batches_the_database_takes(client, directory, monkeypatch):
    _walking(monkeypatch, walk=False)
    sorted_pages = _pages(client, LIST, {"q": "s d"})
    assert sorted_pages
    _walking(monkeypatch, walk=True)
    # Two words take 5 parameters (the leading one's range and length, the other's range):
    # batches of 2 ids.
    monkeypatch.setattr(connection.features, "max_query_params", 7)
    parameters = []

    def counted(execute, sql, params, many, context):
        if '"signatory_id" IN (' in sql:
            parameters.append(len(params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        assert _pages(client, LIST, {"q": "s d"}) == sorted_pages
    assert len(parameters) > len(sorted_pages)
    assert max(parameters) == 7


@pytest.mark.parametrize("sort", ["name", "-name", "since"])
@pytest.mark.parametrize("path", [LIST, "/fr" + LIST])
def test_a_walk_cut_short_gives_the_pages_sorting_the_matches_does(
    client, monkeypatch, settings, sort, path
):
    settings.SIGNATORIES_PER_PAGE = 3
    for index in range(30):
        word = "Sentinel" if index % 2 else "Network"
        day = datetime.date(2019, 1, 1) + datetime.timedelta(days=(index * 7) % 30)
        SignatoryFactory(name=f"Name {index:02} {word}", supporter_since=day)
    parameters = {"q": "sentinel", "sort": sort}
    _walking(monkeypatch, walk=False)
    sorted_pages = _pages(client, path, parameters)
    _walking(monkeypatch, walk=True)
    # Each page's walk reads only the supporters it expects to need: 3 × 30 / 15 = 6 for
    # the first, 12 for the second, …
    monkeypatch.setattr(search, "WALK_MARGIN", 1)
    walks = _spy(monkeypatch)
    assert _pages(client, path, parameters) == sorted_pages
    assert len(sorted_pages) == 4
    cut_short = [ids for cap, population, ids in walks if cap < population]
    assert cut_short
    assert None not in cut_short


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


def _walk_cap(query: str, matches: int, unfaceted: int, population, stop: int = 50):
    filterset = SignatoryFilter(QueryDict(query))
    assert filterset.is_valid(), filterset.errors
    counts = {"total": matches, "unfaceted": unfaceted}
    counted = population if callable(population) else lambda: population
    return search.SearchPage(filterset, counts, counted)._walk_cap(stop)


def _not_counted() -> int:
    raise AssertionError("the supporters without the search were counted")


def test_the_walk_is_chosen_where_the_cost_model_says_it_reads_less():
    # Counts as they are at a million synthetic supporters (docs/performance.md).
    directory = 959_933
    # `s` matches half the directory: about 4 × 50 × 2 supporters walked.
    assert _walk_cap("q=s", 527_571, 527_571, directory) == 364
    # `s` among the states: all 248 read, against half a million entries sorted.
    assert _walk_cap("q=s&type=state", 43, 527_571, 248) == 1154
    # A word in 5 % of names: sorting its 46,000 entries costs less than 4,152 walked.
    assert _walk_cap("q=cyber", 46_247, 46_247, directory) is None
    # A deep page of a word in 14 % of names: 7,032 walked cost more than the sort.
    assert _walk_cap("q=se", 136_516, 136_516, directory, stop=250) is None
    # Never more than MOST_WALKED: page 100 of `s` would read 36,390.
    assert _walk_cap("q=s", 527_571, 527_571, directory, stop=5_000) is None


def test_the_walk_is_not_weighed_where_it_cannot_be_chosen():
    # Few entries: the index sorts them at once.
    assert _walk_cap("q=s", 5_000, 5_000, _not_counted) is None
    # A page end that alone costs more to walk than the sort.
    assert _walk_cap("q=cyber", 20_000, 20_000, _not_counted, stop=600) is None
    # A kind (no index in the list's order) and a day (the timeline's) are the index's.
    assert _walk_cap("q=s&kind=university", 50_000, 527_571, _not_counted) is None
    assert _walk_cap("q=s&as_of=2020-01-01", 50_000, 527_571, _not_counted) is None
    assert _walk_cap("q=s", 0, 527_571, _not_counted) is None
