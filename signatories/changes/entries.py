"""What one change shows: the sentence, its dates, and a correction's old and new values."""

import datetime
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from signatories import dates
from signatories.changes.events import PUBLIC_FIELDS, SINCE_FIELDS, ChangeKind, History
from signatories.languages.typography import typeset
from signatories.models import EventKind, Signatory, SignatoryEvent, SignatoryType
from signatories.regions import Region


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
    # An event of the official list's history (its commit is the source), or None for a
    # change the directory itself recorded.
    event: SignatoryEvent | None = None

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
        titles = LIST_TITLES if self.event else TITLES
        name = typeset(self.signatory.shown_name)
        return titles[self.kind] % {"name": name, "date": self.date_display}

    @property
    def anchor(self) -> str:
        """Unique and stable: a supporter joins once; an event of the official list is its
        commit and entry (the same whenever the history is loaded again); other changes are
        history records."""
        if self.kind == ChangeKind.JOINED:
            return f"joined-{self.signatory.pk}"
        if self.event:
            return f"{self.event.kind}-{self.event.commit[:12]}-{slugify(self.event.entry)}"
        return f"{self.kind}-{self.record}"

    @property
    def published(self) -> datetime.datetime:
        """When it happened, for the feed: the event's day (UTC midnight) for the official
        list's events and joinings, the moment it was recorded for the directory's own."""
        if self.event or self.kind in (ChangeKind.JOINED, ChangeKind.LEFT):
            return datetime.datetime.combine(self.date, datetime.time.min, datetime.UTC)
        return self.recorded


TITLES = {
    ChangeKind.JOINED: _("%(name)s joined the Paris Call (%(date)s)"),
    ChangeKind.LEFT: _("%(name)s left the Paris Call (%(date)s)"),
    ChangeKind.RETURNED: _("%(name)s is a supporter of the Paris Call again (%(date)s)"),
    ChangeKind.CORRECTED: _("The directory corrected its record of %(name)s (%(date)s)"),
    ChangeKind.RENAMED: _("The official list's entry now names %(name)s (%(date)s)"),
}
# The same changes, when the official list's own history shows them.
LIST_TITLES = {
    **TITLES,
    ChangeKind.LEFT: _("%(name)s left the official list of supporters (%(date)s)"),
    ChangeKind.RETURNED: _("%(name)s is back on the official list of supporters (%(date)s)"),
    ChangeKind.CORRECTED: _("The official list corrected its entry for %(name)s (%(date)s)"),
}
SIGNATORY_FIELDS = ["name", "name_fr", "slug", "type", "country", "region", *SINCE_FIELDS]


def described(rows) -> list[Change]:
    """What a page of rows shows: the supporters and the records compared, in two queries.

    A deleted supporter has no page to link to: its changes are left out.
    """
    rows = list(rows)
    signatories = Signatory.objects.only(*SIGNATORY_FIELDS).in_bulk(
        {row["supporter"] for row in rows}
    )
    record_ids = {row[name] for row in rows for name in ("record", "previous")} - {None}
    records = History.objects.in_bulk(record_ids, field_name="history_id") if record_ids else {}
    event_ids = {row["event"] for row in rows} - {None}
    events = SignatoryEvent.objects.select_related("source").in_bulk(event_ids) if event_ids else {}
    listings = _first_listings(
        {row["supporter"] for row in rows if row["event_kind"] == ChangeKind.JOINED}
    )
    return [
        _change(row, signatories[row["supporter"]], records, events, listings)
        for row in rows
        if row["supporter"] in signatories
    ]


def _first_listings(supporters: set[int]) -> dict[int, SignatoryEvent]:
    """Each supporter's first appearance on the official list, which dates its joining when
    its date is only known from there: one query, for the page's supporters that joined."""
    if not supporters:
        return {}
    listed = SignatoryEvent.objects.filter(signatory_id__in=supporters, kind=EventKind.LISTED)
    first = {}
    for event in listed.select_related("source").order_by("-date", "-id"):
        first[event.signatory_id] = event  # the earliest last
    return first


def _change(row: dict, signatory: Signatory, records: dict, events: dict, listings: dict) -> Change:
    kind = row["event_kind"]
    change = Change(
        kind=kind,
        date=row["event_date"],
        date_display=dates.display(row["event_date"], dates.Precision.DAY),
        recorded=row["recorded"],
        signatory=signatory,
        record=row["record"],
    )
    if row["event"] is not None:
        change.event = events[row["event"]]
        change.fields = [
            FieldChange(label, old, new) for label, old, new in change.event.changed_fields()
        ]
    elif kind == ChangeKind.JOINED:
        change.date_display = signatory.since_display
        listing = listings.get(signatory.pk)
        if listing and listing.date == row["event_date"]:
            # The date is the repository's: its commit says so, not the day it was recorded.
            change.event = listing
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
