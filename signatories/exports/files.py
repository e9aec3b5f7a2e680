"""The full exports (no filter at all), served from a file made once per directory revision.

The unfiltered /signatories.csv and /signatories.json are by far the most downloaded, and
each streamed copy holds a worker thread and a database cursor for as long as the client
reads. So they are written once per revision (`signatories.models.revision`, raised by every write)
to `<EXPORT_CACHE_DIR>/supporters-<database>-<revision>.<csv|json>` (`<database>` tells apart
databases that share the folder) and served from there with a FileResponse: a
Content-Length, and a server with `sendfile` sends it without Python.

How a file comes to be, the simplest design that never serves a partial file:
- The first request for a revision takes a lock file (created with O_EXCL, so only one
  request in all the workers and servers sharing the directory gets it), writes the whole
  export through the same generator as the streamed one (`signatories.exports.stream`) to a temp
  file in the same directory, flushes it to disk, opens it, and renames it into place
  (atomic: nobody ever sees the file half-written). Then it answers, from the open file.
  Its client waits for the whole export before the first byte, once per revision.
- A request that finds the lock taken does not wait: it streams, as a filtered export does.
- When a file is in place, files of older revisions (and their locks and temp files) are
  removed. A file already open keeps being served: the system frees it once it is closed.
- A lock older than STALE_LOCK_SECONDS is from a process that died while writing: it is
  broken and taken again.

The data in the file for revision N is at least as new as N, since its query runs after the
revision was read; a file is only ever replaced by one of a newer revision.

Failures: the database failing before or while the file is written gives the 503 (nothing
was sent yet); the directory failing (disk full, removed, made read-only) logs a warning and
streams instead. Start-up checks that the directory is the app user's own and that no one
else can write in it (pariscall.folders); a file is opened without following links and
served only if it is a plain file of this user with one name (`_opened`), and a file just
written is served only if it is the one written (same device and inode). Restoring an older
database brings back older revision numbers: empty the directory then.
"""

import hashlib
import logging
import os
import re
import stat
import tempfile
import time
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import FileResponse, HttpResponse

from pariscall.folders import private_folder
from signatories.exports import stream
from signatories.models import SignatoryQuerySet
from signatories.models.revision import current_revision, database_instance

logger = logging.getLogger(__name__)

# A lock this old was left by a process that stopped while writing (the largest export
# takes well under a minute).
STALE_LOCK_SECONDS = 10 * 60
_REVISION_IN_NAME = re.compile(r"^\.?supporters-([0-9a-f]{12})-(\d+)\.")


def csv_response(queryset: SignatoryQuerySet) -> HttpResponse:
    """The full CSV export, from its file (queryset: the supporters it lists)."""
    return _served("csv", queryset, stream.csv_lines, stream.csv_response, _csv_file)


def json_response(queryset: SignatoryQuerySet) -> HttpResponse:
    """The full JSON export, from its file (queryset: the supporters it lists)."""
    return _served("json", queryset, stream.json_lines, stream.json_response, _json_file)


def _served(extension: str, queryset, lines, stream, file_response) -> HttpResponse:
    """The file's response; the streamed export when there is no file; or the 503."""
    handle = _export_file(extension, lines, queryset)
    if isinstance(handle, HttpResponse):
        return handle
    return stream(queryset) if handle is None else file_response(handle)


def csv_head() -> HttpResponse:
    """HEAD on the full CSV export: the file's headers (its length) once it is made."""
    return _head("csv", _csv_file, stream.csv_head)


def json_head() -> HttpResponse:
    """HEAD on the full JSON export: the file's headers (its length) once it is made."""
    return _head("json", _json_file, stream.json_head)


def _head(extension: str, file_response, stream_head) -> HttpResponse:
    """The headers the GET would send: the kept file's, or the stream's (no length)."""
    try:
        handle = _opened(file_path(extension, current_revision()))
    except (DatabaseError, OSError):
        handle = None
    return stream_head() if handle is None else file_response(handle)


def _csv_file(handle: BinaryIO) -> HttpResponse:
    return FileResponse(
        handle,
        content_type=stream.CSV_CONTENT_TYPE,
        as_attachment=True,
        filename=stream.CSV_FILENAME,
    )


