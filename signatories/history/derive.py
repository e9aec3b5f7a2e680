"""Who is who across the list's commits, and the events that follow from it.

Two passes over the snapshots (`snapshots.snapshots`):

1. **Files into lineages.** Between two snapshots, a file name present in both is the same
   file. Files that disappear are paired one-to-one with files that appear in the same step,
   by the first rule that pairs them (`PAIRING_RULES`, in order): a pair judged by hand
   (`judgements.SAME_ORGANISATION`); same content; same name
   (blind to case, accents, punctuation and spacing); a state with the same country; a
   similar name with the same category and country; a very similar name whatever the
   category or country (a correction of one of them); and, last, the one file a commit
   says it renames ("Update and rename a.md to b.md") to the one file it adds, in the same
   category. A paired file continues the lineage of the file it replaces; an unpaired one
   ends its lineage or starts a new one.
2. **Lineages into entries.** A lineage that ends while another lineage names the same
   organisation (`_duplicates`) in the list before and after is a duplicate removed: both
   are one entry, and the removal is no event. A lineage that starts while an entry with the
   same name and country is out of the list brings that entry back.

An entry's record at a snapshot is that of the file it showed before, while that file is
listed, else of its longest-lived lineage present then (a duplicate changes nothing). Events
come from comparing each entry's record at consecutive snapshots: `listed`, `delisted`,
`relisted`, and, when a compared field changed (`Record.COMPARED`), `renamed` if the two
names do not denote the same organisation (`same_organisation`) and `corrected` otherwise.
`judgements` holds the cases decided by hand.
"""

import dataclasses
from collections.abc import Callable

from signatories.history.judgements import SAME_ORGANISATION, ignored
from signatories.history.names import alike, similarity, very_alike
from signatories.history.reading import Record, normalised_name, read_record
from signatories.history.repository import Repository
from signatories.history.snapshots import Snapshot, snapshots


@dataclasses.dataclass(frozen=True)
class Event:
    commit: str
    date: str  # the commit's date, YYYY-MM-DD, UTC
    order: int  # the commit's place in history, oldest first
    kind: str
    entry: str
    file: str
    record: Record  # after the event (for `delisted`, the last one)
    before: Record | None  # for `corrected` and `renamed`
    message: str


@dataclasses.dataclass(frozen=True)
class _File:
    name: str
    blob: str
    record: Record
    organisation: str  # the normalised name


def stem(file_name: str) -> str:
    """A file's name without `.md` (or the `.md.` one file had by mistake)."""
    return file_name.removesuffix(".").removesuffix(".md")


def _judged_same(first: _File, second: _File) -> bool:
    return frozenset({first.name, second.name}) in SAME_ORGANISATION


def same_organisation(before: _File, after: _File) -> bool:
    """Whether an entry whose name changed still names the same organisation: a state is
    its country; otherwise the names must be alike (or judged so)."""
    if _judged_same(before, after):
        return True
    first, second = before.record, after.record
    if first.category == second.category == "state" and first.country == second.country:
        return bool(first.country)
    return alike(first.name, second.name)


def _same_content(gone: _File, new: _File) -> bool:
    return gone.blob == new.blob


def _same_name(gone: _File, new: _File) -> bool:
    return bool(gone.organisation) and gone.organisation == new.organisation


def _same_state(gone: _File, new: _File) -> bool:
    return (
        gone.record.category == new.record.category == "state"
        and bool(gone.record.country)
        and gone.record.country == new.record.country
    )


def _similar_in_place(gone: _File, new: _File) -> bool:
    return (
        gone.record.category == new.record.category
        and gone.record.country == new.record.country
        and alike(gone.record.name, new.record.name)
    )


def _very_similar(gone: _File, new: _File) -> bool:
    return very_alike(gone.record.name, new.record.name)


PAIRING_RULES: tuple[Callable[[_File, _File], bool], ...] = (
    _judged_same,
    _same_content,
    _same_name,
    _same_state,
    _similar_in_place,
    _very_similar,
)


def _pairs(gone: list[_File], new: list[_File], message: str) -> list[tuple[_File, _File]]:
    pairs = []
    for rule in PAIRING_RULES:
        candidates = sorted(
            (
                (-similarity(g.record.name, n.record.name), g.name, n.name, g, n)
                for g in gone
                for n in new
                if rule(g, n)
            ),
            key=lambda candidate: candidate[:3],
        )
        for *_, g, n in candidates:
            if g in gone and n in new:
                gone.remove(g)
                new.remove(n)
                pairs.append((g, n))
    if (
        len(gone) == len(new) == 1
        and "rename" in message.casefold()
        and gone[0].record.category == new[0].record.category
    ):
        pairs.append((gone[0], new[0]))
    return pairs


def _duplicates(first: _File, second: _File) -> bool:
    """Two files of one organisation: same name, or the same category and country and
    names so alike that only spelling differs."""
    if _judged_same(first, second) or _same_name(first, second):
        return True
    return (
        first.record.category == second.record.category
        and first.record.country == second.record.country
        and very_alike(first.record.name, second.record.name)
    )


class _Entries:
    """Which lineages are one entry: a union-find over lineage numbers."""

    def __init__(self, lineages):
        self.parent = {lineage: lineage for lineage in lineages}

    def find(self, lineage: int) -> int:
        while self.parent[lineage] != lineage:
            self.parent[lineage] = self.parent[self.parent[lineage]]
            lineage = self.parent[lineage]
        return lineage

    def join(self, first: int, second: int) -> None:
        roots = sorted({self.find(first), self.find(second)})
        for root in roots[1:]:
            self.parent[root] = roots[0]


