"""One import at a time, written so that the rest of the site never waits long for it.

Two imports writing at once raced on the rows and sources they create (the second got a
bare 500 on a unique slug). So every writing import first takes a lock that a second one
started meanwhile fails to get, at once: it writes nothing and says why.

How the import then holds the database depends on the database:
- PostgreSQL: one transaction for the whole import, with a transaction-level advisory lock
  (`pg_try_advisory_xact_lock`, which does not wait). Readers never wait for it, and a staff
  edit waits only for the rows the import updates.
- SQLite has a single write lock for the whole database: an import written in one
  transaction made every log-in and every admin save wait for its whole length (a minute
  for a large file) and then fail. So the lock is a file beside the database (`flock`,
  released by the system if the process dies), and the import commits chunk by chunk, each
  in a short transaction of its own: another writer waits at most for one chunk. The
  importer checks the whole file before it writes anything, so a refused row still leaves
  the directory as it was.
"""

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils.translation import gettext as _

from signatories.importing.reading import ImportFileError
from signatories.importing.uploads import upload_dir

# The advisory lock's key: a number no other code of this database uses.
IMPORT_LOCK_KEY = 7_240_016
BUSY = "Another import is being written right now: nothing was written. Try again when it is done."

Step = Callable[[], AbstractContextManager]


@contextlib.contextmanager
def the_only_import() -> Iterator[Step]:
    """Hold the import lock; yield `step`, the context each chunk is written in.

    ImportFileError if another import holds the lock. Each `step()` is a transaction on
    SQLite, and part of the one transaction around the whole import on PostgreSQL.
    """
    try:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                _advisory_lock()
                yield contextlib.nullcontext
        else:
            with _lock_file():
                yield _chunk_transaction
    except IntegrityError as error:
        # A supporter saved meanwhile took a slug the import had planned to give.
        raise stopped(
            _("A supporter saved while the file was being imported clashes with one of its rows.")
        ) from error


def stopped(why: str) -> ImportFileError:
    """The error of an import that stops part-way: why, and what stays written."""
    if connection.vendor == "postgresql":
        written = _("Nothing was written.")
    else:
        written = _(
            "The rows before that point stay written: import the file again to finish (they "
            "will come back unchanged)."
        )
    return ImportFileError(f"{why} {written}")


def _advisory_lock() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
        if not cursor.fetchone()[0]:
            raise ImportFileError(BUSY)


@contextlib.contextmanager
def _lock_file() -> Iterator[None]:
    descriptor = os.open(_lock_path(), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise ImportFileError(BUSY) from error
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _lock_path() -> Path:
    """Beside the database file (its folder is the app's: SQLite writes its journal there);
    for a database in memory (the tests'), in the private uploads folder."""
    name = str(connection.settings_dict["NAME"])
    if connection.is_in_memory_db():
        return upload_dir() / f"import-{hashlib.sha256(name.encode()).hexdigest()[:16]}.lock"
    return Path(f"{name}.import-lock")


@contextlib.contextmanager
def _chunk_transaction() -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
    except OperationalError as error:
        if "locked" not in str(error):
            raise
        # Another writer held the database longer than the busy timeout (20 s).
        raise stopped(
            _("The database stayed busy with another change: the import stopped.")
        ) from error
