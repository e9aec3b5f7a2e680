"""Which database each read and write goes to when there is a read replica (decisions only).

The replica alias is added to the settings the middleware reads, as configuration would;
no query runs on it here (tests/pariscall/test_read_replica.py runs a real standby).
"""

import threading

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.sessions.models import Session
from django.core.exceptions import MiddlewareNotUsed
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from pariscall.routers import (
    PRIMARY,
    RECENT_WRITE_COOKIE,
    REPLICA,
    PrimaryReplicaRouter,
    ReplicaReadsMiddleware,
)
from signatories.models import Signatory
from signatories.models.revision import Revision
from tests.pariscall.test_settings import PRODUCTION, _manage

ROUTER = PrimaryReplicaRouter()


@pytest.fixture
def replica_configured(settings):
    settings.DATABASES = {
        **settings.DATABASES,
        "replica": {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}},
    }


def _reads_during(request, *models, during=None) -> dict:
    """The database the router picks for each model's reads while the middleware serves."""
    seen = {}

    def view(request):
        if during:
            during()
        seen.update({model.__name__: ROUTER.db_for_read(model) for model in models})
        return HttpResponse("page")

    response = ReplicaReadsMiddleware(view)(request)
    # As Django's test client does: the end of a request, without closing connections.
    request_finished.disconnect(close_old_connections)
    try:
        request_finished.send(sender=None)
    finally:
        request_finished.connect(close_old_connections)
    seen["response"] = response
    return seen


def _visit(path="/signatories/", method="get", user=None, **extra):
    request = getattr(RequestFactory(), method)(path, **extra)
    request.user = user or AnonymousUser()
    return request


pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@pytest.mark.once
def test_outside_a_request_every_read_goes_to_the_primary():
    # Commands: the import and its planning, the shell, migrate.
    assert ROUTER.db_for_read(Signatory) == PRIMARY
    assert ROUTER.db_for_read(Revision) == PRIMARY


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_a_visitors_public_page_reads_supporters_and_their_revision_from_the_replica():
    seen = _reads_during(_visit(), Signatory, Revision)
    assert seen["Signatory"] == REPLICA
    assert seen["Revision"] == REPLICA  # the same database as the rows it keys
    assert RECENT_WRITE_COOKIE not in seen["response"].cookies


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_sessions_users_and_log_in_failures_are_read_where_they_are_written():
    seen = _reads_during(_visit(), Session, User, AccessAttempt)
    assert {seen["Session"], seen["User"], seen["AccessAttempt"]} == {PRIMARY}


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_every_write_and_every_migration_goes_to_the_primary():
    def during():
        assert ROUTER.db_for_write(Signatory) == PRIMARY
        assert ROUTER.db_for_write(Revision) == PRIMARY

    assert _reads_during(_visit(), Signatory, during=during)["Signatory"] == REPLICA
    assert ROUTER.allow_migrate(PRIMARY, "signatories")
    assert not ROUTER.allow_migrate(REPLICA, "signatories")


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_logged_in_staff_read_their_writes_from_the_primary():
    staff = User(username="editor", is_staff=True)
    assert _reads_during(_visit(user=staff), Signatory)["Signatory"] == PRIMARY


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_the_admin_reads_from_the_primary_even_before_log_in():
    assert _reads_during(_visit("/admin/login/"), Signatory)["Signatory"] == PRIMARY


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_a_client_that_wrote_reads_from_the_primary_for_a_while(settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 7
    wrote = _reads_during(_visit("/admin/logout/", method="post"), Signatory)
    assert wrote["Signatory"] == PRIMARY
    cookie = wrote["response"].cookies[RECENT_WRITE_COOKIE]
    assert cookie["max-age"] == 7
    assert cookie["httponly"]
    afterwards = _visit()
    afterwards.COOKIES[RECENT_WRITE_COOKIE] = cookie.value
    assert _reads_during(afterwards, Signatory)["Signatory"] == PRIMARY


@pytest.mark.once
@pytest.mark.usefixtures("replica_configured")
def test_the_choice_is_the_requests_own_thread_and_ends_with_the_request():
    in_another_thread = []

    def during():
        other = threading.Thread(
            target=lambda: in_another_thread.append(ROUTER.db_for_read(Signatory))
        )
        other.start()
        other.join()

    assert _reads_during(_visit(), Signatory, during=during)["Signatory"] == REPLICA
    assert in_another_thread == [PRIMARY]
    assert ROUTER.db_for_read(Signatory) == PRIMARY  # the request finished


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("replica_configured")
def test_reads_inside_a_transaction_go_to_the_primary():
    def during():
        assert ROUTER.db_for_read(Signatory) == REPLICA
        with transaction.atomic():
            assert ROUTER.db_for_read(Signatory) == PRIMARY

    _reads_during(_visit(), during=during)


@pytest.mark.once
def test_without_a_replica_the_middleware_steps_aside():
    with pytest.raises(MiddlewareNotUsed):
        ReplicaReadsMiddleware(lambda request: HttpResponse())


REPLICA_URL = "postgres://reader@replica.example.org:5432/pariscall"
PRIMARY_URL = "postgres://writer@primary.example.org:5432/pariscall"


@pytest.mark.once
@pytest.mark.parametrize(
    ("env", "named"),
    [
        (
            {"DATABASE_URL": PRIMARY_URL, "DATABASE_REPLICA_URL": "not a url"},
            "DATABASE_REPLICA_URL",
        ),
        (
            {"DATABASE_URL": PRIMARY_URL, "DATABASE_REPLICA_URL": "mysql://db/pariscall"},
            "DATABASE_REPLICA_URL",
        ),
        # A replica of SQLite, or of the primary itself, is a mistake.
        ({"DATABASE_REPLICA_URL": REPLICA_URL}, "DATABASE_REPLICA_URL"),
        (
            {"DATABASE_URL": PRIMARY_URL, "DATABASE_REPLICA_URL": PRIMARY_URL},
            "DATABASE_REPLICA_URL",
        ),
        (
            {"DATABASE_URL": PRIMARY_URL, "DATABASE_REPLICA_MAX_LAG_SECONDS": "ten"},
            "DATABASE_REPLICA_MAX_LAG_SECONDS",
        ),
    ],
)
def test_a_bad_replica_setting_stops_start_up_naming_it(env, named):
    result = _manage("check", **PRODUCTION, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr


@pytest.mark.once
def test_a_replica_url_turns_the_router_on():
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASE_ROUTERS)",
        **PRODUCTION,
        DATABASE_URL=PRIMARY_URL,
        DATABASE_REPLICA_URL=REPLICA_URL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "['pariscall.routers.PrimaryReplicaRouter']"
