"""The Call's membership over time: who joined, left, came back, and what was corrected.

Nothing is stored for this: the events are read from the supporters' own dates and from
the history that django-simple-history records on every write.

- *joined*: one per supporter with a supporter-since date, at that date (a supporter whose
  date no source gives has no place on a timeline). So a fresh install's bulk import shows
  supporters at the dates they joined, never as "added today".
- *left*: a history record that makes a supporter former, at the date it left.
- *returned*: a history record that makes a former supporter current again.
- *corrected*: a change to a public field, compared with the supporter's previous record.
  A creation is never a correction, and neither is a supporter's first record (the
  fixtures are loaded without history, so the import that first touches one is no news).

`change_rows()` is one database query, a UNION ALL of the four kinds with the same columns,
ordered and cut by the database; `described()` (change_entries.py) then reads what a page
of rows shows in two more queries. What bounds the cost, whatever the number of supporters:
joinings and corrections are read in the order of an index (supporter since; the history's
date) and stop at the page's end; departures and returns start from the records of former
supporters, read from their own partial index (migration 0007), so they cost in proportion
to the departures. Nothing counts every change: the page links to newer and older pages.
"""

import datetime
from dataclasses import dataclass

from django.db import connections, models, router
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signatories.models import Signatory
from signatories.vocabulary import KIND_BY_SLUG

History = Signatory.history.model


class ChangeKind(models.TextChoices):
    JOINED = "joined", _("Joined")
    LEFT = "left", _("Left")
    RETURNED = "returned", _("Returned")
    CORRECTED = "corrected", _("Corrected")


# The fields a correction reports: what the public pages show. Internal ones (sort name,
# search text, timestamps) and the status (its own events) are left out.
PUBLIC_FIELDS = [
    "name",
    "type",
    "country",
    "region",
    "kind",
    "website",
    "twitter",
    "linkedin",
    "statement",
]
SINCE_FIELDS = ["supporter_since", "supporter_since_precision", "supporter_since_is_bound"]
# Compares an unknown supporter-since date equal to another unknown one (NULL = NULL is not
# true in SQL).
NO_DATE = datetime.date(1, 1, 1)

# The columns of every row, in the order each part of the union selects them.
COLUMNS = ["event_kind", "event_date", "recorded", "supporter", "record", "previous"]


@dataclass(frozen=True)
class Order:
    """A total order of the changes (pages never overlap), and the same order within each
    part of the union in that part's own columns, so that an index can serve it."""

    union: tuple[str, ...]
    parts: dict[str, tuple[str, ...]]


# The page: when each change happened. A correction happened when it was recorded, so its
# part is in the order of the history's date index.
NEWEST_FIRST = Order(
    union=("-event_date", "-recorded", "event_kind", "-supporter", "-record"),
    parts={
        ChangeKind.JOINED: ("-supporter_since", "-created", "-id"),
        ChangeKind.LEFT: ("-left_on", "-history_date", "-id", "-history_id"),
        ChangeKind.RETURNED: ("-event_date", "-recorded", "-supporter", "-record"),
        ChangeKind.CORRECTED: ("-history_date", "-id", "-history_id"),
    },
)
# The feed: when the directory recorded each change.
LATEST_RECORDED_FIRST = Order(
    union=("-recorded", "-event_date", "event_kind", "-supporter", "-record"),
    parts={
        ChangeKind.JOINED: ("-created", "-supporter_since", "-id"),
        ChangeKind.LEFT: ("-history_date", "-left_on", "-id", "-history_id"),
        ChangeKind.RETURNED: ("-recorded", "-event_date", "-supporter", "-record"),
        ChangeKind.CORRECTED: ("-history_date", "-id", "-history_id"),
    },
)


