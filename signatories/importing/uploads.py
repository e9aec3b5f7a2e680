"""Uploads waiting between the admin import's preview and its confirmation.

Each upload is a file in `upload_dir()` (the environment's `DJANGO_IMPORT_UPLOAD_DIR`, by
default a folder in the system's temporary directory; with several app servers, a directory
they share; private to the app's user, pariscall.folders), named by a random token, beside a
small JSON file saying whose it is. Confirming *claims* the file by renaming it, which only
one request can do, so a second click on "Import" finds it being imported or already
imported, never imports it twice. Files are kept `KEEP_SECONDS` and removed by the next
upload after that. The preview's report waits beside the file, so staff can page through it
("problems only") without the file being read again.
"""

import contextlib
import datetime
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models

from pariscall.folders import private_folder

KEEP_SECONDS = 60 * 60
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


class State(models.TextChoices):
    WAITING = "waiting"
    IMPORTING = "importing"
    IMPORTED = "imported"
    MISSING = "missing"  # never uploaded, expired, cancelled, or someone else's


@dataclass
class Pending:
    token: str
    path: Path
    filename: str
    user: int
    full_list: bool = False
    as_of: datetime.date | None = None
    imported: bool = False


def upload_dir() -> Path:
    """The folder, checked again at each use: still this user's and private (start-up
    checked it first, pariscall.folders)."""
    return private_folder("DJANGO_IMPORT_UPLOAD_DIR", Path(settings.IMPORT_UPLOAD_DIR))


def keep(upload, *, user: int, full_list: bool, as_of: datetime.date | None) -> Pending:
    """Store an uploaded file (streamed to disk, chunk by chunk) under a new token."""
    _remove_expired()
    token = secrets.token_urlsafe(32)
    pending = Pending(token, _file(token, ".csv"), upload.name, user, full_list, as_of)
    # A new file (O_EXCL), never a link someone left in its place (O_NOFOLLOW).
    descriptor = os.open(pending.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        for chunk in upload.chunks():
            file.write(chunk)
    meta = {
        "filename": upload.name,
        "user": user,
        "full_list": full_list,
        "as_of": as_of.isoformat() if as_of else None,
    }
    _file(token, ".json").write_text(json.dumps(meta))
    return pending


def state(token: str, *, user: int) -> State:
    meta = _meta(token)
    if meta is None or meta["user"] != user:
        return State.MISSING
    for suffix, found in ((".done", State.IMPORTED), (".importing", State.IMPORTING)):
        if _file(token, suffix).exists():
            return found
    try:
        age = time.time() - _file(token, ".csv").stat().st_mtime
    except OSError:
        return State.MISSING
    return State.WAITING if age < KEEP_SECONDS else State.MISSING


@contextlib.contextmanager
def claimed(token: str):
    """The pending upload, for one request only (None if another has it); afterwards it is
    marked imported when the caller set `imported`, else it waits again."""
    waiting, claimed_path = _file(token, ".csv"), _file(token, ".importing")
    try:
        waiting.rename(claimed_path)
    except FileNotFoundError:
        yield None
        return
    meta = _meta(token)
    as_of = meta["as_of"] and datetime.date.fromisoformat(meta["as_of"])
    pending = Pending(
        token, claimed_path, meta["filename"], meta["user"], meta["full_list"], as_of or None
    )
    try:
        yield pending
    finally:
        if pending.imported:
            _file(token, ".done").touch()
            claimed_path.unlink()
        else:
            claimed_path.rename(waiting)


def keep_preview(token: str, data: dict) -> None:
    _file(token, ".preview").write_text(json.dumps(data))


def preview(token: str, *, user: int) -> dict | None:
    """The preview's report of a waiting upload of this user's, or None."""
    if state(token, user=user) != State.WAITING:
        return None
    try:
        return json.loads(_file(token, ".preview").read_text())
    except (OSError, ValueError):
        return None


def forget(token: str) -> None:
    for suffix in (".csv", ".json", ".importing", ".done", ".preview"):
        _file(token, suffix).unlink(missing_ok=True)


def _file(token: str, suffix: str) -> Path:
    return upload_dir() / f"{token}{suffix}"


def _meta(token: str) -> dict | None:
    if not TOKEN.match(token or ""):
        return None
    try:
        return json.loads(_file(token, ".json").read_text())
    except (OSError, ValueError):
        return None


def _remove_expired() -> None:
    cutoff = time.time() - KEEP_SECONDS
    for path in upload_dir().iterdir():
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff and path.suffix != ".importing":
                os.unlink(path)
