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
so that the page is ordered, counted and sliced by the database whatever the table sizes.
`described()` then reads what a page of rows shows in two more queries.
"""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from signatories import dates
from signatories.models import Signatory, SignatoryType
from signatories.regions import Region

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
# Total orders, so that pages never overlap: the timeline, and the feed.
NEWEST_FIRST = ["-event_date", "-recorded", "event_kind", "-supporter", "-record"]
LATEST_RECORDED_FIRST = ["-recorded", "-event_date", "event_kind", "-supporter", "-record"]


@dataclass(frozen=True)
class ChangeFilters:
    """What a reader asked for: supporter types, kinds of change, and a first date."""

    types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: datetime.date | None = None

    def wants(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


def change_rows(filters: ChangeFilters) -> QuerySet:
    """Every change the filters select, as rows of `COLUMNS`: order and slice it."""
    parts = [
        build(filters)
        for kind, build in (
            (ChangeKind.JOINED, _joined),
            (ChangeKind.LEFT, _left),
            (ChangeKind.RETURNED, _returned),
            (ChangeKind.CORRECTED, _corrected),
        )
        if filters.wants(kind)
    ]
    first, *others = parts
    return first.union(*others, all=True) if others else first


def _columns(queryset: QuerySet, kind: str, **columns) -> QuerySet:
    """One part of the union: the columns in their fixed order, no ordering of its own."""
    queryset = queryset.annotate(event_kind=Value(kind), **columns)
    return queryset.order_by().values(*COLUMNS)


def _joined(filters: ChangeFilters) -> QuerySet:
    supporters = Signatory.objects.filter(supporter_since__isnull=False)
    if filters.types:
        supporters = supporters.filter(type__in=filters.types)
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


def _previous(column: str) -> Subquery:
    """A column of the same supporter's record just before this one."""
    earlier = History.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
    return Subquery(earlier.order_by("-history_id").values(column)[:1])


def _records(filters: ChangeFilters, *, kind: str, event_date, **conditions) -> QuerySet:
    """History records of supporters that still exist, with their previous record's id."""
    records = History.objects.filter(
        Exists(Signatory.objects.filter(pk=OuterRef("id"))), **conditions
    ).annotate(previous_status=_previous("status"), previous_id=_previous("history_id"))
    if filters.types:
        records = records.filter(type__in=filters.types)
    return records, {
        "kind": kind,
        "event_date": event_date,
        "recorded": F("history_date"),
        "supporter": F("id"),
        "record": F("history_id"),
        "previous": F("previous_id"),
    }


