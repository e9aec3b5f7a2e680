"""A search's counts and rows from the words' index (`signatories.models.words`).

When the list has words to search, its filters are applied to the index's rows instead of
the supporters: every filter the list has reads a column those rows carry. The counts are
then one grouped query over the index alone, and a page of rows is 50 supporter ids in the
list's order from the index, then those 50 supporters.
"""

from collections.abc import Iterator
from functools import cached_property

from django_filters import FilterSet

from signatories.directory.filters import SORTS
from signatories.models import SearchWord, Signatory
from signatories.models.word_index import query_words
from signatories.models.words import SearchWordQuerySet

# The filters the index answers, by the columns its rows carry. A filter not named here
# (added to the list later) makes a search read the supporters again until it is added.
ANSWERED = frozenset({"q", "type", "kind", "region", "country", "since", "status", "sort"})


def searched(filterset: FilterSet) -> bool:
    """Whether the list is a search the index can answer whole."""
    data = filterset.form.cleaned_data
    if not query_words(data.get("q") or ""):
        return False
    return all(name in ANSWERED or value in (None, "", [], ()) for name, value in data.items())


def index_rows(filterset: FilterSet, without: tuple[str, ...] = ()) -> SearchWordQuerySet:
    """The index's rows of the search, with the other filters but `without`'s applied."""
    queryset = SearchWord.objects.all()
    for name, value in filterset.form.cleaned_data.items():
        if name in without or name == "sort" or value in (None, "", [], ()):
            continue
        queryset = filterset.filters[name].filter(queryset, value)
    return queryset


class SearchPage:
    """The search's supporters in the list's order, sliced by the paginator: the ids of
    one page from the index, then those supporters' rows."""

    ordered = True

    def __init__(self, filterset: FilterSet):
        order = SORTS[filterset.form.cleaned_data.get("sort") or "name"]
        self.rows = index_rows(filterset).ordered(order)

    def __getitem__(self, page: slice) -> "_PageRows":
        return _PageRows(self.rows, page)


class _PageRows:
    """One page's supporters, read when the page is shown: not at all when its rendered
    rows come from the cache."""

    def __init__(self, rows: SearchWordQuerySet, page: slice):
        self._rows, self._page = rows, page

    @cached_property
    def _supporters(self) -> list[Signatory]:
        ids = list(self._rows.values_list("signatory_id", flat=True)[self._page])
        found = Signatory.objects.for_list().in_bulk(ids)
        return [found[id_] for id_ in ids if id_ in found]

    def __iter__(self) -> Iterator[Signatory]:
        return iter(self._supporters)

    def __len__(self) -> int:
        return len(self._supporters)

    def __getitem__(self, index):
        return self._supporters[index]
