"""Browsing without a search counted from the directory's timeline and its standing, held in
each process's memory, instead of from the supporters' rows.

On a day D a supporter is *current* when it had joined by D and not left by D, *former*
when it had joined and left by D, and among `all` when it had joined by D
(`signatories.as_of`). So each supporter is two events: it **joins** on its supporter-since
day (current +1, all +1) and, if it left, it **leaves** on its departure day, or on the day
it joined when that is later (current −1, former +1). A day's counts are the sums of the
events up to that day, and a supporter whose date no source gives has no event.

The timeline holds, for each (type, kind, region, country) — and again for each of those
and the year of joining, which the `since` filter chooses — the days events fall on and the
running sums after each day. It is read with two grouped queries once per revision of the
directory and kept in each process's memory (not in the shared cache: at a million
supporters it is 20 MB, too large to copy out of a cache on every page); a day's counts
are then one binary search per combination. The alliances' members have a timeline of
their own, for the alliance facet's counts.

Without `as_of`, the list counts the supporters by their status today (and `since` by the
year they joined). The *standing* holds those counts by (type, kind, region, country),
status and year of joining, for the supporters and again for the alliances' members: read
with two grouped queries once per revision, apart from the timeline (a fraction of its
cost), so that a year or a status not asked for before costs no query at all. The list of
today's supporters, without a year, is counted from the rows as before: its one grouped
query costs an eighth to a twentieth of reading the standing, which only a reader choosing
a status or a year then waits for.

Imports the records, the cache and the vocabulary; `signatories.directory.facets` uses it.
"""

import datetime
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby

from django.db import connections, transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear

from signatories.cache import kept_in_process
from signatories.models import Signatory, SignatoryAlliance
from signatories.vocabulary import KIND_SLUGS, STATUS_ALL, SignatoryStatus

# The filters counted here, with or without a day; any other (an alliance, a search) is
# counted from the supporters' rows or the words' index.
ANSWERED = frozenset({"type", "kind", "region", "country", "since", "as_of", "status", "sort"})
FACET_FIELDS = ("type", "kind", "region", "country")


class _Spans:
    """The series of many combinations: the days events fall on, in order, and the running
    counts of current and of former supporters after each (`all` is their sum: everyone who
    had joined). Each combination's series is a span of three arrays shared by all: the
    garbage collector, which visits every container in a full collection, sees a few objects
    instead of four per combination (at 100,000 supporters the timeline was 74,646 of a
    worker's 222,000 objects; it is now 283)."""

    __slots__ = ("days", "current", "former", "spans")

    def __init__(self):
        self.days, self.current, self.former = array("i"), array("i"), array("i")
        self.spans: dict[tuple, tuple[int, int]] = {}

    def keep(self, combination: tuple, changes: dict[int, tuple[int, int]]) -> None:
        if combination in self.spans:  # two kinds outside the vocabulary, both counted as none
            for day, change in self._changes(*self.spans[combination]):
                _add(changes, day, change)
        start = len(self.days)
        current = former = 0
        for day in sorted(changes):
            current, former = current + changes[day][0], former + changes[day][1]
            self.days.append(day)
            self.current.append(current)
            self.former.append(former)
        self.spans[combination] = (start, len(self.days))

    def counts(self, day: int, status: str) -> Iterator[tuple[tuple, int]]:
        """(combination, n) on that day (an ordinal) with that status."""
        for combination, (start, end) in self.spans.items():
            found = bisect_right(self.days, day, start, end) - 1
            if found < start:
                continue
            if status == SignatoryStatus.CURRENT:
                yield combination, self.current[found]
            elif status == SignatoryStatus.FORMER:
                yield combination, self.former[found]
            else:
                yield combination, self.current[found] + self.former[found]

    def _changes(self, start: int, end: int) -> Iterator[tuple[int, tuple[int, int]]]:
        """(day, (change of current, change of former)): what a span was made from."""
        current = former = 0
        for found in range(start, end):
            now_current, now_former = self.current[found], self.former[found]
            yield self.days[found], (now_current - current, now_former - former)
            current, former = now_current, now_former


class Timeline:
    """The series of every combination (a tuple of values), and of every combination by
    year of joining, built from (combination…, joined, left, n) rows in the order of their
    combinations: one combination's rows at a time in memory."""

    def __init__(self, rows: Iterable[tuple]):
        self.all_years = _Spans()
        self.by_year: dict[int, _Spans] = defaultdict(_Spans)
        for combination, group in groupby(rows, key=lambda row: row[:-3]):
            changes: dict[int, tuple[int, int]] = {}
            by_year: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
            for *_combination, joined, left, count in group:
                for day, change in _events(joined, left, count):
                    _add(changes, day, change)
                    _add(by_year[joined.year], day, change)
            self.all_years.keep(combination, changes)
            for year, found in by_year.items():
                self.by_year[year].keep(combination, found)

    def counts(self, day: datetime.date, status: str, year: int | None) -> list[tuple]:
        """(combination…, n) on that day with that status, of those who joined in `year`
        (any year for None); combinations with nobody left out."""
        series = self.all_years if year is None else self.by_year.get(year, _Spans())
        counted = series.counts(day.toordinal(), status)
        return [(*combination, count) for combination, count in counted if count]


def _events(joined: datetime.date, left: datetime.date | None, count: int) -> list[tuple]:
    """(day, (change of current, change of former)) of `count` supporters who joined and
    left on these days."""
    events = [(joined.toordinal(), (count, 0))]
    if left is not None:
        events.append((max(joined, left).toordinal(), (-count, count)))
    return events