def _json_file(handle: BinaryIO) -> HttpResponse:
    response = FileResponse(handle, content_type=stream.JSON_CONTENT_TYPE)
    # As the streamed export: no file name (FileResponse would offer the cache's own).
    del response["Content-Disposition"]
    return response


def file_path(extension: str, revision: int) -> Path:
    """Where the full export of this revision of this database is kept."""
    name = f"supporters-{database_key()}-{revision}.{extension}"
    return Path(settings.EXPORT_CACHE_DIR) / name


def database_key() -> str:
    """The database the revision counts for: two databases (a staging and a live one, the
    benchmark's tables, a database dropped and made again) number their revisions alike,
    and must never share a file."""
    where = connection.settings_dict
    identity = f"{connection.vendor}|{where['HOST']}|{where['PORT']}|{where['NAME']}"
    # A database made again at the same place counts its revisions from the start again.
    identity += f"|{database_instance()}"
    return hashlib.sha256(identity.encode()).hexdigest()[:12]


def _export_file(extension: str, lines, queryset) -> BinaryIO | HttpResponse | None:
    """The open file of the current revision's export, made if missing; None: stream it.

    An HttpResponse is the 503 when the database could not answer.
    """
    try:
        path = file_path(extension, current_revision())
        handle = _opened(path)
        return handle if handle is not None else _made(path, lines, queryset)
    except DatabaseError:
        return stream.csv_unavailable() if extension == "csv" else stream.json_unavailable()
    except OSError:
        logger.warning(
            "The full export could not be kept in %s; streaming it.",
            settings.EXPORT_CACHE_DIR,
            exc_info=True,
        )
        return None


def _opened(path: Path) -> BinaryIO | None:
    """The kept file, open, or None when there is none yet.

    OSError for anything this app did not write there: a link (not followed, O_NOFOLLOW),
    something that is not a plain file (a FIFO is opened without waiting), a file of
    another user's, or one with a second name (a hard link to another file, the database).
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    handle = os.fdopen(descriptor, "rb")
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or status.st_nlink != 1:
        handle.close()
        raise OSError(f"{path} is not a file this app wrote; not serving it.")
    return handle


def _made(path: Path, lines, queryset) -> BinaryIO | None:
    """Write the export to `path` and return it open; None if another request is writing it."""
    private_folder("DJANGO_EXPORT_CACHE_DIR", path.parent)
    lock = path.with_name(path.name + ".lock")
    if not _locked(lock):
        return None
    try:
        handle = _written(path, lines(stream.checked_rows(queryset)))
    finally:
        with suppress(FileNotFoundError):
            lock.unlink()
    try:
        _remove_older(path)
    except OSError:
        logger.warning("Older exports could not be removed from %s.", path.parent, exc_info=True)
    return handle


def _locked(lock: Path) -> bool:
    """Take the lock; break it first if its writer died long ago. False if it is taken."""
    for _attempt in range(2):
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return True
        except FileExistsError:
            with suppress(FileNotFoundError):
                if time.time() - lock.stat().st_mtime < STALE_LOCK_SECONDS:
                    return False
                lock.unlink()
    return False


def _written(path: Path, lines) -> BinaryIO:
    """The lines written to a temp file renamed to `path`, returned open for reading."""
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    handle = None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.writelines(lines)
            file.flush()
            os.fsync(file.fileno())
            written = os.fstat(file.fileno())
        handle = os.fdopen(os.open(temp, os.O_RDONLY | os.O_NOFOLLOW), "rb")
        served = os.fstat(handle.fileno())
        if (served.st_dev, served.st_ino) != (written.st_dev, written.st_ino):
            raise OSError(f"{temp} was replaced while it was written; not serving it.")
        os.replace(temp, path)
        return handle
    except BaseException:
        if handle is not None:
            handle.close()
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _remove_older(path: Path) -> None:
    """Remove the files, locks and temp files of this database's revisions older than `path`'s."""
    database, newest = _REVISION_IN_NAME.match(path.name).groups()
    for entry in path.parent.iterdir():
        match = _REVISION_IN_NAME.match(entry.name)
        if match and match.group(1) == database and int(match.group(2)) < int(newest):
            with suppress(FileNotFoundError):
                entry.unlink()
