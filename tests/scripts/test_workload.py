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
