"""`kind`: the list filtered by the kind of organisation, its facet, its exports."""

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.directory.filters import SignatoryFilter
from signatories.directory.keys import canonical_query
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

LIST = reverse("signatories:list")


@pytest.fixture
def directory():
    """Three universities (two French, one Kenyan), an NGO, a think tank, a company, a state."""
    return [
        SignatoryFactory(name="Sorbonne University", kind="university", country="FR"),
        SignatoryFactory(name="Université de Lille", kind="university", country="FR"),
        SignatoryFactory(name="Strathmore University", kind="university", country="KE"),
        SignatoryFactory(name="Access Now", kind="NGO", country="US"),
        SignatoryFactory(name="Chatham House", kind="think tank", country="GB"),
        SignatoryFactory(name="Orange", kind="company", type="private-sector", country="FR"),
        StateFactory(country="JP"),
    ]


def _names(response) -> list[str]:
    return [signatory.name for signatory in response.context["page_obj"].object_list]


def _facet(response, name: str) -> dict[str, int]:
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


def test_kind_lists_the_universities_with_counts_that_add_up(client, directory):
    response = client.get(LIST, {"kind": "university"})
    assert response.status_code == 200
    assert _names(response) == [
        "Sorbonne University",
        "Strathmore University",
        "Université de Lille",
    ]
    assert "3 supporters" in response.text
    kinds = _facet(response, "kind")
    assert kinds["university"] == 3
    # Each other facet counts the universities: its options add up to the total.
    for facet in ("type", "region", "country"):
        assert sum(_facet(response, facet).values()) == 3, facet
    assert _facet(response, "country") == {"FR": 2, "KE": 1}


def test_the_kind_facet_offers_only_the_kinds_in_use_with_their_counts(client, directory):
    response = client.get(LIST)
    # The state has no kind: no option for it; kinds nobody has are not offered.
    assert _facet(response, "kind") == {"company": 1, "ngo": 1, "think-tank": 1, "university": 3}
    assert re.search(r'value="think-tank"\s+id="kind-think-tank"', response.text)
    assert "Think tank" in response.text


def test_repeated_kinds_are_alternatives_and_combine_with_the_other_filters(client, directory):
    response = client.get(LIST, {"kind": ["university", "ngo"], "country": "fr"})
    assert _names(response) == ["Sorbonne University", "Université de Lille"]
    response = client.get(LIST, {"kind": ["university", "think-tank"]})
    assert len(_names(response)) == 4


def test_an_active_kind_has_a_chip_that_removes_it(client, directory):
    response = client.get(LIST, {"kind": ["university", "ngo"]})
    assert 'href="?kind=university"' in response.text
    assert 'href="?kind=ngo"' in response.text


def test_kinds_are_named_in_french_on_the_french_list(client, directory):
    response = client.get("/fr/signatories/", {"kind": "university"})
    assert response.status_code == 200
    assert "Université" in [option.label for option in response.context["facets"][1].options]
    assert "Groupe de réflexion" in response.text


@pytest.mark.parametrize("language", ["", "/fr"])
def test_an_unknown_kind_is_a_400_saying_what_is_valid(client, directory, language):
    response = client.get(f"{language}{LIST}", {"kind": "nope"})
    assert response.status_code == 400
    errors = re.search(r'<div class="alert".*?</div>', response.text, re.S)[0]
    assert "nope" in errors
    assert "university" in errors
    assert "think-tank" in errors


def test_the_exports_follow_the_kind_filter(client, directory):
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(client.get("/signatories.csv", {"kind": "university"})).decode())
        )
    )
    assert sorted(row["name"] for row in rows) == [
        "Sorbonne University",
        "Strathmore University",
        "Université de Lille",
    ]
    assert {row["kind"] for row in rows} == {"university"}
    data = json.loads(b"".join(client.get("/signatories.json", {"kind": "ngo"})))
    assert [record["name"] for record in data["results"]] == ["Access Now"]


def test_an_export_with_an_unknown_kind_is_a_400_saying_what_is_valid(client, directory):
    response = client.get("/signatories.csv", {"kind": "nope"})
    assert response.status_code == 400
    assert "university" in json.loads(response.content)["errors"]["kind"][0]


def test_kinds_written_another_way_key_the_same_shared_page():
    one = SignatoryFilter(QueryDict("kind=University&kind=ngo&kind=university"))
    other = SignatoryFilter(QueryDict("kind=ngo&kind=university"))
    assert one.is_valid()
    assert other.is_valid()
    assert canonical_query(one).urlencode() == canonical_query(other).urlencode()
    assert canonical_query(one).urlencode() == "kind=ngo&kind=university"


def test_a_kind_seen_before_costs_one_query_and_reads_no_supporter(
    client, directory, django_assert_num_queries
):
    client.get(LIST, {"kind": "university"})
    # The revision; the counts and the rendered page are in the cache, in memory.
    with django_assert_num_queries(1) as queries:
        response = client.get(LIST, {"kind": "university", "page": "1"})
    assert all("signatories_signatory" not in query["sql"] for query in queries)
    assert "3 supporters" in response.text


def test_a_kind_under_a_counted_search_is_summed_from_the_same_grouped_query(client, directory):
    client.get(LIST, {"q": "univ"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"q": "univ", "kind": "university"})
    assert not [query for query in queries if "GROUP BY" in query["sql"]]
    assert _facet(response, "kind") == {"university": 3}
