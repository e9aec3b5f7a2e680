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

import dataclasses
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation
from django_countries import countries
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from signatories.dates import Precision
from signatories.history import sentences
from signatories.history.rows import HistoryRow, read_history
from signatories.importing.matching import KeyIndex
from signatories.importing.official import NATURE_KINDS, NONSTANDARD_ALPHA3, parse_official
from signatories.importing.rows import RowRejected
from signatories.models import (
    Citation,
    CitationBasis,
    EventKind,
    Signatory,
    SignatoryAlliance,
    SignatoryEvent,
    SignatoryStatus,
    SignatoryType,
    Source,
    SourceKind,
)
from signatories.models.events import HISTORY_REASON, commit_url
from signatories.models.revision import bump_revision
from signatories.models.word_index import reindex
from signatories.text import normalise

SOURCE_PREFIX = "official-repository-"
CHUNK = 500


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

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.recorded_former
            or self.dates_set
            or self.departures
            or self.events_created
            or self.events_removed
            or self.sources_created
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
            if _invisible(row):
                # A correction of what the directory does not show (a nature's spelling
                # that means the same kind, a signing date): not a change here.
                self.report.invisible += 1
                continue
            entries[row.entry].append(row)
        self.report.entries = len(entries)
        entries = _split_renamed(entries)
        sources = self._sources()
        owners = self._match(entries, sources)
        self._update_supporters(entries, owners, sources)
        citations = self._citations(entries, owners, sources)
        self._events(entries, owners, sources, citations)
        self._alliances(entries, owners, citations, sources)
        return self.report

    # -- sources: one per commit --------------------------------------------------------

    def _sources(self) -> dict[str, Source]:
        commits: dict[str, HistoryRow] = {}
        for row in self.rows:
            commits.setdefault(row.commit, row)
        slugs = {SOURCE_PREFIX + commit: commit for commit in commits}
        found = {source.slug: source for source in Source.objects.filter(slug__in=slugs)}
        publisher = sentences.publisher()
        titles = {
            commit: sentences.commit_title(commit, row.message) for commit, row in commits.items()
        }
        new = [
            Source(
                slug=slug,
                kind=SourceKind.OFFICIAL_REPOSITORY,
                title=titles[commit].en[:300],
                title_fr=titles[commit].fr[:300],
                publisher=publisher.en[:200],
                publisher_fr=publisher.fr[:200],
                date=commits[commit].date,
                date_precision=Precision.DAY,
                url=commit_url(commit),
            )
            for slug, commit in slugs.items()
            if slug not in found
        ]
        # Sources written before they had their French texts get them.
        untranslated = []
        for slug, source in found.items():
            title = titles[slugs[slug]]
            if (source.title_fr, source.publisher_fr) != (title.fr[:300], publisher.fr[:200]):
                source.title_fr, source.publisher_fr = title.fr[:300], publisher.fr[:200]
                source.updated = self.now
                untranslated.append(source)
        if untranslated:
            bulk_update_with_history(
                untranslated,
                Source,
                ["title_fr", "publisher_fr", "updated"],
                batch_size=CHUNK,
                **self.history,
            )
        if new:
            created = bulk_create_with_history(new, Source, batch_size=CHUNK, **self.history)
            found.update({source.slug: source for source in created})
            self.report.sources_created = len(new)
        return {commit: found[slug] for slug, commit in slugs.items()}

    # -- matching each entry to a supporter ------------------------------------------

    def _match(self, entries: dict[str, list[HistoryRow]], sources) -> dict[str, int]:
        """{entry: supporter pk}; records the supporters that left before the snapshot."""
        index = KeyIndex.load()
        owners: dict[str, int] = {}
        gone: list[tuple[str, dict]] = []
        for entry, rows in entries.items():
            values = _values(rows[-1])
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
                signatory = _former(values, last, sources[last.commit], index)
                natural = (signatory.type, signatory.country, signatory.name)
                new[natural] = signatory
                index.add(("new", natural), signatory.slug, *natural[::-1])
                signatory.entries.append(entry)
        if new:
            for signatory in new.values():
                signatory.derive()
            created = bulk_create_with_history(
                list(new.values()), Signatory, batch_size=CHUNK, **self.history
            )
            reindex(created)  # bulk writes send no signals: search's words, written here
            for original, signatory in zip(new.values(), created, strict=True):
                for entry in original.entries:
                    owners[entry] = signatory.pk
                self.report.recorded_former.append(signatory.name)
        self.report.matched = len(owners)
        return owners

    # -- supporter since, former -----------------------------------------------------

    def _update_supporters(self, entries, owners, sources) -> None:
        starts: dict[int, datetime.date] = {}
        departures: dict[int, HistoryRow] = {}
        still_listed: set[int] = set()
        for entry, pk in owners.items():
            rows = entries[entry]
            start = _first_appearance(rows)
            if start and (pk not in starts or start < starts[pk]):
                starts[pk] = start
            if rows[-1].kind == EventKind.DELISTED:
                if pk not in departures or rows[-1].date > departures[pk].date:
                    departures[pk] = rows[-1]
            else:
                still_listed.add(pk)
        locked = Signatory.objects.select_for_update().in_bulk(set(owners.values()))
        changed: dict[int, Signatory] = {}
        for pk, start in starts.items():
            signatory = locked[pk]
            recorded = signatory.supporter_since
            exact = recorded is not None and not signatory.supporter_since_is_bound
            if exact or (recorded is not None and recorded <= start):
                continue
            signatory.supporter_since = start
            signatory.supporter_since_precision = Precision.DAY
            signatory.supporter_since_is_bound = True
            changed[pk] = signatory
            self.report.dates_set += 1
        for pk, row in departures.items():
            signatory = locked[pk]
            if pk in still_listed:
                continue
            source = sources[row.commit]
            if (
                signatory.status == SignatoryStatus.FORMER
                and signatory.left_on == row.date
                and signatory.left_source_id == source.pk
            ):
                continue
            signatory.status = SignatoryStatus.FORMER
            signatory.left_on = row.date
            signatory.left_source = source
            changed[pk] = signatory
            self.report.departures += 1
        for signatory in changed.values():
            signatory.derive()
            signatory.updated = self.now
        if changed:
            fields = [
                "supporter_since",
                "supporter_since_precision",
                "supporter_since_is_bound",
                "status",
                "left_on",
                "left_source",
                "updated",
            ]
            bulk_update_with_history(
                list(changed.values()), Signatory, fields, batch_size=CHUNK, **self.history
            )
            reindex(changed.values())  # the words carry the status and supporter-since date

    # -- citations, events, alliances ------------------------------------------------

    def _citations(self, entries, owners, sources) -> dict[tuple[int, int], Citation]:
        """{(source pk, supporter pk): citation}, one per commit and supporter."""
        passages: dict[tuple[int, int], list] = defaultdict(list)
        for entry, pk in owners.items():
            for row in entries[entry]:
                passages[(sources[row.commit].pk, pk)].append(sentences.passage(row))
        reasoning = sentences.reasoning()
        found = {
            (citation.source_id, citation.signatory_id): citation
            for citation in Citation.objects.filter(
                source__kind=SourceKind.OFFICIAL_REPOSITORY, signatory__isnull=False
            )
        }
        new, changed = [], []
        for (source_pk, pk), lines in passages.items():
            texts = {
                "passage": "\n".join(line.en for line in lines),
                "passage_fr": "\n".join(line.fr for line in lines),
                "reasoning": reasoning.en,
                "reasoning_fr": reasoning.fr,
            }
            citation = found.get((source_pk, pk))
            if citation is None:
                citation = Citation(
                    source_id=source_pk, signatory_id=pk, basis=CitationBasis.DERIVED, **texts
                )
                new.append(citation)
            elif any(getattr(citation, name) != text for name, text in texts.items()):
                for name, text in texts.items():
                    setattr(citation, name, text)
                citation.updated = self.now
                changed.append(citation)
        if new:
            created = bulk_create_with_history(new, Citation, batch_size=CHUNK, **self.history)
            if any(citation.pk is None for citation in created):
                # SQLite before 3.35 and some backends return no ids from a bulk insert.
                created = Citation.objects.filter(
                    source__kind=SourceKind.OFFICIAL_REPOSITORY, signatory__isnull=False
                )
            found.update({(c.source_id, c.signatory_id): c for c in created})
        if changed:
            bulk_update_with_history(
                changed,
                Citation,
                ["passage", "passage_fr", "reasoning", "reasoning_fr", "updated"],
                batch_size=CHUNK,
                **self.history,
            )
        return found

    def _events(self, entries, owners, sources, citations) -> None:
        wanted: dict[tuple, SignatoryEvent] = {}
        for entry, pk in owners.items():
            for row in entries[entry]:
                source = sources[row.commit]
                wanted[row.key] = SignatoryEvent(
                    signatory_id=pk,
                    date=row.date,
                    kind=row.kind,
                    commit=row.commit,
                    entry=row.entry,
                    before=directory_fields(row.before) if row.before else {},
                    after=directory_fields(row.after),
                    source=source,
                    citation=citations[(source.pk, pk)],
                )
        found = {
            (event.commit, event.entry, event.kind): event for event in SignatoryEvent.objects.all()
        }
        stale = [
            event.pk
            for key, event in found.items()
            if key not in wanted or not _same_event(event, wanted[key])
        ]
        if stale:
            SignatoryEvent.objects.filter(pk__in=stale).delete()
        kept = {key for key, event in found.items() if event.pk not in stale}
        new = [event for key, event in wanted.items() if key not in kept]
        SignatoryEvent.objects.bulk_create(new, batch_size=CHUNK)
        self.report.events_removed = len(stale)
        self.report.events_created = len(new)

    def _alliances(self, entries, owners, citations, sources) -> None:
        wanted: dict[tuple[int, str], int] = {}
        for entry, pk in owners.items():
            for row in entries[entry]:
                for alliance in row.alliances:
                    wanted.setdefault((pk, alliance), citations[(sources[row.commit].pk, pk)].pk)
        found = set(SignatoryAlliance.objects.values_list("signatory_id", "alliance"))
        SignatoryAlliance.objects.bulk_create(
            [
                SignatoryAlliance(signatory_id=pk, alliance=alliance, citation_id=citation)
                for (pk, alliance), citation in wanted.items()
                if (pk, alliance) not in found
            ],
            batch_size=CHUNK,
        )


