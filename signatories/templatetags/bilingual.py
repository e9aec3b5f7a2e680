"""`|typeset` and `{% lang_of record "field" %}`: the data shown in the page's language.

`{{ value|typeset }}` prints a value with French typography on a French page (see
`signatories.languages.typography`). `{% lang_of citation "reasoning" %}` writes
` lang="en"` where a bilingual field (see `signatories.languages.bilingual`) has no French
text and its English one is shown on a French page, and nothing otherwise.
`{% row_fields citation as fields %}` reads a row of a list quoted as a passage (see
`signatories.languages.passages`).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from signatories.languages import passages, typography
from signatories.languages.bilingual import FRENCH

register = template.Library()


@register.filter
def typeset(value) -> str:
    return typography.typeset(value)


@register.simple_tag
def lang_of(record, field: str) -> str:
    if get_language() == FRENCH and not getattr(record, f"{field}_fr"):
        return mark_safe(' lang="en"')
    return ""


@register.simple_tag
def row_fields(citation):
    return passages.row_fields(citation)
