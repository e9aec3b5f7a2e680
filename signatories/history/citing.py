"""What the history's load writes to cite each commit: one `Source` per commit, one
`Citation` per commit and supporter (quoting the entry's file and fields), and the events
and alliances those citations back.

Each function writes only what differs from what the directory already holds, so loading
the same history again writes nothing. `history` is the keyword arguments of
simple-history's bulk writes (the user and the reason); `now` the time written as
`updated`.
"""

import datetime
from collections import defaultdict

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from signatories.dates import Precision
from signatories.history import sentences
from signatories.history.entries import directory_fields
from signatories.history.rows import HistoryRow
from signatories.models import (
    Citation,
    CitationBasis,
    SignatoryAlliance,
    SignatoryEvent,
    Source,
    SourceKind,
)
from signatories.models.events import commit_url

SOURCE_PREFIX = "official-repository-"
CHUNK = 500

Entries = dict[str, list[HistoryRow]]
Owners = dict[str, int]
Citations = dict[tuple[int, int], Citation]


def commit_sources(
    rows: list[HistoryRow], *, history: dict, now: datetime.datetime
) -> tuple[dict[str, Source], int]:
    """{commit: its source}, and how many sources were created."""
    commits: dict[str, HistoryRow] = {}
    for row in rows:
        commits.setdefault(row.commit, row)
    slugs = {SOURCE_PREFIX + commit: commit for commit in commits}
    found = {source.slug: source for source in Source.objects.filter(slug__in=slugs)}
    titles = {
        commit: sentences.commit_title(commit, row.message) for commit, row in commits.items()
    }
    _translate(found, {slug: titles[commit] for slug, commit in slugs.items()}, history, now)
    new = [
        _commit_source(slug, commit, titles[commit], commits[commit].date)
        for slug, commit in slugs.items()
        if slug not in found
    ]
    if new:
        created = bulk_create_with_history(new, Source, batch_size=CHUNK, **history)
        found.update({source.slug: source for source in created})
    return {commit: found[slug] for slug, commit in slugs.items()}, len(new)


def _commit_source(slug: str, commit: str, title, date: datetime.date) -> Source:
    publisher = sentences.publisher()
    return Source(
        slug=slug,
        kind=SourceKind.OFFICIAL_REPOSITORY,
        title=title.en[:300],
        title_fr=title.fr[:300],
        publisher=publisher.en[:200],
        publisher_fr=publisher.fr[:200],
        date=date,
        date_precision=Precision.DAY,
        url=commit_url(commit),
    )


def _translate(found: dict[str, Source], titles: dict, history: dict, now) -> None:
    """Sources written before they had their French texts get them."""
    publisher = sentences.publisher()
    untranslated = []
    for slug, source in found.items():
        title = titles[slug]
        if (source.title_fr, source.publisher_fr) != (title.fr[:300], publisher.fr[:200]):
            source.title_fr, source.publisher_fr = title.fr[:300], publisher.fr[:200]
            source.updated = now
            untranslated.append(source)
    if untranslated:
        fields = ["title_fr", "publisher_fr", "updated"]
        bulk_update_with_history(untranslated, Source, fields, batch_size=CHUNK, **history)


def commit_citations(
    entries: Entries, owners: Owners, sources: dict[str, Source], *, history: dict, now
) -> Citations:
    """{(source pk, supporter pk): citation}, one per commit and supporter."""
    found = {
        (citation.source_id, citation.signatory_id): citation
        for citation in Citation.objects.filter(
            source__kind=SourceKind.OFFICIAL_REPOSITORY, signatory__isnull=False
        )
    }
    new, changed = [], []
    for (source_pk, pk), texts in _citation_texts(entries, owners, sources).items():
        citation = found.get((source_pk, pk))
        if citation is None:
            new.append(
                Citation(source_id=source_pk, signatory_id=pk, basis=CitationBasis.DERIVED, **texts)
            )
        elif any(getattr(citation, name) != text for name, text in texts.items()):
            for name, text in texts.items():
                setattr(citation, name, text)
            citation.updated = now
            changed.append(citation)
    if new:
        created = bulk_create_with_history(new, Citation, batch_size=CHUNK, **history)
        if any(citation.pk is None for citation in created):
            # SQLite before 3.35 and some backends return no ids from a bulk insert.
            created = Citation.objects.filter(
                source__kind=SourceKind.OFFICIAL_REPOSITORY, signatory__isnull=False
            )
        found.update({(c.source_id, c.signatory_id): c for c in created})
    if changed:
        fields = ["passage", "passage_fr", "reasoning", "reasoning_fr", "updated"]
        bulk_update_with_history(changed, Citation, fields, batch_size=CHUNK, **history)
    return found


def _citation_texts(entries: Entries, owners: Owners, sources) -> dict[tuple[int, int], dict]:
    """Each citation's texts: the passages of the supporter's rows in the commit."""
    passages: dict[tuple[int, int], list] = defaultdict(list)
    for entry, pk in owners.items():
        for row in entries[entry]:
            passages[(sources[row.commit].pk, pk)].append(sentences.passage(row))
    reasoning = sentences.reasoning()
    return {
        key: {
            "passage": "\n".join(line.en for line in lines),
            "passage_fr": "\n".join(line.fr for line in lines),
            "reasoning": reasoning.en,
            "reasoning_fr": reasoning.fr,
        }
        for key, lines in passages.items()
    }


def write_events(
    entries: Entries, owners: Owners, sources, citations: Citations
) -> tuple[int, int]:
    """Every event kept, cited to its commit; (events removed, events created)."""
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
    return len(stale), len(new)


def write_alliances(entries: Entries, owners: Owners, citations: Citations, sources) -> int:
    """Records the memberships the entries mark that are not yet recorded; returns how many."""
    wanted: dict[tuple[int, str], int] = {}
    for entry, pk in owners.items():
        for row in entries[entry]:
            for alliance in row.alliances:
                wanted.setdefault((pk, alliance), citations[(sources[row.commit].pk, pk)].pk)
    found = set(SignatoryAlliance.objects.values_list("signatory_id", "alliance"))
    created = SignatoryAlliance.objects.bulk_create(
        [
            SignatoryAlliance(signatory_id=pk, alliance=alliance, citation_id=citation)
            for (pk, alliance), citation in wanted.items()
            if (pk, alliance) not in found
        ],
        batch_size=CHUNK,
    )
    return len(created)


def _same_event(event: SignatoryEvent, other: SignatoryEvent) -> bool:
    return (
        event.signatory_id == other.signatory_id
        and event.date == other.date
        and event.before == other.before
        and event.after == other.after
        and event.source_id == other.source.pk
        and event.citation_id == other.citation.pk
    )
