"""Public pages read from a PostgreSQL read replica; everything else uses the primary.

Only with `DATABASE_REPLICA_URL` (docs/replicas.md). The replica is a streaming standby: it
holds what the primary committed a moment ago, so it may serve a slightly older directory,
never a wrong one. The rules, in order:

- Every write, and every migration, goes to the primary (the standby refuses writes).
- Reads go to the replica only during a request that `ReplicaReadsMiddleware` chose for it:
  a GET or HEAD of a public page, by a client that isn't logged in (only staff log in) and
  hasn't written in the last `DATABASE_REPLICA_MAX_LAG_SECONDS`: staff read their own
  writes. Commands (imports and their planning, shell, migrate) and the admin read the
  primary.
- Inside a transaction, reads go to the primary: what a transaction reads is what it writes
  from.
- Sessions, users and permissions, the admin's log, django-axes' log-in failures, content
  types and the database cache table are read where they are written, the primary: a
  session made at log-in must be found by the next request, a lock-out counted at once.

The directory's revision is read from the same database as the rows it keys (it is routed
like the supporters' tables): a lagging replica gives an older revision and the rows
of that revision, so the cache only ever holds a page under the revision it shows, or an
older one. Read from the primary while the rows came from the replica, a page of old rows
would be cached under the new revision until the next write.

The choice is a context variable, set per request: each gthread worker thread has its own.
It is reset when a request starts and when it finishes (after a streamed export is sent),
and outside a request it says "primary".
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.core.signals import request_finished, request_started
from django.db import connections
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

PRIMARY = "default"
REPLICA = "replica"
READ_METHODS = ("GET", "HEAD")
# Set on the response to any other method: for a while, that client reads from the primary.
RECENT_WRITE_COOKIE = "recent_write"
# Read where they are written, whoever asks (see the module's docstring).
PRIMARY_ONLY_APPS = frozenset({"admin", "auth", "axes", "contenttypes", "django_cache", "sessions"})

_reads_from: ContextVar[str] = ContextVar("database_for_reads", default=PRIMARY)


@receiver(request_started, dispatch_uid="routers_request_started")
@receiver(request_finished, dispatch_uid="routers_request_finished")
def _back_to_the_primary(**kwargs) -> None:
    _reads_from.set(PRIMARY)


def reads_from_replica(request: HttpRequest) -> bool:
    """Whether this request's reads may go to the replica (the rules above)."""
    return (
        request.method in READ_METHODS
        and not request.path_info.startswith(reverse("admin:index"))
        and RECENT_WRITE_COOKIE not in request.COOKIES
        # Last: only a request with a session cookie costs a look-up (on the primary).
        and not request.user.is_authenticated
    )


class ReplicaReadsMiddleware:
    """Chooses the database a request reads from; after AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        if REPLICA not in settings.DATABASES:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if reads_from_replica(request):
            _reads_from.set(REPLICA)
        response = self.get_response(request)
        if request.method not in READ_METHODS:
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_MAX_LAG_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        if (
            _reads_from.get() == REPLICA
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            and not connections[PRIMARY].in_atomic_block
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints) -> str:
        return PRIMARY

    def allow_relation(self, first, second, **hints) -> bool:
        # One database seen twice: an object read from the replica may point to the primary's.
        return {first._state.db, second._state.db} <= {PRIMARY, REPLICA}

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == PRIMARY
