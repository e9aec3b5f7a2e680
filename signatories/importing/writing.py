"""Writing a planned chunk of rows: new supporters, changed fields, and their citations.

An update writes only the fields its row changes, onto the supporter as it is *now*:
the rows are read again under a lock (`SELECT … FOR UPDATE` on PostgreSQL, held until the
import commits; SQLite serialises writers and has no row locks: the rows are read again
just before they are written), so an edit that staff save in admin while an import runs
is never overwritten with the copy the import read earlier.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from signatories.dates import Precision
from signatories.importing import sentences
from signatories.importing.report import RowOutcome, RowResult
from signatories.models import Citation, CitationBasis, Signatory, Source, SourceKind
from signatories.models.word_index import reindex

CHUNK = 500
# What an update writes besides the changed fields: what `Signatory.derive` recomputes.
DERIVED_FIELDS = ["region", "sort_name", "name_key", "search_text", "updated"]


@dataclass
class PlannedRow:
    result: RowResult
    signatory: Signatory | None = None
    passage: str = ""  # the row's fields as read, cited as the source's passage


def import_source(filename: str, today: datetime.date, as_of: datetime.date | None, kind) -> Source:
    """The source every written row cites: this file, or the whole official list of a date.

    Its title, published in citations, names the import by its date and `kind` (what the
    file is); the file's name, chosen by staff, stays in the slug and the history, for staff.
    """
    stem = slugify(filename)[:150]
    date = as_of or today
    if as_of:
        slug = f"official-list-{as_of.isoformat()}-{stem}"
        title = sentences.whole_list_title(as_of, today)
    else:
        slug = f"import-{stem}-{today.isoformat()}"
        title = sentences.import_title(kind, today)
    source, _created = Source.objects.get_or_create(
        slug=slug,
        defaults={
            "kind": SourceKind.IMPORT,
            "title": title.en[:300],
            "title_fr": title.fr[:300],
            "date": date,
            "date_precision": Precision.DAY,
            "covers_whole_list": bool(as_of),
        },
    )
    return source


class Writer:
    """Writes planned rows, citing `source`; history names `user` and `reason`."""

    def __init__(self, source: Source, *, user, reason: str, cite_unchanged: bool):
        self.source = source
        self.history = {"default_user": user, "default_change_reason": reason}
        self.cite_unchanged = cite_unchanged
        self.cited = {citation.signatory_id: citation for citation in source.citations.all()}

    def write(self, planned: list[PlannedRow]) -> bool:
        """Write the chunk; whether it changed any supporter (created or updated one)."""
        now = timezone.now()
        created = [row for row in planned if row.result.outcome == RowOutcome.CREATED]
        updated = [row for row in planned if row.result.outcome == RowOutcome.UPDATED]
        self._create(created)
        self._update(updated, now)
        cited = created + updated
        if self.cite_unchanged:
            cited += [row for row in planned if row.result.outcome == RowOutcome.UNCHANGED]
        self._cite(cited, now)
        for row in planned:
            if row.signatory is not None:
                row.result.pk = row.signatory.pk
        return bool(created or updated)

    def _create(self, created: list[PlannedRow]) -> None:
        for row in created:
            row.signatory.derive()
        if created:
            objects = bulk_create_with_history(
                [row.signatory for row in created], Signatory, batch_size=CHUNK, **self.history
            )
            for row, signatory in zip(created, objects, strict=True):
                row.signatory = signatory
            reindex(objects)

    def _update(self, updated: list[PlannedRow], now) -> None:
        if not updated:
            return
        current = Signatory.objects.select_for_update().in_bulk(
            [row.signatory.pk for row in updated]
        )
        fields = set(DERIVED_FIELDS)
        for row in updated:
            signatory = current[row.signatory.pk]
            for name in row.result.changed:
                setattr(signatory, name, getattr(row.signatory, name))
            if "status" in row.result.changed:
                signatory.left_source = row.signatory.left_source
                fields.add("left_source")
            fields.update(row.result.changed)
            signatory.derive()
            signatory.updated = now
            row.signatory = signatory
        bulk_update_with_history(
            [row.signatory for row in updated],
            Signatory,
            sorted(fields),
            batch_size=CHUNK,
            **self.history,
        )
        reindex(row.signatory for row in updated)

    def _cite(self, rows: list[PlannedRow], now) -> None:
        new, changed = [], []
        for row in rows:
            citation = self.cited.get(row.signatory.pk)
            if citation is None:
                new.append(
                    Citation(
                        source=self.source,
                        signatory=row.signatory,
                        passage=row.passage,
                        basis=CitationBasis.STATED,
                    )
                )
            elif citation.passage != row.passage:
                citation.passage, citation.updated = row.passage, now
                changed.append(citation)
        if new:
            bulk_create_with_history(new, Citation, batch_size=CHUNK, **self.history)
        if changed:
            bulk_update_with_history(
                changed, Citation, ["passage", "updated"], batch_size=CHUNK, **self.history
            )
