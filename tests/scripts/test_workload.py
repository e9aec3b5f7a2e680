"""The benchmark's varied workload: what readers send, never the same URL twice."""

import importlib.util
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

# The benchmark's workload: plain Python, no database.
pytestmark = pytest.mark.once

PATH = Path(__file__).resolve().parents[2] / "scripts" / "bench" / "workload.py"
SPEC = importlib.util.spec_from_file_location("workload", PATH)
workload = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(workload)


def test_the_same_seed_gives_the_same_urls_and_none_twice():
    urls = workload.urls(5000, seed=3)
    assert urls == workload.urls(5000, seed=3)
    assert len(set(urls)) == 5000
    assert urls != workload.urls(5000, seed=4)


def test_the_urls_mix_searches_filters_statuses_sorts_and_pages():
    parameters = [dict(parse_qsl(urlsplit(url).query)) for url in workload.urls(3000)]
    for name in ("q", "type", "region", "country", "since", "status", "sort", "page"):
        assert any(name in chosen for chosen in parameters), name
    searches = [chosen["q"] for chosen in parameters if "q" in chosen]
    assert any(len(search) <= 2 for search in searches)
    assert any(" " in search for search in searches)
    assert any(not search.isascii() for search in searches)


def test_a_parameter_that_takes_one_value_appears_once():
    for url in workload.urls(3000):
        names = [name for name, _value in parse_qsl(urlsplit(url).query)]
        for single in ("q", "since", "sort", "status", "page"):
            assert names.count(single) <= 1, url


def test_a_parameter_the_list_does_not_have_is_never_sent():
    known = {"q", "type", "region", "country", "since", "status", "sort", "page"}
    sent = {
        name
        for url in workload.urls(3000, known=known)
        for name, _ in parse_qsl(urlsplit(url).query)
    }
    assert sent <= known
    with_kind = {
        name
        for url in workload.urls(3000, known=known | {"kind", "as_of"})
        for name, _ in parse_qsl(urlsplit(url).query)
    }
    assert {"kind", "as_of"} <= with_kind


def test_the_service_time_urls_are_none_of_the_closed_loops():
    closed = workload.urls(2000)
    assert not set(workload.urls(500, seed=1, exclude=set(closed))) & set(closed)


def test_searches_are_told_apart_by_length_and_words():
    assert workload.search_class("/signatories/?type=state") == "browse"
    assert workload.search_class("/signatories/?q=se") == "short"
    assert workload.search_class("/signatories/?q=secu") == "search"
    assert workload.search_class("/signatories/?q=cyber+da") == "two words"


def test_every_value_the_workload_sends_is_one_the_list_accepts():
    # A value the list refuses is a 400, which the benchmark would measure instead of a page.
    from django.http import QueryDict

    from signatories.directory.filters import SignatoryFilter
    from signatories.management.synthetic import KINDS
    from signatories.models import Signatory
    from signatories.vocabulary import KIND_SLUGS

    for url in workload.urls(3000):
        data = QueryDict(urlsplit(url).query)
        form = SignatoryFilter(data, queryset=Signatory.objects.none()).form
        assert form.is_valid(), (url, form.errors)
    synthetic = {KIND_SLUGS[kind] for kinds in KINDS.values() for kind in kinds}
    assert set(workload.KINDS) <= synthetic
