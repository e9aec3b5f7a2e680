"""One import at a time: a second one started meanwhile is refused with a clear message.

Two imports writing at once raced on the rows and sources they create (the second got a
bare 500 on a unique slug). Every writing import takes this lock first thing in its
transaction, held until it commits or rolls back: on PostgreSQL a transaction-level
advisory lock (`pg_try_advisory_xact_lock`, which does not wait); on SQLite the write lock
itself (transactions are IMMEDIATE, pariscall.settings), which a second writer waits for
and then fails to get. Either way the second import writes nothing and says why.
"""

import contextlib

from django.db import OperationalError, connection, transaction

from signatories.importing.reading import ImportFileError

# The advisory lock's key: a number no other code of this database uses.
IMPORT_LOCK_KEY = 7_240_016
BUSY = "Another import is being written right now: nothing was written. Try again when it is done."


@contextlib.contextmanager
def the_only_import():
    """A transaction that is the only import writing; ImportFileError if another one is."""
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
                    if not cursor.fetchone()[0]:
                        raise ImportFileError(BUSY)
            yield
    except OperationalError as error:
        if connection.vendor == "sqlite" and "locked" in str(error):
            raise ImportFileError(BUSY) from error
        raise