def _read(repository: Repository, snapshot: Snapshot, cache: dict[str, Record]) -> list[_File]:
    files = []
    for name, blob in sorted(snapshot.files.items()):
        if ignored(name, snapshot.commit):
            continue
        if blob not in cache:
            try:
                cache[blob] = read_record(repository.blob(blob))
            except ValueError as error:
                raise ValueError(
                    f"{snapshot.folder}/{name} at {snapshot.commit}: {error}"
                ) from None
        record = cache[blob]
        files.append(
            _File(name=name, blob=blob, record=record, organisation=normalised_name(record.name))
        )
    return files


def _lineages(repository: Repository, steps: list[Snapshot]) -> list[dict[int, _File]]:
    """Pass 1: at each step, lineage number -> its file."""
    cache: dict[str, Record] = {}
    present: list[dict[int, _File]] = []
    next_lineage = 0
    for snapshot in steps:
        files = _read(repository, snapshot, cache)
        before = present[-1] if present else {}
        previous = {file.name: lineage for lineage, file in before.items()}
        current = {file.name for file in files}
        gone = [file for file in before.values() if file.name not in current]
        new = [file for file in files if file.name not in previous]
        continued = {n.name: previous[g.name] for g, n in _pairs(gone, new, snapshot.subject)}
        here: dict[int, _File] = {}
        for file in files:
            lineage = previous.get(file.name, continued.get(file.name))
            if lineage is None:
                lineage = next_lineage
                next_lineage += 1
            here[lineage] = file
        present.append(here)
    return present


def _entries(present: list[dict[int, _File]]) -> _Entries:
    """Pass 2: which lineages are one entry."""
    last_step = {lineage: index for index, here in enumerate(present) for lineage in here}
    entries = _Entries(last_step)
    for index in range(1, len(present)):
        before, after = present[index - 1], present[index]
        staying = sorted(lineage for lineage in before if lineage in after)
        for lineage in sorted(set(before) - set(after)):
            for other in staying:
                if _duplicates(before[lineage], after[other]):
                    entries.join(lineage, other)
                    break
        in_list = {entries.find(lineage) for lineage in before}
        for lineage in sorted(set(after) - set(before)):
            new = after[lineage]
            left = [
                (last_step[other], other)
                for other in last_step
                if last_step[other] < index - 1
                and entries.find(other) not in in_list
                and entries.find(other) != entries.find(lineage)
                and present[last_step[other]][other].organisation == new.organisation
                and present[last_step[other]][other].record.country == new.record.country
            ]
            if left:
                entries.join(lineage, max(left)[1])
    return entries


def derive(repository: Repository) -> list[Event]:
    """Every event of the list's history, sorted by date, commit order and entry."""
    steps = snapshots(repository)
    present = _lineages(repository, steps)
    entries = _entries(present)
    last_step = {lineage: index for index, here in enumerate(present) for lineage in here}
    entry_names = _entry_names(present, entries, last_step)
    events: list[Event] = []
    previous: dict[int, _File] = {}
    previous_folder = ""
    seen: set[int] = set()
    shown: dict[int, int] = {}  # entry -> the lineage whose file it shows
    for snapshot, here in zip(steps, present, strict=True):
        current = _shown_files(here, entries, last_step, shown)
        for root in sorted(set(previous) | set(current), key=entry_names.get):
            before, after = previous.get(root), current.get(root)
            kind = _change(before, after, listed_before=root in seen)
            if kind is None:
                continue
            file = after or before
            events.append(
                Event(
                    commit=snapshot.commit,
                    date=snapshot.committed.date().isoformat(),
                    order=repository.order[snapshot.commit],
                    kind=kind,
                    entry=entry_names[root],
                    file=f"{snapshot.folder if after else previous_folder}/{file.name}",
                    record=file.record,
                    before=before.record if before and after else None,
                    message=snapshot.subject,
                )
            )
        seen.update(current)
        previous, previous_folder = current, snapshot.folder
    events.sort(key=lambda event: (event.date, event.order, event.entry))
    return events


def _entry_names(present, entries: _Entries, last_step: dict[int, int]) -> dict[int, str]:
    """An entry is named after the file of its last appearance."""
    members: dict[int, list[int]] = {}
    for lineage in last_step:
        members.setdefault(entries.find(lineage), []).append(lineage)
    names = {}
    for root, lineages in members.items():
        last = max(lineages, key=lambda lineage: (last_step[lineage], -lineage))
        names[root] = stem(present[last_step[last]][last].name)
    return names


def _shown_files(here: dict[int, _File], entries: _Entries, last_step, shown) -> dict[int, _File]:
    """Each entry's file at this step: the same as before while it is listed, else its
    longest-lived lineage present now. Updates `shown`."""
    current: dict[int, _File] = {}
    for lineage in sorted(
        here,
        key=lambda lineage: (
            lineage != shown.get(entries.find(lineage)),
            -last_step[lineage],
            lineage,
        ),
    ):
        root = entries.find(lineage)
        if root not in current:
            current[root] = here[lineage]
            shown[root] = lineage
    return current


def _change(before: _File | None, after: _File | None, *, listed_before: bool) -> str | None:
    """The event between an entry's files at two consecutive steps, if any."""
    if before is None:
        return "relisted" if listed_before else "listed"
    if after is None:
        return "delisted"
    if before.record.compared() != after.record.compared():
        return "corrected" if same_organisation(before, after) else "renamed"
    return None