def directory_fields(fields: dict) -> dict:
    """An entry's fields in the directory's terms, as the importer reads them: the type, the
    alpha-2 country, the organisation kind in English (a value it can't read, as written)."""
    code = fields["country"].strip().upper()
    country = NONSTANDARD_ALPHA3.get(code) or (countries.alpha2(code) if code else "") or code
    nature = fields["nature"].strip()
    kind = NATURE_KINDS.get(normalise(nature).replace("’", "'"), nature) if nature else ""
    return {"name": fields["name"], "type": fields["category"], "country": country, "kind": kind}


def _values(row: HistoryRow) -> dict | None:
    """The importer's reading of the entry's state after the row (None without a category)."""
    cells = {
        "name": row.after["name"],
        "category": row.after["category"],
        "nationality": row.after["country"],
        "nature": row.after["nature"],
        "website": "",
        "twitter": "",
        "date_signed": "",
    }
    try:
        parsed = parse_official(cells)
    except RowRejected:
        return None
    values = dict(parsed.values)
    values["name"] = values.get("name") or row.after["name"]
    values["alias"] = parsed.alias
    values["region_if_new"] = parsed.region_if_new
    return values


def _invisible(row: HistoryRow) -> bool:
    return row.kind == EventKind.CORRECTED and directory_fields(row.before) == directory_fields(
        row.after
    )


