"""The directory's revision: a number in the database that every write to a supporter raises.

Cached counts and rendered list pages are keyed on it (see `signatories.cache`). It lives in
the database, not in the cache, and is raised inside the write's own transaction, so:
- a reader sees the new number exactly when it can see the new rows, never before;
- a cache that restarts from an old snapshot, or loses keys, can only bring back entries
  keyed on older numbers, which no reader asks for any more;
- a write never depends on the cache being up.
On PostgreSQL the update locks the one row until the write commits: writes to supporters
take turns, which they already do on SQLite.
"""

import secrets
from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db import models
from django.db.models import F, Q
from django.dispatch import receiver

# The revision a request has read, so that a page counting several things reads it once.
# Only inside a request (set empty when one starts, cleared when it ends): a command or a
# worker between requests always asks the database.
_NOT_IN_A_REQUEST = object()
_read_in_request: ContextVar = ContextVar("revision_read_in_request", default=_NOT_IN_A_REQUEST)


@receiver(request_started, dispatch_uid="revision_request_started")
def _request_started(**kwargs) -> None:
    _read_in_request.set(None)


@receiver(request_finished, dispatch_uid="revision_request_finished")
def _request_finished(**kwargs) -> None:
    _read_in_request.set(_NOT_IN_A_REQUEST)


def new_instance() -> str:
    return secrets.token_hex(8)


class Revision(models.Model):
    """One row (id 1), created by the migration that made the table."""

    number = models.PositiveBigIntegerField(default=0)
    # Chosen at random when the row is made: a database made again from nothing counts its
    # revisions from the start again, and must never be taken for the one before (the full
    # export files on disk are named after both, `signatories.exports.files`).
    instance = models.CharField(max_length=16, default=new_instance, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="revision_single_row"),
        ]

    def __str__(self) -> str:
        return f"revision {self.number}"


def current_revision() -> int:
    """The directory's revision now (0 if the row is missing, as after a table flush).

    Read once per request: the page's counts and fragments then agree with each other.
    """
    return _current()[0]


def database_instance() -> str:
    """The random name this database's revisions go by (see `Revision.instance`)."""
    return _current()[1]


def _current() -> tuple[int, str]:
    remembered = _read_in_request.get()
    if isinstance(remembered, tuple):
        return remembered
    rows = Revision.objects.filter(pk=1).values_list("number", "instance")
    current = next(iter(rows), (0, ""))
    if remembered is None:
        _read_in_request.set(current)
    return current


def bump_revision() -> None:
    """Raise the revision, inside the caller's transaction: it commits or rolls back with it."""
    if _read_in_request.get() is not _NOT_IN_A_REQUEST:
        _read_in_request.set(None)  # a request that writes reads the new number afterwards
    if not Revision.objects.filter(pk=1).update(number=F("number") + 1):
        Revision.objects.get_or_create(pk=1, defaults={"number": 1})
