"""The list at /signatories/: filters, facet counts, links that keep the filters, errors."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import SignatoryFactory
from tests.signatories.directory.listing import facet, five_supporters, listed

pytestmark = pytest.mark.django_db

LIST = reverse("signatories:list")


@pytest.fixture
def directory():
    return five_supporters()


def test_the_list_shows_every_supporter_by_name_with_the_total(client, directory):
    response = client.get(LIST)
    assert response.status_code == 200
    assert listed(response) == [
        "Électronique Sans Frontières",
        "European Union",
        "Safaricom",
        "South Korea",
        "United Kingdom",
    ]
    assert "5 supporters" in response.text


def test_each_row_shows_type_country_region_and_since_and_links_to_the_supporter(client, directory):
    response = client.get(LIST, {"type": "private-sector"})
    assert 'href="/signatories/safaricom/?type=private-sector"' in response.text
    row = re.search(r"<tr>\s*<th scope=\"row\">.*?Safaricom.*?</tr>", response.text, re.S)[0]
    for text in ("Company / private sector", "Kenya", "Africa", "11 November 2021"):
        assert text in row


def test_repeated_types_are_alternatives_and_different_parameters_combine(client, directory):
    response = client.get(LIST, {"type": ["state", "public-authority"], "region": "europe"})
    assert listed(response) == ["European Union", "United Kingdom"]


def test_country_filter_takes_iso_codes_in_any_case(client, directory):
    assert listed(client.get(LIST, {"country": ["kr", "KE"]})) == ["Safaricom", "South Korea"]


def test_since_keeps_the_supporters_that_joined_that_year(client, directory):
    assert listed(client.get(LIST, {"since": "2021"})) == ["European Union", "Safaricom"]


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("name", "Électronique Sans Frontières", "United Kingdom"),
        ("-name", "United Kingdom", "Électronique Sans Frontières"),
        ("since", "Électronique Sans Frontières", "United Kingdom"),
        ("-since", "Safaricom", "United Kingdom"),
    ],
)
def test_sorting_puts_unknown_dates_last(client, directory, sort, first, last):
    names = listed(client.get(LIST, {"sort": sort}))
    assert (names[0], names[-1]) == (first, last)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("electronique", "Électronique Sans Frontières"),
        ("ÉLECTRONIQUE sans", "Électronique Sans Frontières"),
        ("korea", "South Korea"),
        ("royaume", "United Kingdom"),
        ("corée", "South Korea"),
        ("SAFARI", "Safaricom"),
    ],
)
def test_search_ignores_case_and_accents_and_finds_states_by_their_other_names(
    client, directory, query, found
):
    assert listed(client.get(LIST, {"q": query})) == [found]


def test_search_does_not_find_organisations_by_their_country_name(client, directory):
    assert listed(client.get(LIST, {"q": "kenya"})) == []


def test_facet_counts_count_each_option_with_the_other_filters_kept(client, directory):
    response = client.get(LIST, {"type": "state", "region": "asia"})
    # Types are counted within Asia; regions among states.
    assert facet(response, "type") == {
        "state": 1,
        "public-authority": 0,
        "private-sector": 0,
        "civil-society": 0,
    }
    assert facet(response, "region")["europe"] == 1
    assert facet(response, "region")["asia"] == 1
    assert facet(response, "region")["africa"] == 0
    assert facet(response, "country") == {"KR": 1}
    assert "1 supporter" in response.text


def _former(**fields):
    return SignatoryFactory(status="former", left_on=datetime.date(2025, 12, 25), **fields)


def test_former_supporters_are_left_out_unless_asked_for(client, directory):
    _former(name="Gone Ltd", slug="gone-ltd", type="private-sector", country="KE")
    assert "Gone Ltd" not in listed(client.get(LIST))
    assert listed(client.get(LIST, {"status": "former"})) == ["Gone Ltd"]
    everyone = client.get(LIST, {"status": "all", "country": "KE"})
    assert listed(everyone) == ["Gone Ltd", "Safaricom"]
    assert "2 supporters" in everyone.text


def test_facet_counts_count_the_supporters_of_the_status_asked_for(client, directory):
    _former(name="Gone Ltd", slug="gone-ltd", type="private-sector", country="KE")
    _former(name="Also Gone", slug="also-gone", type="private-sector", country="DE")
    assert facet(client.get(LIST), "type")["private-sector"] == 1
    former = client.get(LIST, {"status": "former"})
    assert facet(former, "type")["private-sector"] == 2
    assert facet(former, "country") == {"KE": 1, "DE": 1}
    assert facet(client.get(LIST, {"status": "all"}), "type")["private-sector"] == 3
    # Asked again, the counts come from the cache, still per status.
    assert facet(client.get(LIST, {"status": "former"}), "type")["private-sector"] == 2
    assert facet(client.get(LIST), "type")["private-sector"] == 1


def test_a_chosen_country_stays_on_the_form_even_with_no_result(client, directory):
    response = client.get(LIST, {"country": "JP"})
    assert facet(response, "country")["JP"] == 0
    assert 'value="JP"' in response.text
    assert "checked" in response.text


def test_each_active_filter_has_a_link_that_removes_only_it_and_the_page(client, directory):
    response = client.get(
        LIST, {"type": ["state", "civil-society"], "q": "e", "page": "1", "sort": "-name"}
    )
    text = response.text.replace("&amp;", "&")
    # Links list the filters in the form's order, repeated values sorted.
    assert 'href="?q=e&type=civil-society&sort=-name"' in text  # "State" removed
    assert 'href="?type=civil-society&type=state&sort=-name"' in text  # the search removed
    assert f'href="{LIST}">Clear all filters' in text


def test_page_links_keep_the_filters(client, settings):
    settings.SIGNATORIES_PER_PAGE = 2
    SignatoryFactory.create_batch(5, type="private-sector")
    response = client.get(LIST, {"type": "private-sector", "sort": "-name"})
    text = response.text.replace("&amp;", "&")
    assert 'href="?type=private-sector&sort=-name&page=2" rel="next"' in text
    assert "Page 1 of 3" in text
    second = client.get(LIST, {"type": "private-sector", "sort": "-name", "page": "3"})
    assert len(listed(second)) == 1


def test_the_filter_form_does_not_carry_the_page(client, directory):
    response = client.get(LIST, {"page": "1"})
    assert 'name="page"' not in response.text


def test_unknown_parameters_are_ignored(client, directory):
    response = client.get(LIST, {"utm_source": "newsletter", "type": "state"})
    assert response.status_code == 200
    assert len(listed(response)) == 2


@pytest.mark.parametrize(
    ("parameters", "field", "message"),
    [
        ({"type": "government"}, "Type", "“government” is not a valid type. Valid values: state,"),
        ({"region": "mars"}, "Region", "Valid values: africa, americas, asia, europe,"),
        ({"country": "XX"}, "Country", "a two-letter ISO 3166 code"),
        ({"since": "last year"}, "Supporter since (year)", "Enter a year as four digits"),
        ({"since": "20190"}, "Supporter since (year)", "Enter a year from 1900 to 2100"),
        ({"sort": "created"}, "Sort by", "Valid values: name, -name, since, -since"),
        ({"status": "gone"}, "Status", "Valid values: current, former, all"),
        ({"q": "a\x00b"}, "Name", "Null characters are not allowed"),
        ({"q": "x" * 201}, "Name", "at most 200 characters"),
    ],
)
def test_a_bad_value_gives_a_400_page_saying_what_is_wrong_and_what_is_valid(
    client, directory, parameters, field, message
):
    response = client.get(LIST, parameters)
    assert response.status_code == 400
    errors = re.search(r'<div class="alert".*?</div>', response.text, re.S)[0]
    assert field in errors
    assert message.replace("“", "&ldquo;")[:10] in errors or message in errors
    assert response.context["page_obj"].object_list == [] or not listed(response)


def test_the_400_page_keeps_the_good_values_on_the_form(client, directory):
    response = client.get(LIST, {"type": ["state", "government"], "q": "korea"})
    assert response.status_code == 400
    assert 'value="korea"' in response.text
    assert re.search(r'value="state"\s+id="type-state"\s+checked', response.text)


@pytest.mark.parametrize("page", ["0", "2", "abc", "-1", "1.5", "9" * 30])
def test_a_page_that_is_not_there_is_a_404_with_a_way_back(client, directory, page):
    response = client.get(LIST, {"page": page})
    assert response.status_code == 404
    assert f'href="{LIST}"' in response.text


def test_html_in_the_search_is_shown_as_text(client, directory):
    response = client.get(LIST, {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_the_rows_escape_what_a_name_holds(client):
    SignatoryFactory(name='Acme <b>"Bold"</b> & Co', type="private-sector")
    response = client.get(LIST, {"type": "private-sector", "region": "europe"})
    assert "<b>" not in response.text
    assert "Acme &lt;b&gt;&quot;Bold&quot;&lt;/b&gt; &amp; Co</a>" in response.text
    # The link to its page keeps the list's query, its & written as &amp;.
    assert '/?type=private-sector&amp;region=europe">Acme' in response.text


@pytest.mark.parametrize("sort", ["name", "-name"])
def test_a_search_with_few_matches_lists_them_in_the_order_asked(client, sort):
    for name in ["Sahel Data Bravo", "Alpha Sahel Labs", "Zulu Sahel Forum", "Delta Cyber Group"]:
        SignatoryFactory(name=name, type="private-sector")
    response = client.get(LIST, {"q": "sahel", "sort": sort})
    expected = ["Alpha Sahel Labs", "Sahel Data Bravo", "Zulu Sahel Forum"]
    assert listed(response) == (expected if sort == "name" else expected[::-1])
