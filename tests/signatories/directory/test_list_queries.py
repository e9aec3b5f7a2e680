"""The list's query budget: a page costs the same few queries whatever the page size or the
table, a page seen before one, and an edit in admin is counted at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.directory import facets
from signatories.models import SignatoryAlliance
from tests.factories import CitationFactory, EditorFactory, SignatoryFactory
from tests.signatories.admin_staff import signatory_form
from tests.signatories.directory.listing import facet, five_supporters, listed

pytestmark = pytest.mark.django_db

LIST = reverse("signatories:list")
real_sum = facets.sum_cube


@pytest.fixture
def directory():
    return five_supporters()


# The query budget: a page costs the same few queries whatever the page size or the table.


def _queries(client, parameters=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, parameters or {}).status_code == 200
    return len(queries)


def test_a_list_page_seen_before_costs_one_query_and_reads_no_supporter(
    client, directory, django_assert_num_queries
):
    client.get(LIST, {"type": "state"})
    # The directory's revision; the counts and the rendered page come from the cache, in
    # memory.
    with django_assert_num_queries(1) as queries:
        response = client.get(LIST, {"type": "state", "page": "1"})
    assert all("signatories_signatory" not in query["sql"] for query in queries)
    assert "South Korea" in response.text
    assert "2 supporters" in response.text


def test_a_page_turned_or_sorted_reads_its_counts_without_adding_them_up_again(
    client, directory, monkeypatch
):
    client.get(LIST, {"type": "state", "region": "asia"})
    sums = []
    monkeypatch.setattr(facets, "sum_cube", lambda *args: sums.append(args) or real_sum(*args))
    response = client.get(LIST, {"region": "asia", "type": "state", "sort": "-name"})
    assert "South Korea" in response.text
    assert sums == []
    # Another choice of facets is added up, from the same counts by combination.
    client.get(LIST, {"type": "state"})
    assert len(sums) == 1


def test_a_list_page_counting_afresh_runs_one_grouped_query_and_reads_only_the_members_rows(
    client, directory, django_assert_max_num_queries
):
    member = directory["company"]
    SignatoryAlliance.objects.create(
        signatory=member, alliance="cyber-tech-accord", citation=CitationFactory(signatory=member)
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"type": "private-sector", "region": "africa"})
    grouped = [query for query in queries if "GROUP BY" in query["sql"]]
    # The type, kind, region and country facets from one grouped query.
    assert len(grouped) == 1
    # The alliances: who is a member of which (once per revision), then the members' rows
    # among the results, by id, never a join of every result to the alliances.
    alliances = [
        query["sql"] for query in queries if "signatories_signatoryalliance" in query["sql"]
    ]
    assert len(alliances) == 1
    assert "JOIN" not in alliances[0]
    assert sum(f'"signatories_signatory"."id" IN ({member.pk})' in q["sql"] for q in queries) == 1
    assert response.context["counts"]["alliance"] == {"cyber-tech-accord": 1}
    # No DISTINCT: it would make the database sort every match before the first page.
    assert not any("DISTINCT" in query["sql"] for query in queries)
    # Besides: the revision and the page's rows (the cache is in memory; with CACHE_URL unset
    # a page view writes nothing to the database).
    with django_assert_max_num_queries(17):
        client.get(LIST, {"type": "civil-society", "q": "e"})


def test_a_status_or_a_year_is_counted_from_the_standing_read_once_per_revision(client, directory):
    member = directory["company"]
    SignatoryAlliance.objects.create(
        signatory=member, alliance="cyber-tech-accord", citation=CitationFactory(signatory=member)
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"type": "private-sector", "status": "all"})
    grouped = [query["sql"] for query in queries if "GROUP BY" in query["sql"]]
    # The directory's standing: the supporters, and the alliances' members, by type, kind,
    # region, country, status and year of joining.
    assert len(grouped) == 2
    assert sum("signatories_signatoryalliance" in sql for sql in grouped) == 1
    assert response.context["counts"]["alliance"] == {"cyber-tech-accord": 1}
    # Any other status or year is summed from it, without a query.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"type": "private-sector", "since": "2021"})
    assert not any("GROUP BY" in query["sql"] for query in queries)
    assert response.context["counts"]["alliance"] == {"cyber-tech-accord": 1}
    assert response.context["counts"]["total"] == 1


def test_a_filter_that_lists_nobody_reads_no_row(client, directory):
    client.get(LIST, {"country": "KE"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"country": "KE", "type": "state", "sort": "-since"})
    assert response.status_code == 200
    assert response.context["counts"]["total"] == 0
    assert "No supporter matches these filters." in response.text
    assert not any("signatories_signatory" in query["sql"] for query in queries)


def _cold_and_warm(client, parameters: dict) -> tuple[int, int]:
    """Queries for a first look at a filter (counting afresh) and for a second (cached)."""
    client.get(LIST)  # The cache's version exists from here on, as on a live site.
    return _queries(client, parameters), _queries(client, parameters)


def test_the_queries_do_not_grow_with_the_page_size_or_the_number_of_rows(client, settings):
    SignatoryFactory.create_batch(12, type="private-sector")
    settings.SIGNATORIES_PER_PAGE = 5
    small = _cold_and_warm(client, {"type": "private-sector", "q": "org"})
    SignatoryFactory.create_batch(60, type="private-sector", country="JP")
    settings.SIGNATORIES_PER_PAGE = 50
    large = _cold_and_warm(client, {"type": "private-sector", "q": "o"})
    assert small == large
    assert small[1] == 1


def test_an_edit_in_admin_changes_the_counts_at_once(
    client, directory, django_capture_on_commit_callbacks
):
    assert facet(client.get(LIST), "type")["private-sector"] == 1
    assert 'Company / private sector <span class="count">(1)</span>' in " ".join(
        client.get(LIST).text.split()
    )
    editor = EditorFactory()
    company = directory["company"]
    client.force_login(editor)
    form = signatory_form(
        name=company.name,
        slug=company.slug,
        type="civil-society",
        country="KE",
        kind="",
        supporter_since="2021-11-11",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:signatories_signatory_change", args=[company.pk]), form
        )
    assert response.status_code == 302
    client.logout()
    response = client.get(LIST)
    counts = facet(response, "type")
    assert (counts["private-sector"], counts["civil-society"]) == (0, 2)
    # The page shown, cached before the edit, is rendered afresh too.
    text = " ".join(response.text.split())
    assert 'Company / private sector <span class="count">(0)</span>' in text
    assert 'NGO / civil society <span class="count">(2)</span>' in text


# A new choice of types, regions and countries under a search already counted: the counts
# come from that search's cached counts by (type, region, country), summed for this choice.


def test_a_new_filter_combination_under_a_counted_search_reads_only_its_page_of_rows(
    client, directory, django_assert_num_queries
):
    client.get(LIST, {"q": "u"})  # United Kingdom, European Union
    # The directory's revision, the page's ids from the words' index and its rows; the
    # counts come from the cache (in memory), which the rendered page is written to.
    with django_assert_num_queries(3) as queries:
        response = client.get(LIST, {"q": "u", "type": "state", "region": "europe"})
    on_supporters = [query["sql"] for query in queries if "signatories_signatory" in query["sql"]]
    assert len(on_supporters) == 1
    assert "GROUP BY" not in on_supporters[0]
    assert listed(response) == ["United Kingdom"]
    assert facet(response, "type") == {
        "state": 1,
        "public-authority": 1,
        "private-sector": 0,
        "civil-society": 0,
    }
    assert facet(response, "region") == {
        "africa": 0,
        "americas": 0,
        "asia": 0,
        "europe": 1,
        "oceania": 0,
        "international": 0,
        "unknown": 0,
    }
    assert "1 supporter" in response.text


def test_a_search_typed_another_way_is_not_counted_again(client, directory):
    # Case, accents, spaces and a repeated word don't change what a search matches.
    first = client.get(LIST, {"q": "kingdom"})
    with CaptureQueriesContext(connection) as queries:
        again = client.get(LIST, {"q": "  KÍNGDOM   kingdom ", "sort": "-name"})
    assert not any("GROUP BY" in query["sql"] for query in queries)
    assert listed(again) == listed(first)[::-1]
    assert facet(again, "type") == facet(first, "type")
