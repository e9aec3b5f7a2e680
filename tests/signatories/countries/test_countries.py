"""The world map, /countries/ and /countries/<code>/: what they count, say and refuse."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_countries import countries

from signatories.data.outlines import MARKERS, SHAPES
from signatories.models import Signatory
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

COUNTRIES = reverse("signatories:countries")
FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
# ISO codes with no outline of their own in Natural Earth: drawn as part of another
# country (French Guiana, Réunion, … as France; Svalbard as Norway) or uninhabited.
NOT_ON_THE_MAP = {"AQ", "BQ", "BV", "CC", "CX", "GF", "GP", "MQ", "RE", "SJ", "TK", "YT"}
MAP_LINK = re.compile(
    r'<a href="/countries/(\w\w)/" class="([\w -]+?)(?: highlighted)?"[^>]*><title>([^<]*)</title>'
)


def _map(response) -> dict[str, tuple[str, str]]:
    """The map's countries: code → (classes: the count's shade, then the state's hatching
    if any; accessible name)."""
    return {code.upper(): (css, name) for code, css, name in MAP_LINK.findall(response.text)}


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


@pytest.fixture
def directory():
    """Two states (one that left), French and Kenyan organisations."""
    return {
        "france": StateFactory(
            country="FR",
            supporter_since=datetime.date(2018, 11, 12),
            supporter_since_precision="day",
        ),
        "us": StateFactory(country="US", supporter_since=datetime.date(2021, 11, 11)),
        "former": StateFactory(country="MT", status="former", left_on=datetime.date(2025, 12, 25)),
        "ngo": SignatoryFactory(name="Une ONG", slug="une-ong", country="FR"),
        "company": SignatoryFactory(
            name="Safaricom", slug="safaricom", type="private-sector", country="KE"
        ),
    }


def test_the_map_draws_every_iso_country_except_those_natural_earth_has_no_outline_for():
    drawn = set(SHAPES) | set(MARKERS)
    assert drawn <= set(countries.countries)
    assert set(countries.countries) - drawn == NOT_ON_THE_MAP


def test_small_states_are_markers_and_large_ones_are_outlines():
    for code in ("SG", "MT", "LU", "MC", "AD", "LI", "SM", "TV"):
        assert code in MARKERS
    for code in ("FR", "US", "KE"):
        assert code in SHAPES
        assert code not in MARKERS


def test_the_map_fills_exactly_the_supporting_states_of_the_fixtures(client):
    call_command("loaddata", *sorted(str(path) for path in FIXTURES.glob("*.json")), verbosity=0)
    states = set(
        Signatory.objects.states().filter(status="current").values_list("country", flat=True)
    )
    drawn = _map(client.get(COUNTRIES))
    hatched = {code for code, (css, _name) in drawn.items() if "state" in css.split()}
    assert hatched == states
    for code in states:
        assert drawn[code][1].startswith(f"{countries.name(code)}: state supporter, ")
    # Each small state also has its marker (its outline alone would be too small to see).
    page = client.get(COUNTRIES).text
    for code in states & set(MARKERS):
        assert re.search(rf'href="/countries/{code.lower()}/"[^>]*>.*?<circle', page)


def test_each_country_says_in_words_what_its_colour_says(client, directory):
    drawn = _map(client.get(COUNTRIES))
    assert drawn["FR"] == ("shade-1 state", "France: state supporter, 2 supporters")
    assert drawn["US"] == (
        "shade-1 state",
        "United States of America: state supporter, 1 supporter",
    )
    assert drawn["KE"] == ("shade-1", "Kenya: 1 supporter")
    assert drawn["TD"] == ("shade-0", "Chad: no supporters")
    # A state that left is not a supporter today.
    assert "MT" not in drawn


def test_a_new_supporter_changes_the_map_and_the_counts_at_once(
    client, directory, django_capture_on_commit_callbacks
):
    assert _map(client.get(COUNTRIES))["BR"] == ("shade-0", "Brazil: no supporters")
    with django_capture_on_commit_callbacks(execute=True):
        SignatoryFactory(name="Empresa", slug="empresa", type="private-sector", country="BR")
    response = client.get(COUNTRIES)
    assert _map(response)["BR"] == ("shade-1", "Brazil: 1 supporter")
    assert "Brazil" in [row.name for row in response.context["rows"]]
    assert "1 supporter" in _text(client.get("/countries/br/"))


def test_the_table_says_whether_each_state_supports_and_counts_each_type(client, directory):
    response = client.get(COUNTRIES)
    rows = {row.code: row for row in response.context["rows"]}
    assert list(rows) == ["FR", "KE", "US"]  # by name: France, Kenya, United States
    assert rows["FR"].counts == {"state": 1, "civil-society": 1}
    text = _text(response)
    assert "France Supporter since 12 November 2018 0 0 1 Every supporter from France: 2" in text
    assert "Kenya Not a supporter 0 1 0 Every supporter from Kenya: 1" in text
    assert 'href="/signatories/?country=KE"' in response.text


def test_the_table_sorts_by_count_through_its_headings(client, directory):
    response = client.get(COUNTRIES, {"sort": "-count"})
    assert [row.code for row in response.context["rows"]] == ["FR", "KE", "US"]
    assert 'aria-sort="descending"' in response.text
    assert 'href="?sort=count"' in response.text
    response = client.get(COUNTRIES, {"sort": "-name"})
    assert [row.code for row in response.context["rows"]] == ["US", "KE", "FR"]


def test_the_type_filter_narrows_the_counts_but_states_stay_shown(client, directory):
    response = client.get(COUNTRIES, {"type": "private-sector"})
    rows = {row.code: row for row in response.context["rows"]}
    assert rows["KE"].total == 1
    assert rows["FR"].total == 0
    assert rows["FR"].state is not None
    assert _map(response)["KE"] == ("shade-1", "Kenya: 1 supporter")


def test_the_region_and_status_filters(client, directory):
    africa = client.get(COUNTRIES, {"region": "africa"})
    assert [row.code for row in africa.context["rows"]] == ["KE"]
    former = client.get(COUNTRIES, {"status": "former"})
    assert [row.code for row in former.context["rows"]] == ["MT"]
    assert 'href="/signatories/?country=MT&amp;status=former"' in former.text
    assert _map(former)["MT"] == (
        "shade-1 former-state",
        "Malta: former state supporter, 1 supporter",
    )
    everyone = client.get(COUNTRIES, {"status": "all"})
    assert {row.code for row in everyone.context["rows"]} == {"FR", "KE", "MT", "US"}


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"type": "government"}, "Valid values: state, public-authority"),
        ({"region": "international"}, "Valid values: africa, americas, asia, europe, oceania"),
        ({"status": "gone"}, "Valid values: current, former, all"),
        ({"sort": "size"}, "Valid values: name, -name, -count, count"),
    ],
)
def test_a_bad_filter_gives_a_400_page_saying_what_is_valid(client, directory, parameters, message):
    response = client.get(COUNTRIES, parameters)
    assert response.status_code == 400
    assert message in response.text
    assert "Some filters could not be used" in response.text


def test_a_country_page_says_the_state_supports_since_when_with_its_supporters_by_type(
    client, directory
):
    response = client.get("/countries/fr/")
    text = _text(response)
    assert "France has supported the Call as a state since 12 November 2018." in text
    assert "Region (UN M49) Europe Sub-region Western Europe" in text
    assert "NGO / civil society (1) Une ONG" in text
    assert 'href="/signatories/une-ong/"' in response.text
    assert 'href="/signatories/?country=FR&amp;type=civil-society"' in response.text
    assert 'aria-current="page"' in response.text


def test_a_country_page_of_a_former_state_says_since_when_it_left(client, directory):
    text = _text(client.get("/countries/mt/"))
    assert "Malta is a former supporter: its state has not been on the official list since " in text
    assert "25 December 2025" in text


def test_a_real_country_with_no_supporter_still_has_a_page(client, directory):
    response = client.get("/countries/td/")
    assert response.status_code == 200
    text = _text(response)
    assert "Chad has not joined the Call as a state." in text
    assert "No supporter from Chad yet." in text
    assert "Region (UN M49) Africa Sub-region Sub-Saharan Africa (Middle Africa)" in text


def test_an_upper_case_code_redirects_for_good_to_the_lower_case_page(client, directory):
    response = client.get("/countries/FR/?status=all")
    assert response.status_code == 301
    assert response["Location"] == "/countries/fr/?status=all"


@pytest.mark.parametrize("code", ["zz", "xk", "fra", "FRA", "250", "f", "%00"])
def test_an_unknown_code_is_a_404(client, code):
    assert client.get(f"/countries/{code}/").status_code == 404


def test_a_bad_status_on_a_country_page_is_a_400(client, directory):
    response = client.get("/countries/fr/", {"status": "gone"})
    assert response.status_code == 400
    assert "Valid values: current, former, all" in response.text


def test_a_countries_page_seen_before_costs_only_the_revision(
    client, directory, django_assert_num_queries
):
    client.get(COUNTRIES, {"sort": "-count"})
    # The directory's revision; the counts, the rendered map and table are in the cache.
    with django_assert_num_queries(1) as queries:
        client.get(COUNTRIES, {"sort": "-count"})
    assert all("signatories_signatory" not in query["sql"] for query in queries)


def test_a_country_page_seen_before_costs_only_the_revision(
    client, directory, django_assert_num_queries
):
    client.get("/countries/fr/")
    # The directory's revision; the counts, the first supporters and the map are in the cache.
    with django_assert_num_queries(1) as queries:
        client.get("/countries/fr/")
    assert all("signatories_signatory" not in query["sql"] for query in queries)


def test_counting_afresh_is_two_queries_whatever_the_number_of_countries(
    client, django_assert_max_num_queries
):
    client.get("/")  # The cache's version exists from here on, as on a live site.
    SignatoryFactory.create_batch(5, country="JP")
    SignatoryFactory.create_batch(5, country="BR", type="private-sector")
    # The counts and the states; besides, the directory's revision (the cache is in memory).
    with django_assert_max_num_queries(22) as queries:
        client.get(COUNTRIES, {"region": "asia"})
    assert sum("signatories_signatory" in query["sql"] for query in queries) == 2


def test_the_home_page_shows_the_map_and_a_supporter_page_links_to_its_country(client, directory):
    home = client.get("/")
    assert _map(home)["FR"][0] == "shade-1 state"
    assert f'href="{COUNTRIES}"' in home.text
    detail = client.get(directory["ngo"].get_absolute_url())
    assert 'href="/countries/fr/"' in detail.text


def test_the_sitemap_lists_the_countries_with_supporters(client, directory):
    text = client.get("/sitemap-countries.xml").text
    assert "/countries/fr/" in text
    assert "/countries/ke/" in text
    assert "/countries/td/" not in text


def test_the_cached_table_never_carries_a_visitor_s_own_parameters(client, directory):
    client.get(COUNTRIES, {"region": "europe", "utm": "<mine>"})
    response = client.get(COUNTRIES, {"region": "europe"})
    assert "utm" not in response.text
    assert 'href="?type=&amp;region=europe&amp;sort=-name"' not in response.text
    assert 'href="?region=europe&amp;sort=-name"' in response.text
