"""A day's counts from the directory's timeline, and today's from its standing: the same as
counting the supporters' rows."""

import datetime

import pytest
from django.http import QueryDict

from signatories.directory import facets, timeline
from signatories.directory.filters import SignatoryFilter
from signatories.models import Citation, SignatoryAlliance, Source
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date


def _member(signatory, alliance: str) -> None:
    source, _created = Source.objects.get_or_create(
        slug="first-spreadsheet", defaults={"kind": "official-repository", "title": "The list"}
    )
    citation, _created = Citation.objects.get_or_create(
        source=source,
        signatory=signatory,
        defaults={"passage": "listed", "basis": "derived", "reasoning": "Listed."},
    )
    SignatoryAlliance.objects.create(signatory=signatory, alliance=alliance, citation=citation)


@pytest.fixture
def directory():
    """Supporters who joined and left on the edges a day's counts turn on."""
    StateFactory(country="FR", supporter_since=DAY(2018, 11, 12))
    StateFactory(country="JP", supporter_since=DAY(2019, 5, 1))
    SignatoryFactory(country="DE", supporter_since=DAY(2019, 5, 1))
    # Left, with its departure recorded.
    SignatoryFactory(
        country="DE", supporter_since=DAY(2019, 9, 16), status="former", left_on=DAY(2021, 3, 1)
    )
    # A departure dated before the day it is said to have joined: it left when it joined.
    SignatoryFactory(
        country="IT", supporter_since=DAY(2020, 6, 1), status="former", left_on=DAY(2020, 1, 1)
    )
    # Joined on the last day of February of a leap year.
    SignatoryFactory(country="IT", supporter_since=DAY(2020, 2, 29))
    # No date known: on no day's list.
    SignatoryFactory(country="IT")
    company = SignatoryFactory(
        type="private-sector", kind="company", country="US", supporter_since=DAY(2019, 1, 1)
    )
    association = SignatoryFactory(
        type="private-sector",
        kind="trade association",
        country="US",
        supporter_since=DAY(2022, 12, 31),
        status="former",
        left_on=DAY(2023, 6, 30),
    )
    # Two kinds outside the vocabulary, both counted as none: their rows, apart in the
    # order of kinds, make one combination.
    for kind, left_on in (("aardvark farm", None), ("zeppelin works", DAY(2025, 2, 1))):
        SignatoryFactory(
            kind=kind,
            country="NZ",
            supporter_since=DAY(2024, 3, 1),
            status="former" if left_on else "current",
            left_on=left_on,
        )
    _member(company, "cyber-tech-accord")
    _member(association, "cyber-tech-accord")
    _member(association, "charter-of-trust")


QUERIES = [
    f"{day}status={status}{since}"
    for day in (
        "",
        *(
            f"as_of={day}&"
            for day in (
                "2018-11-12",
                "2019-05-01",
                "2020-01-01",
                "2020-06-01",
                "2021-03-01",
                "2023-06-30",
                "2025-02-01",
            )
        ),
    )
    for status in ("current", "former", "all")
    for since in ("", "&since=2019", "&since=2020", "&since=2017", "&since=2024")
    # Today's supporters of any year: counted from the rows (below).
    if day or status != "current" or since
]


def test_browsing_counts_the_same_from_the_timeline_as_from_the_supporters(directory):
    # Every query on one directory, made once: the suite's time goes to the counts.
    for query in QUERIES:
        filterset = SignatoryFilter(QueryDict(query))
        assert filterset.is_valid(), (query, filterset.errors)
        assert timeline.answers(filterset.form.cleaned_data), query
        cube, alliances = timeline.cubes(filterset.form.cleaned_data)
        assert sorted(cube) == sorted(facets._cube(filterset)), query
        assert sorted(alliances) == sorted(facets._alliance_cube(filterset)), query


def test_a_former_supporter_counts_from_its_departure_and_never_before_it_joined(directory):
    def total(query: str) -> int:
        filterset = SignatoryFilter(QueryDict(query))
        assert filterset.is_valid(), filterset.errors
        return facets.counts_for(filterset)["total"]

    assert total("as_of=2020-02-28&country=IT") == 0
    assert total("as_of=2020-05-31&country=IT") == 1  # joined 29 February 2020
    assert total("as_of=2020-06-01&status=former") == 1  # left when it joined
    assert total("as_of=2020-06-01&status=all&since=2020") == 2
    assert total("as_of=2021-03-01&status=former") == 2


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=current&type=state&country=FR",
        "alliance=charter-of-trust",
        "alliance=charter-of-trust&as_of=2023-01-01",
        "q=gone",
    ],
)
def test_today_s_list_a_search_or_an_alliance_is_counted_from_the_rows(directory, query):
    filterset = SignatoryFilter(QueryDict(query))
    assert filterset.is_valid(), filterset.errors
    assert not timeline.answers(filterset.form.cleaned_data)


def test_a_status_or_a_year_not_asked_before_costs_no_query_once_the_standing_is_read(
    client, directory, django_assert_num_queries
):
    # Joined in 2019 and current: Japan, a German supporter, the company (the other left).
    first = client.get("/signatories/", {"since": "2019"})
    assert first.context["counts"]["total"] == 3
    # The revision, and the page's rows: nothing is counted.
    with django_assert_num_queries(2) as queries:
        response = client.get("/signatories/", {"status": "former", "since": "2020"})
    assert not any("GROUP BY" in query["sql"] for query in queries)
    assert response.context["counts"]["total"] == 1


def test_the_alliances_count_a_kind_by_its_slug(client, directory):
    counts = client.get("/signatories/", {"kind": "trade-association", "status": "all"}).context[
        "counts"
    ]
    assert counts["alliance"] == {"cyber-tech-accord": 1, "charter-of-trust": 1}
    day = client.get("/signatories/", {"kind": "trade-association", "as_of": "2023-01-01"}).context[
        "counts"
    ]
    assert day["alliance"] == {"cyber-tech-accord": 1, "charter-of-trust": 1}
    assert day["total"] == 1


def test_a_membership_saved_after_the_counts_were_kept_is_counted_at_once(client, directory):
    joined = SignatoryFactory(country="GB", supporter_since=DAY(2019, 2, 1))
    assert client.get("/signatories/", {"country": "GB"}).context["counts"]["alliance"] == {}
    _member(joined, "charter-of-trust")
    for parameters in ({"country": "GB"}, {"country": "GB", "as_of": "2020-01-01"}):
        counts = client.get("/signatories/", parameters).context["counts"]
        assert counts["alliance"] == {"charter-of-trust": 1}
