"""With CACHE_URL at Redis, the cache is an optimisation only: down, hung or restarted from
an old snapshot, pages still answer with the database's truth.

Each test runs its own redis-server (installed by scripts/prerequisites.sh), and stops,
freezes or restarts it as an outage would.
"""

import json
import time

import pytest
from django.urls import reverse

from pariscall import caches
from pariscall.environment import cache_config as _cache
from tests.factories import SignatoryFactory
from tests.servers import RedisServer

LIST = reverse("signatories:list")
JSON = reverse("signatories:json")
PAGES = ["/", LIST, JSON]


@pytest.fixture
def redis_server(tmp_path, settings, monkeypatch):
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {"default": _cache(server.url)}
    # A pause left by an earlier outage would hide this test's server.
    monkeypatch.setattr(caches.ForgivingRedisCache, "_paused_until", 0.0)
    yield server
    server.stop()


def _answers(client) -> list[int]:
    """Each page's status, read to the end as a browser would (the export streams)."""
    statuses = []
    for page in PAGES:
        response = client.get(page)
        if response.streaming:
            b"".join(response.streaming_content)
        statuses.append(response.status_code)
    return statuses


def _total(client) -> int:
    return json.loads(b"".join(client.get(JSON).streaming_content))["count"]


def test_pages_answer_while_the_cache_server_is_down(client, db, redis_server, caplog):
    SignatoryFactory.create_batch(2)
    assert _answers(client) == [200, 200, 200]
    redis_server.stop()
    assert _answers(client) == [200, 200, 200]
    assert "2 supporters" in client.get(LIST).text
    assert "The cache is unavailable" in caplog.text


def test_pages_answer_at_once_while_the_cache_server_hangs(client, db, redis_server):
    SignatoryFactory.create_batch(2)
    client.get(LIST)
    assert redis_server.keys() > 0
    redis_server.freeze()
    started = time.monotonic()
    assert _answers(client) == [200, 200, 200]
    assert time.monotonic() - started < 3


def test_a_write_commits_and_answers_while_the_cache_server_is_down(
    client, db, redis_server, django_capture_on_commit_callbacks
):
    client.get(LIST)
    redis_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        SignatoryFactory(name="Written during the outage")
    assert "Written during the outage" in client.get(LIST).text


def test_a_cache_restarted_from_an_old_snapshot_never_shows_an_outdated_count(
    client, db, redis_server, django_capture_on_commit_callbacks
):
    SignatoryFactory()
    assert "1 supporter" in client.get(LIST).text
    assert _total(client) == 1
    assert redis_server.keys() > 0  # the counts and the page are in Redis
    redis_server.snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        SignatoryFactory()
    assert _total(client) == 2
    redis_server.stop()
    redis_server.start()  # from the snapshot taken before the write
    assert redis_server.keys() > 0
    assert "2 supporters" in client.get(LIST).text
    assert _total(client) == 2
