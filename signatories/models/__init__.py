"""The directory's records, one module per subject, all importable from here.

- `supporters`: `Signatory` (a supporter of the Call) and its queries.
- `evidence`: `Source` (what a fact comes from) and `Citation` (the passage that says so).
- `milestones`: `Milestone` and `MilestoneCount`, the totals sources reported.
- `vocabulary`: the fixed choices (type, status) and the checks the models share.
"""

from signatories.models.evidence import Citation, CitationBasis, Source, SourceKind
from signatories.models.milestones import Milestone, MilestoneCount
from signatories.models.supporters import Signatory, SignatoryQuerySet, search_text_for
from signatories.models.vocabulary import (
    SignatoryStatus,
    SignatoryType,
    choice_values,
    http_url_validator,
)

__all__ = [
    "Citation",
    "CitationBasis",
    "Milestone",
    "MilestoneCount",
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
