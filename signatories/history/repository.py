"""Reading a git repository's commits, trees and files through `git` itself.

Two processes per run: one `git log` for the commit graph, and one long-lived
`git cat-file --batch` that answers every tree and file read (thousands of them) without a
process each. Nothing here knows about supporters.
"""

import dataclasses
import datetime
import subprocess
from pathlib import Path


class RepositoryError(Exception):
    """The path is not a git repository, or git failed reading it."""


@dataclasses.dataclass(frozen=True)
class Commit:
    id: str
    parents: tuple[str, ...]
    tree: str
    committed: datetime.datetime  # the committer date, in UTC
    subject: str  # the message's first line


_SEPARATOR = "\x1f"


def _git(path: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(path), *args], capture_output=True, check=True, text=True
        )
    except FileNotFoundError:
        raise RepositoryError("git is not installed (it reads the repository).") from None
    except subprocess.CalledProcessError as error:
        raise RepositoryError(f"git {args[0]} failed in {path}: {error.stderr.strip()}") from None
    return result.stdout


class Repository:
    """A repository read at one revision (HEAD by default). Use as a context manager."""

    def __init__(self, path: str | Path, revision: str = "HEAD"):
        self.path = Path(path)
        if not self.path.is_dir():
            raise RepositoryError(f"{self.path} is not a directory.")
        log = _git(
            self.path,
            "log",
            "--topo-order",
            "--reverse",
            f"--format=%H{_SEPARATOR}%P{_SEPARATOR}%T{_SEPARATOR}%ct{_SEPARATOR}%s",
            revision,
        )
        self.commits: dict[str, Commit] = {}
        for line in log.splitlines():
            commit_id, parents, tree, timestamp, subject = line.split(_SEPARATOR, 4)
            self.commits[commit_id] = Commit(
                id=commit_id,
                parents=tuple(parents.split()),
                tree=tree,
                committed=datetime.datetime.fromtimestamp(int(timestamp), tz=datetime.UTC),
                subject=subject,
            )
        if not self.commits:
            raise RepositoryError(f"{self.path} has no commits.")
        # Topological order, oldest first: a commit's place in history.
        self.order = {commit_id: index for index, commit_id in enumerate(self.commits)}
        self.head = next(reversed(self.commits))
        self._batch = None
        self._trees: dict[str, dict[str, tuple[str, str]]] = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        if self._batch is not None:
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None

    def _object(self, object_id: str) -> tuple[str, bytes]:
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "-C", str(self.path), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        self._batch.stdin.write(object_id.encode() + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode().split()
        if len(header) != 3:
            raise RepositoryError(f"git cat-file cannot read object {object_id}.")
        _, kind, size = header
        content = self._batch.stdout.read(int(size))
        self._batch.stdout.read(1)  # the newline after each object
        return kind, content

    def tree(self, tree_id: str) -> dict[str, tuple[str, str]]:
        """A tree's entries: name -> (kind "tree" or "blob", object id)."""
        if tree_id not in self._trees:
            kind, content = self._object(tree_id)
            if kind != "tree":
                raise RepositoryError(f"{tree_id} is a {kind}, not a tree.")
            entries = {}
            position = 0
            while position < len(content):
                space = content.index(b" ", position)
                nul = content.index(b"\0", space)
                mode = content[position:space]
                name = content[space + 1 : nul].decode("utf-8", "surrogateescape")
                object_id = content[nul + 1 : nul + 21].hex()
                entries[name] = ("tree" if mode == b"40000" else "blob", object_id)
                position = nul + 21
            self._trees[tree_id] = entries
        return self._trees[tree_id]

    def folder(self, commit_id: str, name: str) -> str | None:
        """The id of the top-level folder `name` at a commit, or None when it is absent."""
        kind, object_id = self.tree(self.commits[commit_id].tree).get(name, (None, None))
        return object_id if kind == "tree" else None

    def blob(self, blob_id: str) -> bytes:
        kind, content = self._object(blob_id)
        if kind != "blob":
            raise RepositoryError(f"{blob_id} is a {kind}, not a file.")
        return content

    def merge_base(self, first: str, second: str) -> str | None:
        result = subprocess.run(
            ["git", "-C", str(self.path), "merge-base", first, second],
            capture_output=True,
            text=True,
        )
        return result.stdout.strip() or None