@dataclass(frozen=True)
class ChangeFilters:
    """What a reader asked for: supporter types, kinds of change, and a first date; and the
    kinds of organisation, as their slugs (`signatories.vocabulary.KIND_BY_SLUG`)."""

    types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: datetime.date | None = None
    organisation_kinds: tuple[str, ...] = ()

    def wants(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


def change_rows(filters: ChangeFilters, order: Order, offset: int, count: int) -> list[dict]:
    """Rows `offset` to `offset + count` of the changes the filters select, in `order`.

    The rows before the end of the page are among the first `offset + count` of each part,
    so each part is cut there in its own order (read from an index where there is one:
    the supporters' date, the history's date) before the union is sorted. SQLite can't
    order and cut the parts of a union; it serves small directories, so it sorts them all.
    """
    parts = [
        (kind, build(filters))
        for kind, build in (
            (ChangeKind.JOINED, _joined),
            (ChangeKind.LEFT, _left),
            (ChangeKind.RETURNED, _returned),
            (ChangeKind.CORRECTED, _corrected),
        )
        if filters.wants(kind)
    ]
    end = offset + count
    if len(parts) == 1:
        kind, part = parts[0]
        return list(part.order_by(*order.parts[kind])[offset:end])
    if connections[router.db_for_read(Signatory)].features.supports_slicing_ordering_in_compound:
        parts = [(kind, part.order_by(*order.parts[kind])[:end]) for kind, part in parts]
    first, *others = [part for _kind, part in parts]
    return list(first.union(*others, all=True).order_by(*order.union)[offset:end])


def _columns(queryset: QuerySet, kind: str, **columns) -> QuerySet:
    """One part of the union: the columns in their fixed order, no ordering of its own."""
    queryset = queryset.annotate(event_kind=Value(kind), **columns)
    return queryset.order_by().values(*COLUMNS)


def _joined(filters: ChangeFilters) -> QuerySet:
    supporters = Signatory.objects.filter(supporter_since__isnull=False)
    if filters.types:
        supporters = supporters.filter(type__in=filters.types)
    if filters.organisation_kinds:
        supporters = supporters.of_kinds(filters.organisation_kinds)
    if filters.since:
        supporters = supporters.filter(supporter_since__gte=filters.since)
    return _columns(
        supporters,
        ChangeKind.JOINED,
        event_date=F("supporter_since"),
        recorded=F("created"),
        supporter=F("id"),
        record=Value(None, output_field=models.IntegerField()),
        previous=Value(None, output_field=models.IntegerField()),
    )


def _neighbour(column: str, *, before: bool) -> Subquery:
    """A column of the same supporter's record just before (or just after) this one."""
    if before:
        records = History.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        records = records.order_by("-history_id")
    else:
        records = History.objects.filter(id=OuterRef("id"), history_id__gt=OuterRef("history_id"))
        records = records.order_by("history_id")
    return Subquery(records.values(column)[:1])


def _records(filters: ChangeFilters, **conditions) -> QuerySet:
    """History records of the supporters asked for.

    Deleted supporters' records are dropped when a page is shown (`described()`), not
    here: PostgreSQL would answer "does it still exist?" by reading every supporter.
    """
    records = History.objects.filter(**conditions)
    if filters.organisation_kinds:
        # The kind the record had then, as the type is.
        records = records.filter(
            kind__in=[KIND_BY_SLUG[slug] for slug in filters.organisation_kinds]
        )
    return records.filter(type__in=filters.types) if filters.types else records


def _since_recorded(since: datetime.date | None, column: str = "history_date") -> Q:
    if since is None:
        return Q()
    zone = timezone.get_current_timezone()
    return Q(**{f"{column}__gte": datetime.datetime.combine(since, datetime.time.min, zone)})


def _left(filters: ChangeFilters) -> QuerySet:
    # Records of former supporters are few: the query starts from them.
    records = _records(filters, history_type__in=["+", "~"], status="former")
    records = records.annotate(previous_status=_neighbour("status", before=True))
    # Became former: created as one, or the record before was current.
    records = records.filter(Q(previous_status__isnull=True) | Q(previous_status="current"))
    if filters.since:
        records = records.filter(left_on__gte=filters.since)
    return _columns(
        records,
        ChangeKind.LEFT,
        event_date=F("left_on"),
        recorded=F("history_date"),
        supporter=F("id"),
        record=F("history_id"),
        previous=_neighbour("history_id", before=True),
    )


def _returned(filters: ChangeFilters) -> QuerySet:
    # From a former supporter's record to the next one, when that one is current again.
    records = _records(filters, status="former").annotate(
        next_status=_neighbour("status", before=False),
        next_date=_neighbour("history_date", before=False),
    )
    records = records.filter(_since_recorded(filters.since, "next_date"), next_status="current")
    return _columns(
        records,
        ChangeKind.RETURNED,
        event_date=TruncDate("next_date"),
        recorded=F("next_date"),
        supporter=F("id"),
        record=_neighbour("history_id", before=False),
        previous=F("history_id"),
    )


def _corrected(filters: ChangeFilters) -> QuerySet:
    records = _records(filters, history_type="~").annotate(
        previous_id=_neighbour("history_id", before=True)
    )
    unchanged = Q(**{name: OuterRef(name) for name in PUBLIC_FIELDS + SINCE_FIELDS[1:]})
    previous = (
        History.objects.filter(history_id=OuterRef("previous_id"))
        .annotate(since_or_none=Coalesce("supporter_since", Value(NO_DATE)))
        .exclude(unchanged & Q(since_or_none=Coalesce(OuterRef("supporter_since"), Value(NO_DATE))))
    )
    records = records.filter(Exists(previous), _since_recorded(filters.since))
    return _columns(
        records,
        ChangeKind.CORRECTED,
        event_date=TruncDate("history_date"),
        recorded=F("history_date"),
        supporter=F("id"),
        record=F("history_id"),
        previous=F("previous_id"),
    )
