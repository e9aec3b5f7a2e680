"""A search's counts and rows from the words' index (`signatories.models.words`).

When the list has words to search, its filters are applied to the index's rows instead of
the supporters: every filter the list has reads a column those rows carry. The counts are
then one grouped query over the index alone, and a page of rows is 50 supporter ids in the
list's order, then those 50 supporters: the ids sorted from the index, or, for a search
that matches a large share of the list, found by walking the supporters in order (below).
"""

import math
from collections.abc import Callable, Iterator
from functools import cached_property

from django.db import connections
from django_filters import FilterSet

from signatories.directory.filters import sorts
from signatories.models import SearchWord, Signatory
from signatories.models.word_index import query_words
from signatories.models.words import SearchWordQuerySet

# The filters the index answers, by the columns its rows carry. A filter not named here
# (added to the list later) makes a search read the supporters again until it is added.
ANSWERED = frozenset({"q", "type", "kind", "region", "country", "since", "as_of", "status", "sort"})


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


# A page of a search is read one of two ways. From the words' index: the search's entries
# sorted in the list's order, in time proportional to the entries its words' range holds
# (the facets are not in the index's key, so `q=s&country=CH` reads every `s` entry). Or by
# walking the supporters in the list's order on their own indexes and keeping those that
# match: in time proportional to the supporters read to fill the page, which is few when
# the search matches a large share of what the filters leave (`s`, a search within a
# country or a type). The walk reads at most WALK_MARGIN times the supporters it expects to
# need, so names that sort together further on (those that begin with the word) cost it a
# bounded read before the index sorts them instead. Measured at a million supporters on
# PostgreSQL and 100,000 on SQLite (docs/performance.md, "A search's page"), in µs: an index
# entry sorted, and a supporter walked and checked.
ENTRY_COST = 0.35
WALKED_COST = 12.0
WALK_MARGIN = 4
# Below this many matches with no facet chosen (the fewest entries the index reads), the
# index sorts a search's page in a few milliseconds.
FEW_ENTRIES = 20_000
# The most supporters a walk reads; beyond, sorting from the index costs less anyway.
MOST_WALKED = 20_000
# Filters the walk leaves to the index: `kind` has no index in the list's order (a rare kind
# would be looked for through every name), and a day is counted from the timeline.
UNWALKED = ("kind", "as_of")


class SearchPage:
    """The search's supporters in the list's order, sliced by the paginator: one page's ids
    from the index or from a walk of the supporters (see above), then those supporters."""

    ordered = True

    def __init__(self, filterset: FilterSet, counts: dict, population: Callable[[], int]):
        """`counts` are the search's: its "total", and its "unfaceted" total (with no facet
        chosen), which the index reads at least to sort a page; `population()` is how many
        supporters the filters leave without the search (counted once per revision, like the
        list's own)."""
        self.filterset = filterset
        self.order = sorts(filterset.language)[filterset.form.cleaned_data.get("sort") or "name"]
        self.rows = index_rows(filterset).ordered(self.order)
        self.matches, self.unfaceted = counts["total"], counts["unfaceted"]
        self.population = population

    def __getitem__(self, page: slice) -> "_PageRows":
        return _PageRows(self, page)

    def ids(self, page: slice) -> list[int]:
        cap = self._walk_cap(page.stop)
        if cap is not None:
            walked = self._walked(page, cap)
            if walked is not None:
                return walked
        return list(self.rows.values_list("signatory_id", flat=True)[page])

    def _walk_cap(self, stop: int) -> int | None:
        """How many supporters to walk for a page ending at `stop`, or None to sort instead."""
        data = self.filterset.form.cleaned_data
        if self.unfaceted < FEW_ENTRIES or not self.matches or any(map(data.get, UNWALKED)):
            return None
        # A walk reads at least the page's end (or every match): no need to count the
        # supporters when even that costs more than sorting.
        if min(stop, self.matches) * WALKED_COST >= self.unfaceted * ENTRY_COST:
            return None
        population = self.population()
        cap = math.ceil(WALK_MARGIN * stop * population / self.matches)
        walked = min(cap, population)
        if walked > MOST_WALKED or walked * WALKED_COST >= self.unfaceted * ENTRY_COST:
            return None
        return min(cap, MOST_WALKED)

    def _walked(self, page: slice, cap: int) -> list[int] | None:
        """The page's ids among the first `cap` supporters in the list's order, or None if
        they hold too few matches for it (the matches sort together further on)."""
        walked = list(
            self.filterset.filtered_without("q")
            .order_by(*self.order)
            .values_list("id", flat=True)[:cap]
        )
        words = query_words(self.filterset.form.cleaned_data["q"])
        # The ids are parameters: as many at once as the database takes (999 on SQLite, as
        # Django counts them), less the words' (a range each, and the leading word's length).
        most = connections[SearchWord.objects.db].features.max_query_params
        batch = most - 2 * len(words) - 1 if most else max(len(walked), 1)
        matched = set()
        for start in range(0, len(walked), batch):
            matched.update(
                SearchWord.objects.filter(signatory_id__in=walked[start : start + batch])
                .matching(words)
                .values_list("signatory_id", flat=True)
            )
        found = [id_ for id_ in walked if id_ in matched]
        wanted = min(page.stop, self.matches) - page.start
        if len(found) - page.start < wanted and len(walked) == cap:
            return None
        return found[page]


class _PageRows:
    """One page's supporters, read when the page is shown: not at all when its rendered
    rows come from the cache."""

    def __init__(self, search: SearchPage, page: slice):
        self._search, self._page = search, page

    @cached_property
    def _supporters(self) -> list[Signatory]:
        ids = self._search.ids(self._page)
        found = Signatory.objects.for_list().in_bulk(ids)
        return [found[id_] for id_ in ids if id_ in found]

    def __iter__(self) -> Iterator[Signatory]:
        return iter(self._supporters)

    def __len__(self) -> int:
        return len(self._supporters)

    def __getitem__(self, index):
        return self._supporters[index]
