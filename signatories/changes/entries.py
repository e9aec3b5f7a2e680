"""What one change shows: the sentence, its dates, and a correction's old and new values."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from signatories import dates
from signatories.changes.events import PUBLIC_FIELDS, SINCE_FIELDS, ChangeKind, History
from signatories.models import Signatory, SignatoryType
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
    """What a page of rows shows: the supporters and the records compared, in two queries.

    A deleted supporter has no page to link to: its changes are left out.
    """
    rows = list(rows)
    signatories = Signatory.objects.only(*SIGNATORY_FIELDS).in_bulk(
        {row["supporter"] for row in rows}
    )
    record_ids = {row[name] for row in rows for name in ("record", "previous")} - {None}
    records = History.objects.in_bulk(record_ids, field_name="history_id") if record_ids else {}
    return [
        _change(row, signatories[row["supporter"]], records)
        for row in rows
        if row["supporter"] in signatories
    ]


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
