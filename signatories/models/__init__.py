"""The directory's records, one module per subject, all importable from here.

- `supporters`: `Signatory`, a supporter of the Call; `queries`: how supporters are read,
  and the indexes those reads use; `names`: what follows from a supporter's name.
- `evidence`: `Source` (what a fact comes from) and `Citation` (the passage that says so).
- `milestones`: `Milestone` and `MilestoneCount`, the totals sources reported.
- `events`: `SignatoryEvent`, the official list's history of an entry, and
  `SignatoryAlliance`, another initiative the list says a supporter belongs to.
- `imports`: `ImportReport`, what an import from the admin did.
- `words`: `SearchWord`, the words' index that search counts from; `word_index`: what a
  supporter's words are, and how the index is written in step with every write.
- `revision`: `Revision`, the number every write raises, for the caches.

The fixed choices (type, status) and the checks the models share are in
`signatories.vocabulary`, beside `signatories.regions`: the export's column map reads them
without importing the models. The records import only those shared modules, never a
subject package.
"""

from signatories.models.events import Alliance, EventKind, SignatoryAlliance, SignatoryEvent
from signatories.models.evidence import Citation, CitationBasis, Source, SourceKind
from signatories.models.imports import ImportReport
from signatories.models.milestones import Milestone, MilestoneCount
from signatories.models.names import search_text_for
from signatories.models.queries import (
    FRENCH_NAME_ORDER,
    NAME_ORDER,
    SignatoryQuerySet,
    name_order,
)
from signatories.models.revision import Revision
from signatories.models.supporters import Signatory
from signatories.models.words import SearchWord
from signatories.vocabulary import (
    SignatoryStatus,
    SignatoryType,
    choice_values,
    http_url_validator,
)

__all__ = [
    "FRENCH_NAME_ORDER",
    "NAME_ORDER",
    "Alliance",
    "EventKind",
    "SignatoryAlliance",
    "SignatoryEvent",
    "Citation",
    "CitationBasis",
    "ImportReport",
    "Milestone",
    "MilestoneCount",
    "Revision",
    "SearchWord",
    "Signatory",
    "SignatoryQuerySet",
    "SignatoryStatus",
    "SignatoryType",
    "Source",
    "SourceKind",
    "choice_values",
    "http_url_validator",
    "name_order",
    "search_text_for",
]
