"""Planning one row: which supporter it is, what it changes, and whether it can be written.

Each step is a method named for what it decides; `plan_row` runs them in order. Nothing is
written here: a planned row holds the supporter as it would be saved and the row's outcome.
"""

import copy
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from signatories import columns
from signatories.dates import Precision
from signatories.importing.matching import KeyIndex
from signatories.importing.reading import CsvRow
from signatories.importing.report import Departure, RowOutcome, RowResult, field_label
from signatories.importing.rows import ParsedRow, RowRejected
from signatories.importing.writing import PlannedRow
from signatories.models import Signatory, SignatoryStatus, SignatoryType
from signatories.text import name_key, normalise

# The fields an import may set, compared to tell "updated" from "unchanged": those the
# export's column map reads (a slug is never changed by an import), and the aliases the
# official list's French names add.
COMPARED_FIELDS = [name for name in columns.FIELDS if name != "slug"] + ["aliases"]
# Dropped with a warning when invalid; any other invalid field rejects the row.
OPTIONAL_FIELDS = {"kind", "aliases", "website", "twitter", "linkedin", "statement"}
ALIAS_SEPARATOR = "; "


class Planner:
    """Plans a file's rows chunk by chunk, remembering which supporters it has met."""

    def __init__(self, parse: Callable[[dict], ParsedRow], columns_read: list[str], *, full_list):
        self.parse = parse
        self.columns_read = columns_read
        self.full_list = full_list
        self.index = KeyIndex.load()
        self.seen: dict[object, int] = {}  # supporter → the line that imports it
        self.unread_names: set[str] = set()  # rows rejected before they could be matched
        self.returning: list[Departure] = []
        self.recorded: dict[int, Signatory] = {}

    def plan_chunk(self, chunk: list[CsvRow]) -> list[PlannedRow]:
        parsed = [(row, self._parse(row)) for row in chunk]
        keys = [self.index.match(p.values) for _row, p in parsed if isinstance(p, ParsedRow)]
        self.recorded = Signatory.objects.in_bulk([key for key in keys if isinstance(key, int)])
        return [self.plan_row(row, parsed_row) for row, parsed_row in parsed]

    def present(self) -> set[int]:
        """The recorded supporters this file has, including rows it couldn't read."""
        read = {key for key in self.seen if isinstance(key, int)}
        return read | self.index.recorded_with_names(self.unread_names)

    def _parse(self, row: CsvRow) -> ParsedRow | list[str]:
        """What the row says, or every reason it can't be read."""
        if row.problem:
            return [row.problem]
        try:
            return self.parse(row.cells)
        except RowRejected as rejection:
            return rejection.reasons

    def plan_row(self, row: CsvRow, parsed: ParsedRow | list[str]) -> PlannedRow:
        name = row.cells.get("name", "").strip()
        if isinstance(parsed, list):
            self.unread_names.add(normalise(name))
            return PlannedRow(RowResult(row.line, name, RowOutcome.REJECTED, parsed))
        result = RowResult(row.line, name, warnings=parsed.warnings)
        try:
            key = self._matched_key(parsed)
            before = self._recorded(key)
            signatory = self._with_row_values(before, parsed)
            if before is None:
                self._name_and_place_new(signatory, parsed)
            self._apply_listing_date(signatory, parsed)
            self._return_if_listed(signatory, before)
            # A row that changes nothing recorded needs no validation (most rows, on a
            # second import of the same list).
            if before is None or _changed_fields(signatory, before):
                self._validate(signatory, before, result)
                self._check_unique(signatory, key)
        except RowRejected as rejection:
            result.outcome, result.reasons = RowOutcome.REJECTED, rejection.reasons
            return PlannedRow(result)
        self._record_outcome(row.line, key, signatory, before, result)
        return PlannedRow(result, signatory, self._passage(row.cells))

    def _matched_key(self, parsed: ParsedRow):
        """The supporter the row is about (None: a new one); a second mention is rejected."""
        key = self.index.match(parsed.values)
        if key is not None and key in self.seen:
            raise RowRejected(_("the same supporter as line %(line)d") % {"line": self.seen[key]})
        return key

    def _recorded(self, key) -> Signatory | None:
        if key is None:
            return None
        return self.recorded.get(key) or Signatory.objects.get(pk=key)

    def _with_row_values(self, before: Signatory | None, parsed: ParsedRow) -> Signatory:
        """The supporter with the row's values set (a recorded slug is never changed)."""
        signatory = copy.copy(before) if before is not None else Signatory()
        values = dict(parsed.values)
        if before is not None:
            values.pop("slug", None)
        for name, value in values.items():
            setattr(signatory, name, value)
        if signatory.status == SignatoryStatus.CURRENT:
            signatory.left_on, signatory.left_source = None, None
        if parsed.alias:
            if before is None:
                signatory.name = signatory.country.name
            signatory.aliases = _with_alias(signatory.aliases, parsed.alias, signatory.name)
        return signatory

    def _name_and_place_new(self, signatory: Signatory, parsed: ParsedRow) -> None:
        """A new supporter's slug, and its region when it has no country."""
        if not signatory.slug:
            signatory.slug = self.index.new_slug(signatory.name, str(signatory.country))
        elif signatory.slug in self.index.slugs:
            raise RowRejected(
                _("the slug %(slug)s belongs to another supporter") % {"slug": repr(signatory.slug)}
            )
        if not signatory.country and not signatory.region:
            signatory.region = parsed.region_if_new

    def _apply_listing_date(self, signatory: Signatory, parsed: ParsedRow) -> None:
        """A day it was listed by bounds its supporter-since date, where no exact date is
        given, unless an earlier date is already recorded."""
        listed_by = parsed.listed_by
        if listed_by is None or "supporter_since" in parsed.values:
            return
        if signatory.supporter_since is not None and signatory.supporter_since <= listed_by:
            return
        signatory.supporter_since = listed_by
        signatory.supporter_since_precision = Precision.DAY
        signatory.supporter_since_is_bound = True

    def _return_if_listed(self, signatory: Signatory, before: Signatory | None) -> None:
        """A former supporter on a whole official list is a current one again."""
        if not self.full_list or before is None or before.status != SignatoryStatus.FORMER:
            return
        signatory.status = SignatoryStatus.CURRENT
        signatory.left_on, signatory.left_source = None, None
        self.returning.append(Departure(signatory.name, signatory.slug, signatory.pk))

    def _validate(self, signatory: Signatory, before: Signatory | None, result: RowResult):
        """Model validation; an invalid optional field goes back to what it was, with a warning."""
        for _attempt in range(len(OPTIONAL_FIELDS) + 1):
            try:
                # The country is checked when the row is read (Django's check of a country
                # against its ~250 choices costs more than all the rest of a row); the
                # unique constraints are checked against the keys in memory.
                signatory.full_clean(
                    exclude=["country"], validate_unique=False, validate_constraints=False
                )
                return
            except ValidationError as error:
                errors = error.message_dict
                # A character that is not text rejects the row, whatever field holds it.
                unsafe = {
                    name
                    for name, found in error.error_dict.items()
                    if any(each.code == "unsafe_character" for each in found)
                }
            optional = [name for name in errors if name in OPTIONAL_FIELDS and name not in unsafe]
            if not optional:
                raise RowRejected(
                    *(
                        f"{field_label(name)}: {' '.join(messages)}"
                        for name, messages in errors.items()
                    )
                )
            for name in optional:
                setattr(signatory, name, getattr(before, name) if before else "")
                result.warnings.append((name, " ".join(errors[name])))
        raise RowRejected("invalid")  # not reached: each attempt drops at least one field

    def _check_unique(self, signatory: Signatory, key) -> None:
        """The database's unique constraints, checked against the keys in memory."""
        country = str(signatory.country)
        if signatory.type == SignatoryType.STATE:
            other = self.index.states.get(country)
            if other is not None and other != key:
                raise RowRejected(
                    _("there is already a state for %(country)s")
                    % {"country": signatory.country.name}
                )
        other = self.index.exact.get((name_key(signatory.name), country, signatory.type))
        if other is not None and other != key:
            raise RowRejected(
                _("there is already a supporter of this type with this name and country")
            )

    def _record_outcome(self, line, key, signatory, before, result: RowResult) -> None:
        """Created, updated (naming the changed fields) or unchanged; the keys follow."""
        if before is not None:
            result.changed = _changed_fields(signatory, before)
            result.outcome = RowOutcome.UPDATED if result.changed else RowOutcome.UNCHANGED
            self.index.remove(key, before.name, str(before.country), before.type)
        else:
            result.outcome = RowOutcome.CREATED
            key = ("line", line)
        self.index.add(key, signatory.slug, signatory.name, str(signatory.country), signatory.type)
        self.seen[key] = line
        result.name = signatory.name

    def _passage(self, cells: dict[str, str]) -> str:
        """The row as the source says it: the columns read, labelled, one per line."""
        return "\n".join(
            f"{column}: {cells[column]}" for column in self.columns_read if cells.get(column)
        )


def _with_alias(aliases: str, alias: str, name: str) -> str:
    known = [part for part in aliases.split(ALIAS_SEPARATOR.strip()) if part.strip()]
    normalised = {normalise(part) for part in known} | {normalise(name)}
    if normalise(alias) in normalised:
        return aliases
    return ALIAS_SEPARATOR.join([*(part.strip() for part in known), alias])


def _changed_fields(signatory: Signatory, before: Signatory) -> list[str]:
    """The compared fields whose values differ (read as stored: no country lookups)."""
    now, then = vars(signatory), vars(before)
    return [
        name
        for name in COMPARED_FIELDS
        if _comparable(now.get(name)) != _comparable(then.get(name))
    ]


def _comparable(value):
    return str(value) if value is not None and not isinstance(value, bool) else value
