"""The countries: a world map with a table of every country's supporters, and one country."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from signatories.cache import COUNTS_TIMEOUT
from signatories.countries.counts import country_counts, country_detail
from signatories.countries.forms import (
    COUNTRY_REGIONS,
    CountryFilterForm,
    CountryFilters,
    CountrySort,
)
from signatories.countries.map import map_html
from signatories.countries.rows import (
    is_country,
    place_of,
    row_of,
    rows_from,
    sorted_rows,
    status_sentence,
)
from signatories.forms import Facet, Option
from signatories.languages.typography import typeset
from signatories.links import list_url
from signatories.models import SignatoryStatus, SignatoryType
from signatories.vocabulary import STATUS_FILTER_CHOICES


def country_list(request: HttpRequest) -> HttpResponse:
    form = CountryFilterForm(request.GET)
    context = {"form": form, "facets": _facets(form), "statuses": STATUS_FILTER_CHOICES}
    if not form.is_valid():
        # The page says what was wrong and what is valid; nothing is counted.
        return render(request, "signatories/countries/country_list.html", context, status=400)
    filters = form.filters()
    found = country_counts(*filters)
    sort = form.cleaned_data.get("sort") or CountrySort.NAME
    context.update(
        map=map_html(filters),
        # Lazy: a table rendered before comes from the cache and never needs its rows.
        rows=SimpleLazyObject(lambda: sorted_rows(rows_from(found), sort)),
        revision=found["revision"],
        rendered_key=repr((filters, sort, get_language())),
        rendered_timeout=COUNTS_TIMEOUT,
        status=filters.status,
        as_of=filters.as_of,
        sort=sort,
        sort_headers=_sort_headers(filters, sort),
        sort_choices=CountrySort.choices,
        type_choices=SignatoryType.choices,
    )
    return render(request, "signatories/countries/country_list.html", context)


def _sort_headers(filters: CountryFilters, sort: str) -> dict[str, dict]:
    """For the name and count columns: the link that asks for the other order, and the
    column's current order for `aria-sort`. Built from the canonical filters alone, never
    from the raw query, since the table is cached for every visitor asking the same."""
    types, regions, status, as_of = filters
    kept = {"type": types, "region": regions}
    if status != SignatoryStatus.CURRENT:
        kept["status"] = status
    if as_of:
        kept["as_of"] = as_of.isoformat()

    def link(order: str) -> str:
        return "?" + urlencode({**kept, "sort": order}, doseq=True)

    return {
        "name": {
            "url": link(
                CountrySort.NAME_DESCENDING if sort == CountrySort.NAME else CountrySort.NAME
            ),
            "aria": {"name": "ascending", "-name": "descending"}.get(sort),
        },
        "count": {
            "url": link(
                CountrySort.COUNT
                if sort == CountrySort.COUNT_DESCENDING
                else CountrySort.COUNT_DESCENDING
            ),
            "aria": {"count": "ascending", "-count": "descending"}.get(sort),
        },
    }


def _facets(form: CountryFilterForm) -> list[Facet]:
    """The type and region checkboxes, as the list's form draws them (without counts)."""
    return [
        Facet(
            name,
            form.fields[name].label,
            [
                Option(value, label, None, value in form.data.getlist(name))
                for value, label in choices
            ],
            form.errors.get(name, []),
        )
        for name, choices in (("type", SignatoryType.choices), ("region", COUNTRY_REGIONS))
    ]


def country_page(request: HttpRequest, code: str) -> HttpResponse:
    # ASCII first: "ıt" (a dotless i) upper-cases to "IT", and is no country's code.
    if not code.isascii() or not is_country(code.upper()):
        raise Http404(_("No country has the code “%(code)s”.") % {"code": code})
    if code != code.lower():
        query = request.META.get("QUERY_STRING", "")
        url = reverse("signatories:country", args=[code.lower()])
        return HttpResponsePermanentRedirect(url + (f"?{query}" if query else ""))
    code, name = code.upper(), typeset(countries.name(code.upper()))
    form = CountryFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "name": name, "code": code}
        return render(request, "signatories/countries/country_detail.html", context, status=400)
    status, as_of = form.filters().status, form.filters().as_of
    row = row_of(country_counts(status=status, as_of=as_of), code)
    detail = country_detail(code, status, as_of)
    extra = {} if status == SignatoryStatus.CURRENT else {"status": status}
    if as_of:
        extra["as_of"] = as_of.isoformat()
    context = {
        "code": code,
        "name": name,
        "total": row.total if row else 0,
        "status_sentence": status_sentence(name, detail["state"]),
        "supporters": _by_type(code, row, detail, extra),
        "place": place_of(code),
        "map": map_html(CountryFilters(status=status, as_of=as_of), highlighted=code),
        "status": status,
        "as_of": as_of,
        "statuses": STATUS_FILTER_CHOICES,
        "list_url": list_url(country=code, **extra),
    }
    return render(request, "signatories/countries/country_detail.html", context)


def _by_type(code: str, row, detail: dict, extra: dict) -> list[dict]:
    """The country's supporters of each type: how many, the first, and their list."""
    return [
        {
            "label": label,
            "count": row.counts.get(value, 0) if row else 0,
            "first": detail["first"][value],
            "url": list_url(country=code, type=value, **extra),
        }
        for value, label in SignatoryType.choices
    ]