def _add(changes: dict[int, tuple[int, int]], day: int, change: tuple[int, int]) -> None:
    current, former = changes.get(day, (0, 0))
    changes[day] = (current + change[0], former + change[1])


def answers(cleaned_data: dict) -> bool:
    """Whether a list's valid filters are counted here: a day, or a status or a year (no
    search, no alliance). Not the list of today's supporters of any year: one grouped count
    of the rows answers it for an eighth (PostgreSQL) to a twentieth (SQLite) of the cost of
    reading the standing."""
    if not all(
        name in ANSWERED or value in (None, "", [], ()) for name, value in cleaned_data.items()
    ):
        return False
    status = cleaned_data.get("status") or SignatoryStatus.CURRENT
    return bool(
        cleaned_data.get("as_of") or cleaned_data.get("since") or status != SignatoryStatus.CURRENT
    )


def cubes(cleaned_data: dict) -> tuple[list[tuple], list[tuple]]:
    """The facets' cube (type, kind slug, region, country, n) and the alliances' cube
    (alliance, type, kind slug, region, country, n), as `signatories.directory.facets`
    counts them from the supporters: a day's from the timeline, today's from the standing."""
    status = cleaned_data.get("status") or SignatoryStatus.CURRENT
    year = cleaned_data.get("since")
    year = int(year) if year is not None else None
    day = cleaned_data.get("as_of")
    if day is None:
        supporters, members = kept_in_process("standing", _build_standing)
        return supporters.counts(status, year), members.counts(status, year)
    supporters, members = _timelines()
    return supporters.counts(day, status, year), members.counts(day, status, year)


class Standing:
    """Today's counts of every combination by status and year of joining (None: no date),
    from (combination…, status, year, n) rows."""

    def __init__(self, rows: Iterable[tuple]):
        self.by_status_and_year: dict[tuple, dict[tuple, int]] = defaultdict(dict)
        for *combination, status, year, count in rows:
            found = self.by_status_and_year[status, year]
            found[tuple(combination)] = found.get(tuple(combination), 0) + count

    def counts(self, status: str, year: int | None) -> list[tuple]:
        """(combination…, n) with that status (or any, for `all`), of those who joined in
        `year` (any year, or none known, for None); combinations with nobody left out."""
        summed: dict[tuple, int] = {}
        for (row_status, row_year), found in self.by_status_and_year.items():
            if status not in (STATUS_ALL, row_status) or year not in (None, row_year):
                continue
            for combination, count in found.items():
                summed[combination] = summed.get(combination, 0) + count
        return [(*combination, count) for combination, count in summed.items() if count]


def _build_standing() -> tuple[Standing, Standing]:
    fields = (*FACET_FIELDS, "status")
    supporters = (
        Signatory.objects.order_by()
        .values_list(*fields)
        .annotate(year=ExtractYear("supporter_since"), n=Count("id"))
    )
    members = (
        SignatoryAlliance.objects.order_by()
        .values_list("alliance", *(f"signatory__{name}" for name in fields))
        .annotate(year=ExtractYear("signatory__supporter_since"), n=Count("id"))
    )
    return Standing(_slugged(supporters, 1)), Standing(_slugged(members, 2))


def _slugged(rows: Iterable[tuple], kind: int) -> Iterator[tuple]:
    """The rows with the kind (at that position) as its slug, as the cube counts it."""
    for row in rows:
        yield (*row[:kind], KIND_SLUGS.get(row[kind], ""), *row[kind + 1 :])


def _timelines() -> tuple[Timeline, Timeline]:
    """The supporters' and the alliance members' timelines of the current revision."""
    return kept_in_process("timelines", _build)


def _build() -> tuple[Timeline, Timeline]:
    """Both timelines, read 10,000 rows at a time. On PostgreSQL by cursors planned for all
    their rows: a cursor is planned for its first tenth by default, which took twice as
    long for every row (4 s instead of 2 at a million); a client-side read would hold every
    row in memory at once (+94 MB)."""
    database = Signatory.objects.all().db
    with transaction.atomic(using=database, savepoint=False):
        if connections[database].vendor == "postgresql":
            with connections[database].cursor() as cursor:
                cursor.execute("SET LOCAL cursor_tuple_fraction = 1")
        return Timeline(_supporter_rows()), Timeline(_member_rows())


def _supporter_rows() -> Iterator[tuple]:
    dated = Signatory.objects.filter(supporter_since__isnull=False)
    fields = (*FACET_FIELDS, "supporter_since", "left_on")
    grouped = dated.order_by(*fields).values_list(*fields).annotate(count=Count("id"))
    rows = grouped.iterator(chunk_size=10_000)
    for type_, kind, region, country, joined, left, count in rows:
        yield type_, KIND_SLUGS.get(kind, ""), region, country, joined, left, count


def _member_rows() -> Iterator[tuple]:
    dated = SignatoryAlliance.objects.filter(signatory__supporter_since__isnull=False)
    fields = (
        "alliance",
        *(f"signatory__{name}" for name in FACET_FIELDS),
        "signatory__supporter_since",
        "signatory__left_on",
    )
    grouped = dated.order_by(*fields).values_list(*fields).annotate(count=Count("id"))
    rows = grouped.iterator(chunk_size=10_000)
    for alliance, type_, kind, region, country, joined, left, count in rows:
        yield alliance, type_, KIND_SLUGS.get(kind, ""), region, country, joined, left, count
