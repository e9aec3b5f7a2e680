"""A supporter's page: its facts, its sources with their passages, its compatriots."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, SignatoryFactory, SourceFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def state():
    japan = StateFactory(
        country="JP",
        aliases="Japon",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    article = SourceFactory(
        title="As cyber threats mount, ‘coalition of the willing’ needed",
        publisher="World Economic Forum",
        url="https://www.weforum.org/",
    )
    CitationFactory(
        source=article,
        signatory=japan,
        passage="including Australia, Japan, New Zealand, Singapore and South Korea",
    )
    CitationFactory(
        source=SourceFactory(title="Official supporters list", kind="official-list"),
        signatory=japan,
        passage="Japon,state,JPN",
        basis="derived",
        reasoning="The list names Japan in French.",
    )
    return japan


def test_the_page_shows_the_facts_with_the_precision_of_the_date(client, state):
    response = client.get(state.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    for fact in ("<h1>Japan</h1>", "State", "Asia (Eastern Asia)", "by January 2019", "Japon"):
        assert fact in text
    assert "it had joined by then; the sources do not say when" in text
    assert "<title>" in text
    assert "Japan – Supporters of the Paris Call" in text


def test_the_page_quotes_each_source_with_its_passage_and_how_a_derived_fact_follows(client, state):
    text = client.get(state.get_absolute_url()).text
    assert "including Australia, Japan, New Zealand, Singapore and South Korea" in text
    assert 'href="https://www.weforum.org/"' in text
    assert "World Economic Forum" in text
    assert "How this follows:" in text
    assert "The list names Japan in French." in text


def test_the_page_lists_other_supporters_from_the_same_country(client, state):
    sony = SignatoryFactory(name="Sony", slug="sony", type="private-sector", country="JP")
    SignatoryFactory(name="Orange", slug="orange", type="private-sector", country="FR")
    text = client.get(state.get_absolute_url()).text
    assert f'href="{sony.get_absolute_url()}"' in text
    assert "/signatories/orange/" not in text
    assert 'href="/signatories/?country=JP"' in text


def test_the_way_back_returns_to_the_list_as_it_was_filtered(client, state):
    response = client.get(state.get_absolute_url(), {"type": "state", "q": "ja", "page": "1"})
    assert 'href="/signatories/?type=state&amp;q=ja&amp;page=1">Back to the list' in response.text


def test_external_links_are_shown_only_when_known(client):
    supporter = SignatoryFactory(website="https://example.org", twitter="example", statement="")
    text = client.get(supporter.get_absolute_url()).text
    assert 'href="https://example.org"' in text
    assert 'href="https://twitter.com/example"' in text
    assert "LinkedIn" not in text


def test_a_supporter_with_no_country_shows_its_region(client):
    eu = SignatoryFactory(
        name="European Union",
        slug="european-union",
        type="public-authority",
        country="",
        region="europe",
    )
    text = client.get(eu.get_absolute_url()).text
    assert "None (an international or regional body)" in text
    assert "Other supporters from" not in text


def test_an_unknown_supporter_is_a_404_with_a_way_back(client):
    response = client.get(reverse("signatories:detail", args=["nobody"]))
    assert response.status_code == 404
    assert 'href="/signatories/"' in response.text
    assert "Page not found" in response.text


def test_the_page_costs_a_few_queries(client, state, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(state.get_absolute_url())
    assert response.status_code == 200
    assert state.name in response.text


def test_a_former_supporter_s_page_says_plainly_that_it_left_when_and_cites_the_source(client):
    listing = SourceFactory(
        title="Official supporters list, 25 December 2025",
        kind="official-list",
        url="https://pariscall.international/en/supporters",
    )
    gone = SignatoryFactory(
        name="Gone Ltd",
        slug="gone-ltd",
        status="former",
        left_on=datetime.date(2025, 12, 25),
        left_source=listing,
    )
    response = client.get(gone.get_absolute_url())
    assert response.status_code == 200
    departure = " ".join(
        re.search(r'<p class="lead departure">(.*?)</p>', response.text, re.S)[1].split()
    )
    assert "A former supporter." in departure
    assert "no longer has it from 25 December 2025" in departure
    assert "Official supporters list, 25 December 2025" in departure
    assert 'href="https://pariscall.international/en/supporters"' in departure
    assert "supported the Paris Call" in response.text


def test_a_current_supporter_s_page_does_not_say_it_left(client, state):
    assert "former supporter" not in client.get(state.get_absolute_url()).text.lower()
