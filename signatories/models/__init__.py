"""The directory's records, one module per subject, all importable from here.

- `supporters`: `Signatory`, a supporter of the Call; `queries`: how supporters are read.
- `evidence`: `Source` (what a fact comes from) and `Citation` (the passage that says so).
- `milestones`: `Milestone` and `MilestoneCount`, the totals sources reported.
- `imports`: `ImportReport`, what an import from the admin did.
- `words`: `SearchWord`, the words' index that search counts from; `word_index`: what a
  supporter's words are, and how the index is written in step with every write.
- `revision`: `Revision`, the number every write raises, for the caches.

The fixed choices (type, status) and the checks the models share are in
`signatories.vocabulary`, beside `signatories.regions`: the export's column map reads them
without importing the models. The records import only those shared modules, never a
subject package.
"""

from signatories.models.evidence import Citation, CitationBasis, Source, SourceKind
from signatories.models.imports import ImportReport
from signatories.models.milestones import Milestone, MilestoneCount
from signatories.models.queries import NAME_ORDER, SignatoryQuerySet
from signatories.models.revision import Revision
from signatories.models.supporters import Signatory, search_text_for
from signatories.models.words import SearchWord
from signatories.vocabulary import (
    SignatoryStatus,
    SignatoryType,
    choice_values,
    http_url_validator,
)

__all__ = [
    "NAME_ORDER",
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
    "search_text_for",
]
