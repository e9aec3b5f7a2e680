"""A file that is the whole official list at a date: who left it, who came back.

A supporter that an earlier whole list recorded (it cites a source that covers the whole
list) and that this one lacks has left: it becomes *former* as of this list's date, with
this list as the source that shows it and a derived citation saying why. One that was
former and is on this list again becomes *current*. A supporter no whole list ever
recorded (added by staff, or seeded from the articles) is never made former by an absence.
"""

import datetime
import os
import re

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from signatories.importing.reading import ImportFileError
from signatories.importing.report import Departure
from signatories.models import Citation, CitationBasis, Signatory, SignatoryStatus, Source
from signatories.models.word_index import reindex

DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def list_date(filename: str, as_of: datetime.date | None, today: datetime.date) -> datetime.date:
    """The day the list is the whole list of: `as_of`, else a date in the file's name
    (official-supporters-2025-12-25.csv), else today. ImportFileError if it goes back
    before the last whole list imported."""
    if as_of is None:
        found = DATE_IN_NAME.search(os.path.basename(filename))
        try:
            as_of = datetime.date.fromisoformat(found.group(1)) if found else today
        except ValueError:
            as_of = today
    if as_of > today:
        raise ImportFileError(
            _("The list's date %(date)s is in the future.") % {"date": as_of.isoformat()}
        )
    last = Source.objects.filter(covers_whole_list=True).aggregate(last=Max("date"))["last"]
    if last and as_of < last:
        raise ImportFileError(
            _(
                "The list's date %(date)s is before the last whole official list imported "
                "(%(last)s): an older list can't say who has left since."
            )
            % {"date": as_of.isoformat(), "last": last.isoformat()}
        )
    return as_of


def leaving(present: set[int], source: Source | None) -> list[Departure]:
    """The current supporters an earlier whole list recorded that are not in `present`
    (nor cited by this list's own `source`, which has just recorded them)."""
    recorded = Signatory.objects.filter(
        status=SignatoryStatus.CURRENT, citations__source__covers_whole_list=True
    )
    if source is not None:
        recorded = recorded.exclude(citations__source=source)
    recorded = recorded.order_by("sort_name", "id").values_list("pk", "name", "slug").distinct()
    return [Departure(name, slug, pk) for pk, name, slug in recorded if pk not in present]


def mark_leaving(departures: list[Departure], source: Source, *, user, reason: str) -> None:
    """Make them former as of the source's date, cited to it with the reasoning."""
    if not departures:
        return
    now = timezone.now()
    locked = Signatory.objects.select_for_update().in_bulk([d.pk for d in departures])
    signatories = list(locked.values())
    for signatory in signatories:
        signatory.status = SignatoryStatus.FORMER
        signatory.left_on = source.date
        signatory.left_source = source
        signatory.updated = now
    history = {"default_user": user, "default_change_reason": reason}
    bulk_update_with_history(
        signatories, Signatory, ["status", "left_on", "left_source", "updated"], **history
    )
    reindex(signatories)
    day = source.date.isoformat()
    citations = [
        Citation(
            source=source,
            signatory=signatory,
            passage=f"The official supporters list of {day} has no entry for {signatory.name}.",
            basis=CitationBasis.DERIVED,
            reasoning=(
                f"The file is the whole official list as of {day}, and an earlier whole "
                "list had this supporter: it is no longer on the list from that date."
            ),
        )
        for signatory in signatories
    ]
    bulk_create_with_history(citations, Citation, **history)
