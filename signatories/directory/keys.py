"""What the list's cached values are keyed on: its canonical query and its fragment's key.

Only canonical, validated values get into anything shared between visitors (see
`signatories.cache`): the cleaned filters in one order, never the raw query string.
"""

import functools

from django.http import QueryDict
from django.utils.translation import get_language
from django_filters import FilterSet


def canonical_query(filterset: FilterSet, page_number: int = 1) -> QueryDict:
    """The list's parameters as the list understood them, and nothing else.

    Empty values and values the list assumes anyway are left out, repeated values sorted
    and given once, a search's spaces collapsed, the first page implied: two addresses that
    list the same supporters give the same query, and a parameter the list does not know
    never gets in.
    """
    implied = _implied(type(filterset))
    query = QueryDict(mutable=True)
    for name, value in filterset.form.cleaned_data.items():
        if value in (None, "", [], ()) or value == implied.get(name):
            continue
        if isinstance(value, list | tuple | set):
            query.setlist(name, sorted({str(item) for item in value}))
        else:
            query[name] = " ".join(str(value).split())
    if page_number > 1:
        query["page"] = str(page_number)
    return query


@functools.cache
def _implied(filterset_class: type[FilterSet]) -> dict:
    """What each parameter is when the address leaves it out (e.g. the default status)."""
    empty = filterset_class(QueryDict())
    return empty.form.cleaned_data if empty.is_valid() else {}


def list_fragment_key(query: QueryDict, per_page: int, revision: int) -> str:
    """Everything the list's cached fragment (signatories/includes/directory.html) may show.

    The fragment renders from these alone: the canonical query (filters, sort, page), the
    page size, the language, and the revision for the counts and rows. Add a value to the
    fragment, and it must be added here (tests/signatories/directory/test_cache.py checks).
    """
    return repr((revision, query.urlencode(), per_page, get_language()))
