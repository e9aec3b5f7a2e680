"""The public directory: the filtered list and one supporter's page."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django_countries import countries
from django_filters.views import FilterView

from signatories.cache import COUNTS_TIMEOUT
from signatories.directory import search
from signatories.directory.facets import counts_for, facets, total_without_search
from signatories.directory.filters import SORT_CHOICES, SignatoryFilter
from signatories.directory.keys import canonical_query, list_fragment_key
from signatories.languages.typography import typeset
from signatories.models import Alliance, Signatory, SignatoryType
from signatories.regions import Region
from signatories.vocabulary import KIND_CHOICES

# Up to this many matches, a search's page is sorted from its matches (see
# sorted_after_matching); beyond, reading in name order finds a page sooner.
FEW_MATCHES = 50_000
# Other supporters from the same country shown on a supporter's page; the rest are a link.
NEIGHBOURS_SHOWN = 12


class CountedPaginator(Paginator):
    """A paginator told its count (from the cached facet counts) instead of counting."""

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = count


class SignatoryListView(FilterView):
    filterset_class = SignatoryFilter
    template_name = "signatories/directory/signatory_list.html"
    counts: dict | None = None

    def get_filterset_kwargs(self, filterset_class) -> dict:
        # Always bound, so that no parameters at all is a valid (empty) set of filters.
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get_paginate_by(self, queryset) -> int:
        return settings.SIGNATORIES_PER_PAGE

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if self.counts is None:
            return Paginator(queryset, per_page, orphans, allow_empty_first_page)
        return CountedPaginator(
            queryset, per_page, orphans, allow_empty_first_page, count=self.counts["total"]
        )

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.filterset = self.get_filterset(self.get_filterset_class())
        status = 200
        if self.filterset.is_valid():
            self.counts = counts_for(self.filterset)
            self.object_list = self.filterset.qs.for_list()
            if search.searched(self.filterset):
                self.object_list = search.SearchPage(
                    self.filterset, self.counts, lambda: total_without_search(self.filterset)
                )
            elif self.filterset.form.cleaned_data.get("q") and self.counts["total"] < FEW_MATCHES:
                self.object_list = self.object_list.sorted_after_matching()
            if not self.counts["total"]:
                # Nothing to list: no query (an index read to its end to find nothing).
                self.object_list = self.filterset.queryset.none()
        else:
            # The page says what was wrong and what is valid; nothing is listed.
            self.object_list = self.filterset.queryset.none()
            status = 400
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        # The page shows the filters as understood (and cached), never the raw query string.
        query = (
            canonical_query(self.filterset, page.number)
            if self.counts is not None
            else self.filterset.data
        )
        chosen = _chosen(query)
        errors = self.filterset.errors
        # Lazy: a page whose rendered form and rows come from the cache never needs them.
        context.update(
            query=query,
            counts=self.counts,
            facets=SimpleLazyObject(lambda: facets(chosen, self.counts, errors)),
            active=SimpleLazyObject(lambda: _active(chosen, query)),
            sort_choices=SORT_CHOICES,
            as_of=self.filterset.form.cleaned_data.get("as_of")
            if self.counts is not None
            else None,
            fragment_key=(
                list_fragment_key(query, page.paginator.per_page, self.counts["revision"])
                if self.counts is not None
                else None
            ),
            fragment_timeout=COUNTS_TIMEOUT,
        )
        return context


def _chosen(query: QueryDict) -> dict[str, list[str]]:
    """The values asked for in each repeatable parameter, valid or not."""
    return {name: query.getlist(name) for name in ("type", "kind", "region", "country", "alliance")}


def _active(chosen: dict[str, list[str]], query: QueryDict) -> dict:
    """The active filters, each with what its parameter becomes when it is removed."""
    labels = {
        "type": dict(SignatoryType.choices).get,
        "kind": lambda slug, default: capfirst(dict(KIND_CHOICES).get(slug, default)),
        "region": dict(Region.choices).get,
        "country": lambda code, default: typeset(countries.name(code)) or default,
        "alliance": dict(Alliance.choices).get,
    }
    active = {
        name: [
            {
                "label": labels[name](value, value),
                "remaining": [other for other in values if other != value],
            }
            for value in values
        ]
        for name, values in chosen.items()
    }
    active["q"] = query.get("q", "").strip()
    active["since"] = query.get("since", "").strip()
    active["as_of"] = query.get("as_of", "").strip()
    active["any"] = any(active[name] for name in ("q", "since", "as_of", *chosen))
    # What the phone's closed filters say they hold: each value counts, as each is a chip.
    active["count"] = sum(len(active[name]) for name in chosen) + sum(
        1 for name in ("q", "since", "as_of") if active[name]
    )
    return active


def signatory_detail(request: HttpRequest, slug: str) -> HttpResponse:
    signatory = get_object_or_404(Signatory.objects.select_related("left_source"), slug=slug)
    citations = signatory.citations.select_related("source").order_by("source__date", "id")
    neighbours = Signatory.objects.current().others_in_country(signatory).by_name()
    events = signatory.events.select_related("source").order_by("date", "id")
    return render(
        request,
        "signatories/directory/signatory_detail.html",
        {
            "signatory": signatory,
            "citations": citations,
            "alliances": signatory.alliances.select_related("citation__source"),
            "events": [(event, event.changed_fields()) for event in events],
            "neighbours": neighbours[:NEIGHBOURS_SHOWN],
            # "Cite this supporter": the page's own address, in the page's language.
            "permalink": request.build_absolute_uri(signatory.get_absolute_url()),
        },
    )