def _since_recorded(records: QuerySet, since: datetime.date | None) -> QuerySet:
    if since is None:
        return records
    start = datetime.datetime.combine(
        since, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    return records.filter(history_date__gte=start)


def _left(filters: ChangeFilters) -> QuerySet:
    records, columns = _records(
        filters,
        kind=ChangeKind.LEFT,
        event_date=F("left_on"),
        history_type__in=["+", "~"],
        status="former",
    )
    # Became former: created as one, or the record before was current.
    records = records.filter(Q(previous_status__isnull=True) | Q(previous_status="current"))
    if filters.since:
        records = records.filter(left_on__gte=filters.since)
    return _columns(records, **columns)


def _returned(filters: ChangeFilters) -> QuerySet:
    records, columns = _records(
        filters,
        kind=ChangeKind.RETURNED,
        event_date=TruncDate("history_date"),
        history_type="~",
        status="current",
    )
    records = _since_recorded(records.filter(previous_status="former"), filters.since)
    return _columns(records, **columns)


def _corrected(filters: ChangeFilters) -> QuerySet:
    records, columns = _records(
        filters,
        kind=ChangeKind.CORRECTED,
        event_date=TruncDate("history_date"),
        history_type="~",
    )
    unchanged = Q(**{name: OuterRef(name) for name in PUBLIC_FIELDS + SINCE_FIELDS[1:]})
    previous = (
        History.objects.filter(history_id=OuterRef("previous_id"))
        .annotate(since_or_none=Coalesce("supporter_since", Value(NO_DATE)))
        .exclude(unchanged & Q(since_or_none=Coalesce(OuterRef("supporter_since"), Value(NO_DATE))))
    )
    records = _since_recorded(records.filter(Exists(previous)), filters.since)
    return _columns(records, **columns)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Change:
    """One entry of the page and the feed, ready to show."""

    kind: str
    date: datetime.date
    date_display: str
    recorded: datetime.datetime
    signatory: Signatory
    record: int | None = None
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return ChangeKind(self.kind).label

    @property
    def date_iso(self) -> str:
        """For `<time datetime>`: a joining date at the precision the sources give."""
        if self.kind == ChangeKind.JOINED:
            return self.signatory.since_iso
        return self.date.isoformat()

    @property
    def title(self) -> str:
        """One plain sentence, for the feed's entry titles."""
        return TITLES[self.kind] % {"name": self.signatory.name, "date": self.date_display}

    @property
    def anchor(self) -> str:
        """Unique and stable: a supporter joins once; other changes are history records."""
        if self.kind == ChangeKind.JOINED:
            return f"joined-{self.signatory.pk}"
        return f"{self.kind}-{self.record}"


TITLES = {
    ChangeKind.JOINED: _("%(name)s joined the Paris Call (%(date)s)"),
    ChangeKind.LEFT: _("%(name)s left the Paris Call (%(date)s)"),
    ChangeKind.RETURNED: _("%(name)s is a supporter of the Paris Call again (%(date)s)"),
    ChangeKind.CORRECTED: _("The directory corrected its record of %(name)s (%(date)s)"),
}
SIGNATORY_FIELDS = ["name", "slug", "type", "country", "region", *SINCE_FIELDS]


def described(rows) -> list[Change]:
    """What a page of rows shows: the supporters and the records compared, in two queries."""
    rows = list(rows)
    signatories = Signatory.objects.only(*SIGNATORY_FIELDS).in_bulk(
        {row["supporter"] for row in rows}
    )
    record_ids = {row[name] for row in rows for name in ("record", "previous")} - {None}
    records = History.objects.in_bulk(record_ids, field_name="history_id") if record_ids else {}
    return [_change(row, signatories[row["supporter"]], records) for row in rows]


def _change(row: dict, signatory: Signatory, records: dict) -> Change:
    kind = row["event_kind"]
    change = Change(
        kind=kind,
        date=row["event_date"],
        date_display=dates.display(row["event_date"], dates.Precision.DAY),
        recorded=row["recorded"],
        signatory=signatory,
        record=row["record"],
    )
    if kind == ChangeKind.JOINED:
        change.date_display = signatory.since_display
    elif kind == ChangeKind.CORRECTED:
        change.fields = field_changes(records[row["previous"]], records[row["record"]])
    return change


def field_changes(old, new) -> list[FieldChange]:
    """The public fields that differ between two records of a supporter, as shown."""
    changes = [
        FieldChange(_field_label(name), _shown(name, old), _shown(name, new))
        for name in PUBLIC_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    if any(getattr(old, name) != getattr(new, name) for name in SINCE_FIELDS):
        changes.append(FieldChange(_field_label("supporter_since"), _since(old), _since(new)))
    return changes


def _field_label(name: str) -> str:
    return Signatory._meta.get_field(name).verbose_name


def _shown(name: str, record) -> str:
    value = getattr(record, name)
    if name == "type":
        return SignatoryType(value).label if value in SignatoryType.values else value
    if name == "region":
        return Region(value).label if value in Region.values else value
    if name == "country":
        return value.name if value else ""
    return str(value)


def _since(record) -> str:
    return dates.display(
        record.supporter_since, record.supporter_since_precision, record.supporter_since_is_bound
    )
