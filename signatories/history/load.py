"""Loading the official list's history into the directory, in one transaction.

Each entry of the history (the derivation's identity of an organisation's entry across
re-filings) is matched to a supporter by the importer's natural key (a state by its
country, any other by its normalised name, country and type), read from the entry's last
state: for an entry still on the list, that is the row of the bundled snapshot the directory
imported. Then, for each supporter:

- its supporter-since date becomes the day of its first appearance, as a "by" date (the
  repository says it was on the list that day, not when it joined), unless an exact date
  or an earlier one is already recorded: the importer's rule for `first_listed`. For an
  entry renamed to another organisation, the organisation it now names appears at the
  rename;
- an entry gone from the list (its last event a delisting) makes its supporter *former* as
  of that commit's date, cited to it; a supporter the directory does not have yet (it left
  before the snapshot) is recorded, as a former supporter, from its last state. An entry
  renamed to another organisation is, for the organisation it named before, a departure
  at the rename (its events until then are that organisation's);
- every event is kept (`SignatoryEvent`), cited to its commit: one `Source` per commit
  and one `Citation` per commit and supporter, quoting the entry's file and fields.

Loading the same file again changes nothing. The writes are recorded in the supporters'
history with the reason `HISTORY_REASON`: the changes page tells these events from the
events themselves, so that a load never shows as the directory's own corrections.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from signatories.dates import Precision
from signatories.history import citing
from signatories.history.entries import (
    first_appearance,
    former_supporter,
    importer_values,
    invisible,
    split_renamed,
)
from signatories.history.rows import HistoryRow, read_history
from signatories.importing.matching import KeyIndex
from signatories.models import EventKind, Signatory, SignatoryStatus
from signatories.models.events import HISTORY_REASON
from signatories.models.revision import bump_revision
from signatories.models.word_index import reindex

CHUNK = citing.CHUNK


@dataclass
class LoadReport:
    entries: int = 0
    matched: int = 0
    recorded_former: list[str] = field(default_factory=list)  # left before the snapshot
    unmatched: list[str] = field(default_factory=list)  # on the list, not in the directory
    skipped: list[str] = field(default_factory=list)  # no category, or a duplicate gone
    dates_set: int = 0
    departures: int = 0
    invisible: int = 0  # corrections of nothing the directory shows
    events_created: int = 0
    events_removed: int = 0
    sources_created: int = 0
    alliances_created: int = 0

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.recorded_former
            or self.dates_set
            or self.departures
            or self.events_created
            or self.events_removed
            or self.sources_created
            or self.alliances_created
        )

    def summary(self) -> str:
        return (
            f"{self.entries} entries: {self.matched} matched to supporters, "
            f"{len(self.recorded_former)} former supporters recorded, "
            f"{len(self.unmatched)} not in the directory, {len(self.skipped)} skipped; "
            f"{self.dates_set} supporter-since dates set, {self.departures} departures, "
            f"{self.events_created} events added, {self.events_removed} removed "
            f"({self.invisible} corrections of nothing the directory shows left out), "
            f"{self.sources_created} commits cited for the first time."
        )


def load_history_file(path: str, *, user=None) -> LoadReport:
    with open(path, encoding="utf-8", newline="") as stream:
        rows = read_history(stream)
    return load_history(rows, user=user)


def load_history(rows: list[HistoryRow], *, user=None) -> LoadReport:
    """Load the rows (read by `read_history`) in one transaction."""
    with transaction.atomic():
        report = _Loader(rows, user).run()
        if report.changes_anything:
            bump_revision()
    return report


class _Loader:
    def __init__(self, rows: list[HistoryRow], user):
        self.rows = rows
        self.history = {"default_user": user, "default_change_reason": HISTORY_REASON}
        self.report = LoadReport()
        self.now = timezone.now()

    def run(self) -> LoadReport:
        entries: dict[str, list[HistoryRow]] = defaultdict(list)
        for row in self.rows:
            if invisible(row):
                self.report.invisible += 1
                continue
            entries[row.entry].append(row)
        self.report.entries = len(entries)
        entries = split_renamed(entries)
        sources, self.report.sources_created = citing.commit_sources(
            self.rows, history=self.history, now=self.now
        )
        owners = self._match(entries, sources)
        self._update_supporters(entries, owners, sources)
        citations = citing.commit_citations(
            entries, owners, sources, history=self.history, now=self.now
        )
        self.report.events_removed, self.report.events_created = citing.write_events(
            entries, owners, sources, citations
        )
        self.report.alliances_created = citing.write_alliances(entries, owners, citations, sources)
        return self.report

    # -- matching each entry to a supporter ------------------------------------------

    def _match(self, entries: dict[str, list[HistoryRow]], sources) -> dict[str, int]:
        """{entry: supporter pk}; records the supporters that left before the snapshot."""
        index = KeyIndex.load()
        owners: dict[str, int] = {}
        gone: list[tuple[str, dict, object]] = []
        for entry, rows in entries.items():
            values = importer_values(rows[-1])
            if values is None:
                self.report.skipped.append(f"{entry}: no category")
                continue
            key = index.match(values)
            if rows[-1].kind == EventKind.DELISTED:
                gone.append((entry, values, key))
            elif isinstance(key, int):
                owners[entry] = key
            else:
                self.report.unmatched.append(entry)
        self._match_gone(gone, entries, owners, sources, index)
        self.report.matched = len(owners)
        return owners

    def _match_gone(self, gone, entries, owners: dict[str, int], sources, index) -> None:
        """The entries gone from the list: a supporter's departure, a duplicate removed, or
        a supporter the directory lacks (it left before the snapshot), recorded now."""
        alive = set(owners.values())
        new: dict[tuple, Signatory] = {}
        for entry, values, key in gone:
            if isinstance(key, int) and key in alive:
                # Its organisation is still on the list under another entry: a duplicate
                # removed, not a departure.
                self.report.skipped.append(f"{entry}: a duplicate of a current entry")
            elif isinstance(key, int):
                owners[entry] = key
            elif key is not None:
                new[key[1]].entries.append(entry)  # another gone entry of the same one
            else:
                last = entries[entry][-1]
                signatory = former_supporter(values, last, sources[last.commit], index)
                natural = (signatory.type, signatory.country, signatory.name)
                new[natural] = signatory
                index.add(("new", natural), signatory.slug, *natural[::-1])
                signatory.entries.append(entry)
        if new:
            self._record_former(list(new.values()), owners)

    def _record_former(self, new: list[Signatory], owners: dict[str, int]) -> None:
        for signatory in new:
            signatory.derive()
        created = bulk_create_with_history(new, Signatory, batch_size=CHUNK, **self.history)
        reindex(created)  # bulk writes send no signals: search's words, written here
        for original, signatory in zip(new, created, strict=True):
            for entry in original.entries:
                owners[entry] = signatory.pk
            self.report.recorded_former.append(signatory.name)

    # -- supporter since, former -----------------------------------------------------

    def _update_supporters(self, entries, owners, sources) -> None:
        starts, departures = _starts_and_departures(entries, owners)
        locked = Signatory.objects.select_for_update().in_bulk(set(owners.values()))
        changed: dict[int, Signatory] = {}
        for pk, start in starts.items():
            if _start_bounded(locked[pk], start):
                changed[pk] = locked[pk]
                self.report.dates_set += 1
        for pk, row in departures.items():
            if _departed(locked[pk], row, sources[row.commit]):
                changed[pk] = locked[pk]
                self.report.departures += 1
        if changed:
            for signatory in changed.values():
                signatory.derive()
                signatory.updated = self.now
            bulk_update_with_history(
                list(changed.values()),
                Signatory,
                SINCE_AND_STATUS,
                batch_size=CHUNK,
                **self.history,
            )
            reindex(changed.values())  # the words carry the status and supporter-since date


# What a load changes on a supporter.
SINCE_AND_STATUS = [
    "supporter_since",
    "supporter_since_precision",
    "supporter_since_is_bound",
    "status",
    "left_on",
    "left_source",
    "updated",
]


def _starts_and_departures(entries, owners: dict[str, int]):
    """Each supporter's first appearance, and its latest departure unless one of its
    entries is still listed."""
    starts: dict[int, datetime.date] = {}
    departures: dict[int, HistoryRow] = {}
    still_listed: set[int] = set()
    for entry, pk in owners.items():
        rows = entries[entry]
        start = first_appearance(rows)
        if start and (pk not in starts or start < starts[pk]):
            starts[pk] = start
        if rows[-1].kind != EventKind.DELISTED:
            still_listed.add(pk)
        elif pk not in departures or rows[-1].date > departures[pk].date:
            departures[pk] = rows[-1]
    return starts, {pk: row for pk, row in departures.items() if pk not in still_listed}


def _start_bounded(signatory: Signatory, start: datetime.date) -> bool:
    """The first appearance as a "by" date, unless an exact or earlier date is recorded."""
    recorded = signatory.supporter_since
    exact = recorded is not None and not signatory.supporter_since_is_bound
    if exact or (recorded is not None and recorded <= start):
        return False
    signatory.supporter_since = start
    signatory.supporter_since_precision = Precision.DAY
    signatory.supporter_since_is_bound = True
    return True


def _departed(signatory: Signatory, row: HistoryRow, source) -> bool:
    """Former as of the delisting's commit, unless it is already, from that commit."""
    if (
        signatory.status == SignatoryStatus.FORMER
        and signatory.left_on == row.date
        and signatory.left_source_id == source.pk
    ):
        return False
    signatory.status = SignatoryStatus.FORMER
    signatory.left_on = row.date
    signatory.left_source = source
    return True
