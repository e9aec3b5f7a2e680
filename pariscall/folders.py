"""The folders the app keeps files in (full exports, uploads waiting for confirmation).

Both default to a fixed name in the system's temporary directory, which every local user
can write to: whoever makes the folder first owns it, and could put a link there for the
app to serve (the database, say) as an export. So a folder is used only when it is this
process's user's and no one else may write in it (made mode 0700 when missing); anything
else stops start-up naming the variable. Files in it are opened without following links
and checked to be the plain file the app wrote (`signatories.exports.files`).
"""

import os
import stat
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


class FolderRefused(ImproperlyConfigured, OSError):
    """At start-up, it stops the app naming the variable; later, in a request, it is one more
    reason a folder can't be used (an OSError: the export then streams instead)."""


def private_folder(name: str, directory: Path) -> Path:
    """`directory` (from the variable `name`), made if missing, refused unless private."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = directory.stat()
    except OSError as error:
        raise FolderRefused(f"{name}: {directory} can't be created: {error}.") from error
    if not stat.S_ISDIR(status.st_mode):
        raise FolderRefused(f"{name}: {directory} is not a directory.")
    if status.st_uid != os.geteuid():
        raise FolderRefused(
            f"{name}: {directory} belongs to another user (uid {status.st_uid}); "
            "the app's folders must be its own."
        )
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise FolderRefused(
            f"{name}: {directory} may be written by other users "
            f"(mode {stat.S_IMODE(status.st_mode):o}); make it private: chmod 700."
        )
    if not os.access(directory, os.W_OK | os.X_OK):
        raise FolderRefused(f"{name}: {directory} is not writable by this process.")
    return directory
