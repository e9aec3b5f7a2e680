import gc
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.db import close_old_connections

from pariscall import wsgi


@pytest.fixture
def fresh_process(monkeypatch):
    """As a server process that has answered nothing yet; its objects unfrozen after."""
    monkeypatch.setattr(wsgi, "_frozen", False)
    gc.unfreeze()
    # As Django's test client does: the test's transaction is not closed between requests.
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
    gc.unfreeze()


def _get(path: str) -> str:
    # As the proxy passes it on: over HTTPS (the middleware read the settings at import).
    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver", "HTTP_X_FORWARDED_PROTO": "https"}
    setup_testing_defaults(environ)
    answered = []
    body = b"".join(wsgi.application(environ, lambda status, headers: answered.append(status)))
    assert body
    return answered[0]


@pytest.mark.django_db
def test_what_the_first_request_built_is_frozen_once_out_of_the_collectors_reach(fresh_process):
    assert gc.get_freeze_count() == 0
    assert _get("/principles/") == "200 OK"
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # Django's apps, models, URLs, the page's templates
    assert _get("/signatories/") == "200 OK"
    # Not frozen again: the list's templates and forms stay with the collector (the count
    # can fall: frozen objects are still freed when nothing refers to them).
    assert gc.get_freeze_count() <= frozen