def _split_renamed(entries: dict[str, list[HistoryRow]]) -> dict[str, list[HistoryRow]]:
    """An entry renamed to another organisation is two entries: the organisation it named
    until its last rename, which left the list that day (its departure is the rename's
    commit), and the one it names from then on. The first is keyed `<entry>~<commit>`."""
    split: dict[str, list[HistoryRow]] = {}
    for entry, rows in entries.items():
        renames = [index for index, row in enumerate(rows) if row.kind == EventKind.RENAMED]
        if not renames:
            split[entry] = rows
            continue
        rename = rows[renames[-1]]
        before = f"{entry}~{rename.commit[:12]}"
        departure = dataclasses.replace(
            rename, kind=EventKind.DELISTED, entry=before, after=rename.before, before={}
        )
        split[before] = [*rows[: renames[-1]], departure]
        split[entry] = rows[renames[-1] :]
    return split


def _first_appearance(rows: list[HistoryRow]) -> datetime.date | None:
    """When the organisation the entry names now first appears: the entry's first listing,
    or its last rename (before it, the entry named another organisation)."""
    start = None
    for row in rows:
        if row.kind == EventKind.LISTED and start is None or row.kind == EventKind.RENAMED:
            start = row.date
    return start


def _former(values: dict, last: HistoryRow, source: Source, index: KeyIndex) -> Signatory:
    """A supporter that left before the snapshot, from the entry's last state; a state
    named by its country, as the importer names one."""
    country = values.get("country", "")
    name = values["name"]
    if values["type"] == SignatoryType.STATE:
        with translation.override("en"):
            name = str(countries.name(country)) or name
    signatory = Signatory(
        name=name,
        slug=index.new_slug(name, country),
        type=values["type"],
        country=country,
        region=values["region_if_new"] or "",
        kind=values.get("kind", ""),
        aliases=values["alias"] if values["alias"] != name else "",
        status=SignatoryStatus.FORMER,
        left_on=last.date,
        left_source=source,
    )
    signatory.entries = []
    return signatory


def _same_event(event: SignatoryEvent, other: SignatoryEvent) -> bool:
    return (
        event.signatory_id == other.signatory_id
        and event.date == other.date
        and event.before == other.before
        and event.after == other.after
        and event.source_id == other.source.pk
        and event.citation_id == other.citation.pk
    )
