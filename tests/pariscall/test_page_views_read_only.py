"""A page view never writes to the database: the default cache is each process's memory
(correct with several workers, since every key carries the directory's revision)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/signatories/",
        "/fr/signatories/?type=civil-society",
        "/countries/",
        "/countries/fr/",
        "/changes/",
        "/changes.atom",
        "/signatories.csv?type=state",
    ],
)
def test_a_first_view_of_a_page_writes_nothing_to_the_database(client, path):
    StateFactory(country="FR", supporter_since=datetime.date(2018, 11, 12))
    SignatoryFactory(name="Acme", supporter_since=datetime.date(2019, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    writes = [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []


def test_the_default_cache_is_in_memory(settings):
    from pariscall.environment import cache_config as _cache

    assert _cache("")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
