"""`as_of` on /countries/ and a country's page: the countries as they stood that day."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db
COUNTRIES = reverse("signatories:countries")
DAY = datetime.date


@pytest.fixture
def directory():
    StateFactory(country="FR", supporter_since=DAY(2018, 11, 12))
    StateFactory(
        country="DE",
        supporter_since=DAY(2019, 9, 16),
        supporter_since_is_bound=True,
        status="former",
        left_on=DAY(2020, 3, 1),
    )
    SignatoryFactory(name="Early Bird", country="DE", supporter_since=DAY(2019, 1, 1))
    SignatoryFactory(name="Latecomer", country="DE", supporter_since=DAY(2021, 11, 11))


def _rows(response) -> dict:
    assert response.status_code == 200
    return {row.code: row for row in response.context["rows"]}


def test_the_countries_as_of_a_day_count_the_supporters_of_that_day(client, directory):
    rows = _rows(client.get(COUNTRIES, {"as_of": "2019-12-31"}))
    assert rows["DE"].total == 2  # its state, not yet gone, and Early Bird
    assert rows["FR"].total == 1
    rows = _rows(client.get(COUNTRIES, {"as_of": "2018-11-12"}))
    assert [code for code, row in rows.items() if row.total] == ["FR"]
    today = _rows(client.get(COUNTRIES))
    assert today["DE"].total == 2  # Early Bird and Latecomer; the state has left


def test_a_state_that_left_later_supported_the_call_that_day(client, directory):
    response = client.get("/countries/de/", {"as_of": "2019-12-31"})
    text = " ".join(response.text.split())
    assert response.context["total"] == 2
    assert "This is the directory as it stood on 31 December 2019" in text
    assert "See the directory today</a>" in text
    later = client.get("/countries/de/", {"as_of": "2020-12-31"})
    assert later.context["total"] == 1


def test_the_countries_page_says_so_in_both_languages(client, directory):
    english = " ".join(client.get(COUNTRIES, {"as_of": "2019-12-31"}).text.split())
    assert "This is the directory as it stood on 31 December 2019" in english
    french = " ".join(client.get("/fr" + COUNTRIES, {"as_of": "2019-12-31"}).text.split())
    assert "C’est l’annuaire tel qu’il était le 31 décembre 2019" in french


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2018-11-11", "Choose a day from 2018-11-12"),
        ("2999-01-01", "Choose a day from 2018-11-12"),
        ("2019-02-30", "Enter a day as YYYY-MM-DD"),
        ("yesterday", "Enter a day as YYYY-MM-DD"),
    ],
)
def test_a_bad_day_is_a_400_on_both_pages(client, directory, value, message):
    for path in (COUNTRIES, "/countries/de/"):
        response = client.get(path, {"as_of": value})
        assert response.status_code == 400
        assert message in response.text


def test_a_countries_page_as_of_a_day_seen_before_costs_what_any_does(
    client, directory, django_assert_num_queries
):
    client.get(COUNTRIES, {"as_of": "2019-12-31"})
    # The directory's revision alone: the counts, the rendered map and the rendered table
    # come from the cache (per process by default, so no statement).
    with django_assert_num_queries(1) as queries:
        client.get(COUNTRIES, {"as_of": "2019-12-31"})
    assert all("signatories_signatory" not in query["sql"] for query in queries)
    client.get("/countries/de/", {"as_of": "2019-12-31"})
    with django_assert_num_queries(1):
        client.get("/countries/de/", {"as_of": "2019-12-31"})
