"""The supporters list at each commit that changed it, oldest first.

The list is the folder `_supporters/`. From 25 October to 10 November 2019 (merge a3569e7 to
merge fb1b915) the site was bilingual and kept two identical copies of the list in
`_supporters_en/` and `_supporters_fr/`, with no `_supporters/` at all: the English copy is
read then (`LIST_FOLDERS`, first present wins). A commit where no list folder has any file
is no snapshot at all: the next list is compared with the last one before the gap.

Which commits: the first-parent line from HEAD (what the site published, in order). A merge
that changed the list is replaced by the commits of the branch it merged when the list on the
main line had not changed since the branch left it (the branch is then, for the list, a
fast-forward): each change is cited to the commit that made it, not to the merge. Otherwise
(the main line changed the list meanwhile) the merge itself is the step.
"""

import dataclasses
import datetime

from signatories.history.repository import Repository

LIST_FOLDERS = ("_supporters", "_supporters_en")


@dataclasses.dataclass(frozen=True)
class Snapshot:
    commit: str
    committed: datetime.datetime
    subject: str
    folder: str
    files: dict[str, str]  # file name -> blob id


def _list_folder(repository: Repository, commit_id: str) -> tuple[str, str] | None:
    for name in LIST_FOLDERS:
        tree = repository.folder(commit_id, name)
        if tree is not None and repository.tree(tree):
            return name, tree
    return None


def _tree_of(repository: Repository, commit_id: str) -> str | None:
    found = _list_folder(repository, commit_id)
    return found[1] if found else None


def _first_parent_line(repository: Repository, tip: str, stop: str | None) -> list[str]:
    """Commits from `stop` (excluded) to `tip` along first parents, oldest first; None when
    `stop` is not on that line."""
    line = []
    commit_id = tip
    while commit_id != stop:
        line.append(commit_id)
        parents = repository.commits[commit_id].parents
        if not parents:
            if stop is not None:
                return None
            break
        commit_id = parents[0]
    line.reverse()
    return line


def _steps(repository: Repository, line: list[str]) -> list[str]:
    steps = []
    for commit_id in line:
        parents = repository.commits[commit_id].parents
        if len(parents) > 1 and _tree_of(repository, commit_id) != _tree_of(repository, parents[0]):
            branch = _branch_steps(repository, commit_id)
            if branch is not None:
                steps.extend(branch)
                continue
        steps.append(commit_id)
    return steps


def _branch_steps(repository: Repository, merge: str) -> list[str] | None:
    main, branch = repository.commits[merge].parents[:2]
    if _tree_of(repository, merge) != _tree_of(repository, branch):
        return None
    base = repository.merge_base(main, branch)
    if base is None or _tree_of(repository, base) != _tree_of(repository, main):
        return None
    line = _first_parent_line(repository, branch, base)
    if line is None:
        return None
    return _steps(repository, line)


def snapshots(repository: Repository) -> list[Snapshot]:
    """The list after each commit that changed it (a commit with no list at all skipped)."""
    result = []
    last_tree = None
    for commit_id in _steps(repository, _first_parent_line(repository, repository.head, None)):
        found = _list_folder(repository, commit_id)
        if found is None or found[1] == last_tree:
            continue
        folder, tree = found
        last_tree = tree
        commit = repository.commits[commit_id]
        files = {
            name: object_id
            for name, (kind, object_id) in repository.tree(tree).items()
            # Every file, whatever its extension: Jekyll lists any file of the collection
            # (`…-THA.md.` was on the site for four months before its name was mended).
            if kind == "blob" and not name.startswith(".")
        }
        result.append(
            Snapshot(
                commit=commit_id,
                committed=commit.committed,
                subject=commit.subject,
                folder=folder,
                files=files,
            )
        )
    return result
