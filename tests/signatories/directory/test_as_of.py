"""`as_of`: the directory as it stood on a day, on the list, its exports and its counts."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from signatories.models import Citation, SignatoryAlliance, Source
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db
LIST = reverse("signatories:list")
DAY = datetime.date


@pytest.fixture
def directory():
    return {
        "france": StateFactory(country="FR", supporter_since=DAY(2018, 11, 12)),
        "early": SignatoryFactory(
            name="Early Bird",
            country="DE",
            supporter_since=DAY(2019, 1, 1),
            supporter_since_precision="month",
            supporter_since_is_bound=True,
        ),
        "left": SignatoryFactory(
            name="Gone Since",
            type="private-sector",
            country="DE",
            supporter_since=DAY(2019, 9, 16),
            supporter_since_is_bound=True,
            status="former",
            left_on=DAY(2020, 3, 1),
        ),
        "late": SignatoryFactory(name="Latecomer", supporter_since=DAY(2021, 11, 11)),
        "undated": SignatoryFactory(name="No Date Known"),
    }


def _names(response) -> list[str]:
    return [row.name for row in response.context["page_obj"].object_list]


def test_the_list_as_of_a_day_has_who_had_joined_and_not_left(client, directory):
    assert _names(client.get(LIST, {"as_of": "2019-12-31"})) == [
        "Early Bird",
        "France",
        "Gone Since",
    ]
    assert _names(client.get(LIST, {"as_of": "2020-12-31"})) == ["Early Bird", "France"]
    assert _names(client.get(LIST, {"as_of": "2018-11-12"})) == ["France"]


def test_a_by_date_counts_from_itself(client, directory):
    assert "Early Bird" in _names(client.get(LIST, {"as_of": "2019-01-01"}))
    assert "Early Bird" not in _names(client.get(LIST, {"as_of": "2018-12-31"}))


def test_the_status_on_that_day_is_asked_for_as_on_any_day(client, directory):
    former = client.get(LIST, {"as_of": "2020-12-31", "status": "former"})
    assert _names(former) == ["Gone Since"]
    every = client.get(LIST, {"as_of": "2020-12-31", "status": "all"})
    assert _names(every) == ["Early Bird", "France", "Gone Since"]


def test_facets_and_total_count_the_supporters_of_that_day(client, directory):
    response = client.get(LIST, {"as_of": "2019-12-31", "type": "civil-society"})
    counts = response.context["counts"]
    assert counts["total"] == 1
    assert counts["type"] == {"state": 1, "civil-society": 1, "private-sector": 1}
    assert counts["country"] == {"DE": 1}


def test_the_page_says_it_shows_that_day_with_a_way_back_to_today(client, directory):
    text = " ".join(client.get(LIST, {"as_of": "2019-12-31", "type": "state"}).text.split())
    assert "This is the directory as it stood on 31 December 2019" in text
    assert 'href="?type=state">See the directory today</a>' in text


def test_the_french_page_says_so_in_french(client, directory):
    text = " ".join(client.get("/fr" + LIST, {"as_of": "2019-12-31"}).text.split())
    assert "C’est l’annuaire tel qu’il était le 31 décembre 2019" in text
    assert "Voir l’annuaire aujourd’hui" in text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2018-11-11", "Choose a day from 2018-11-12 (the Call&#x27;s date) to "),
        ("2019-13-01", "Enter a day as YYYY-MM-DD"),
        ("31/12/2019", "Enter a day as YYYY-MM-DD"),
        ("2019-12", "Enter a day as YYYY-MM-DD"),
    ],
)
def test_a_day_out_of_range_or_malformed_is_a_400_saying_what_is_valid(
    client, directory, value, message
):
    response = client.get(LIST, {"as_of": value})
    assert response.status_code == 400
    assert message in response.text


def test_a_day_in_the_future_is_a_400_naming_today(client, directory):
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    response = client.get(LIST, {"as_of": tomorrow.isoformat()})
    assert response.status_code == 400
    assert f"to {today.isoformat()} (today)" in response.text


def test_the_exports_take_the_day_too(client, directory):
    data = json.loads(
        b"".join(client.get("/signatories.json", {"as_of": "2020-12-31"}).streaming_content)
    )
    assert [row["name"] for row in data["results"]] == ["Early Bird", "France"]
    csv = b"".join(client.get("/signatories.csv", {"as_of": "2019-12-31"}).streaming_content)
    assert csv.decode().count("\n") == 4  # the header and three supporters
    bad = client.get("/signatories.csv", {"as_of": "2030-01-01"})
    assert bad.status_code == 400
    assert "as_of" in bad.json()["errors"]


def test_a_new_day_is_counted_from_the_timeline_and_reads_only_its_page(
    client, directory, django_assert_num_queries
):
    # The first day asked since the directory changed: the revision; the directory's
    # timeline (the supporters' days and the alliance members'), read once per revision
    # (on PostgreSQL by a cursor planned for all its rows); the page missed, its rows (what
    # is kept goes to the process's memory, not the database).
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, {"as_of": "2019-12-31"}).status_code == 200
    planned = [query for query in queries if query["sql"].startswith("SET LOCAL")]
    assert len(planned) == (connection.vendor == "postgresql")
    assert len(queries) - len(planned) == 4
    # Seen before: the revision alone (the counts and the page from the per-process cache).
    with django_assert_num_queries(1):
        assert client.get(LIST, {"as_of": "2019-12-31"}).status_code == 200
    # A new day: the revision, and its page of rows; counted without reading a supporter.
    with django_assert_num_queries(2) as queries:
        assert client.get(LIST, {"as_of": "2020-12-31", "status": "all"}).status_code == 200
    assert sum("signatories_signatory" in query["sql"] for query in queries) == 1


def test_a_write_makes_the_next_day_asked_read_the_timeline_again(client, directory):
    assert client.get(LIST, {"as_of": "2022-01-01"}).context["counts"]["total"] == 3
    SignatoryFactory(name="Newcomer", supporter_since=DAY(2021, 12, 1))
    counts = client.get(LIST, {"as_of": "2022-01-01", "type": "state"}).context["counts"]
    assert counts["total"] == 1
    assert counts["type"] == {"state": 1, "civil-society": 3}


def _member(signatory, alliance):
    source = Source.objects.create(
        slug=f"commit-{signatory.pk}", kind="official-repository", title="A commit"
    )
    citation = Citation.objects.create(
        source=source,
        signatory=signatory,
        passage="listed",
        basis="derived",
        reasoning="The commit lists it.",
    )
    SignatoryAlliance.objects.create(signatory=signatory, alliance=alliance, citation=citation)


def test_the_alliance_filter_lists_the_members_with_its_counts(client, directory):
    _member(directory["early"], "charter-of-trust")
    _member(directory["late"], "cyber-tech-accord")
    response = client.get(LIST, {"alliance": "charter-of-trust"})
    assert _names(response) == ["Early Bird"]
    assert response.context["counts"]["alliance"] == {
        "charter-of-trust": 1,
        "cyber-tech-accord": 1,
    }
    both = client.get(LIST, {"alliance": ["charter-of-trust", "cyber-tech-accord"]})
    assert _names(both) == ["Early Bird", "Latecomer"]
    text = " ".join(response.text.split())
    assert "Charter of Trust" in text
    assert client.get(LIST, {"alliance": "nato"}).status_code == 400


def test_alliance_and_as_of_combine(client, directory):
    _member(directory["late"], "cyber-tech-accord")
    response = client.get(LIST, {"alliance": "cyber-tech-accord", "as_of": "2020-12-31"})
    assert _names(response) == []
    assert response.context["counts"]["alliance"] == {}


def test_a_search_shows_the_alliances_without_counting_them(client, directory):
    _member(directory["early"], "charter-of-trust")
    response = client.get(LIST, {"q": "early"})
    assert response.context["counts"]["alliance"] is None
    assert _names(response) == ["Early Bird"]
    assert _names(client.get(LIST, {"q": "early", "alliance": "charter-of-trust"})) == [
        "Early Bird"
    ]


def test_a_search_as_of_a_day_is_counted_from_the_words_index(client, directory):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"q": "gone", "as_of": "2019-12-31"})
    assert _names(response) == ["Gone Since"]
    assert response.context["counts"]["total"] == 1
    counting = [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]
    assert counting
    assert all('"signatories_signatory"' not in sql for sql in counting), counting
    assert _names(client.get(LIST, {"q": "gone", "as_of": "2020-12-31"})) == []
    former = client.get(LIST, {"q": "gone", "as_of": "2020-12-31", "status": "former"})
    assert _names(former) == ["Gone Since"]
