"""French pages name supporters in French and sort them in French order, in the database."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse

from signatories.models import Signatory
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

LIST = reverse("signatories:list")
FRENCH_LIST = "/fr" + LIST
ROW_NAME = re.compile(r'<th scope="row"><a href="[^"]*">([^<]*)</a>')

EUROPE = ["DE", "AL", "AD", "AT", "BE", "GB", "ES", "IS"]


@pytest.fixture
def states():
    """European states whose English and French orders differ, and a few elsewhere."""
    made = {code: StateFactory(country=code) for code in EUROPE}
    for code in ("BJ", "BF", "EG", "EC", "AE", "CI", "CR", "US"):
        made[code] = StateFactory(country=code, supporter_since=datetime.date(2020, 1, 1))
    return made


def _rows(response) -> list[str]:
    assert response.status_code == 200
    return ROW_NAME.findall(response.text)


def test_every_state_has_its_country_s_french_name_and_keeps_its_slug(states):
    germany = Signatory.objects.get(country="DE")
    assert (germany.name, germany.name_fr, germany.slug) == ("Germany", "Allemagne", "germany")
    assert Signatory.objects.get(country="CI").name_fr == "Côte d'Ivoire"


def test_the_french_list_names_and_sorts_the_states_in_french(client, states):
    response = client.get(FRENCH_LIST, {"type": "state", "region": "europe"})
    assert _rows(response) == [
        "Albanie",
        "Allemagne",
        "Andorre",
        "Autriche",
        "Belgique",
        "Espagne",
        "Islande",
        "Royaume-Uni",
    ]


def test_the_french_list_sorts_backwards_in_french_too(client, states):
    response = client.get(FRENCH_LIST, {"type": "state", "region": "europe", "sort": "-name"})
    assert _rows(response)[:3] == ["Royaume-Uni", "Islande", "Espagne"]


def test_the_english_list_is_unchanged(client, states):
    response = client.get(LIST, {"type": "state", "region": "europe"})
    assert _rows(response) == [
        "Albania",
        "Andorra",
        "Austria",
        "Belgium",
        "Germany",
        "Iceland",
        "Spain",
        "United Kingdom",
    ]


def test_accented_names_sort_among_their_letter_and_typography_is_french(client, states):
    response = client.get(FRENCH_LIST, {"type": "state", "since": "2020"})
    assert _rows(response) == [
        "Bénin",
        "Burkina Faso",
        "Costa Rica",
        "Côte d’Ivoire",
        "Égypte",
        "Émirats arabes unis",
        "Équateur",
        "États-Unis d’Amérique",
    ]


def test_the_country_facet_lists_its_options_in_french_order(client, states):
    response = client.get(FRENCH_LIST, {"type": "state"})
    facet = next(facet for facet in response.context["facets"] if facet.name == "country")
    labels = [option.label for option in facet.options]
    assert labels.index("Bénin") < labels.index("Burkina Faso")
    assert labels.index("Égypte") < labels.index("Équateur") < labels.index("Espagne")
    assert labels.index("Costa Rica") < labels.index("Côte d’Ivoire") < labels.index("Égypte")


def test_the_countries_table_sorts_in_french_order(client, states):
    response = client.get("/fr" + reverse("signatories:countries"))
    text = response.text.split("<table", 1)[1]
    assert text.index("Bénin") < text.index("Burkina Faso")
    assert text.index(">Égypte<") < text.index(">Émirats arabes unis<") < text.index(">Équateur<")
    assert text.index(">Équateur<") < text.index(">Espagne<")


def test_a_country_s_supporters_and_a_supporter_s_neighbours_sort_in_french(client):
    for name, name_fr in [("Zeta Institute", "Institut Alpha"), ("Beta Lab", "Laboratoire Bêta")]:
        SignatoryFactory(name=name, name_fr=name_fr, country="FR")
    SignatoryFactory(name="Écoles du numérique", country="FR")
    page = StateFactory(country="FR").get_absolute_url()
    response = client.get("/fr" + reverse("signatories:country", args=["fr"]))
    text = response.text
    assert text.index("Écoles du numérique") < text.index("Institut Alpha")
    assert text.index("Institut Alpha") < text.index("Laboratoire Bêta")
    assert _neighbours(client.get("/fr" + page)) == [
        "Écoles du numérique",
        "Institut Alpha",
        "Laboratoire Bêta",
    ]
    assert _neighbours(client.get(page)) == [
        "Beta Lab",
        "Écoles du numérique",
        "Zeta Institute",
    ]


def _neighbours(response) -> list[str]:
    section = response.text.split('id="neighbours-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li>\s*<a href="[^"]*">([^<]*)</a>', section)


def test_search_finds_either_name_in_both_languages(client, states):
    for path in (LIST, FRENCH_LIST):
        assert _rows(client.get(path, {"q": "allemagne"})) in (["Germany"], ["Allemagne"])
        assert _rows(client.get(path, {"q": "germany"})) in (["Germany"], ["Allemagne"])


def test_a_french_list_page_costs_the_queries_an_english_one_does(
    client, states, django_assert_num_queries
):
    client.get(LIST, {"type": "state"})
    client.get(FRENCH_LIST, {"type": "state"})
    # The directory's revision alone: the counts and the rendered page from the cache.
    with django_assert_num_queries(1):
        client.get(FRENCH_LIST, {"type": "state", "page": "1"})
    # Not seen before, its counts known (the same filters but the facets'): the revision and
    # the rows, read in French order.
    with django_assert_num_queries(2) as queries:
        client.get(FRENCH_LIST, {"type": "state", "region": "europe", "sort": "-name"})
    rows = [query["sql"] for query in queries if "signatories_signatory" in query["sql"]]
    assert any('ORDER BY "signatories_signatory"."sort_name_fr" DESC' in sql for sql in rows)


def test_the_french_sort_key_is_compared_bytewise_on_either_database(states):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT collation_name FROM information_schema.columns "
                "WHERE table_name = 'signatories_signatory' AND column_name = 'sort_name_fr'"
            )
            assert cursor.fetchone()[0] == "C"
        else:
            # SQLite's default collation, BINARY, compares the bytes.
            cursor.execute("SELECT 'Z' < 'a', ' ' < 'a', char(1) < ' '")
            assert cursor.fetchone() == (1, 1, 1)
    keys = list(Signatory.objects.by_name("fr").values_list("sort_name_fr", flat=True))
    assert keys == sorted(keys)


def test_the_french_feed_and_json_ld_name_a_state_in_french(client, states):
    feed, page = reverse("signatories:changes-feed"), states["DE"].get_absolute_url()
    assert "Benin joined" in client.get(feed).content.decode()
    french = client.get("/fr" + feed).content.decode()
    assert "Bénin rejoint l’Appel de Paris" in french
    assert "États-Unis d’Amérique rejoint" in french
    page = client.get("/fr" + page).text
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert '"name": "Allemagne"' in data.group(1)
    assert "Germany" in data.group(1)  # its other name
