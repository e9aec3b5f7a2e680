"""The countries: a world map with a table of every country's supporters, and one country."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_countries import countries

from signatories.countries import (
    COUNTRY_REGIONS,
    CountryFilterForm,
    CountrySort,
    StatusFilter,
    country_counts,
    country_detail,
    is_country,
    list_url,
    place_of,
    rows_from,
    sorted_rows,
    status_sentence,
)
from signatories.country_map import world_map
from signatories.facets import Facet, Option
from signatories.models import SignatoryType


def country_list(request: HttpRequest) -> HttpResponse:
    form = CountryFilterForm(request.GET)
    context = {"form": form, "facets": _facets(form), "statuses": StatusFilter.choices}
    if not form.is_valid():
        # The page says what was wrong and what is valid; nothing is counted.
        return render(request, "signatories/country_list.html", context, status=400)
    types, regions, status = form.parameters()
    rows = rows_from(country_counts(types, regions, status))
    sort = form.cleaned_data.get("sort") or CountrySort.NAME
    context.update(
        map=world_map(rows),
        rows=sorted_rows(rows, sort),
        status=status,
        sort=sort,
        sort_headers=_sort_headers(sort),
        sort_choices=CountrySort.choices,
        type_choices=SignatoryType.choices,
    )
    return render(request, "signatories/country_list.html", context)


def _sort_headers(sort: str) -> dict[str, dict]:
    """For the name and count columns: the order a click on the heading asks for, and
    the column's current order for `aria-sort`."""
    return {
        "name": {
            "next": CountrySort.NAME_DESCENDING if sort == CountrySort.NAME else CountrySort.NAME,
            "aria": {"name": "ascending", "-name": "descending"}.get(sort),
        },
        "count": {
            "next": CountrySort.COUNT
            if sort == CountrySort.COUNT_DESCENDING
            else CountrySort.COUNT_DESCENDING,
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
    if not is_country(code.upper()):
        raise Http404(_("No country has the code “%(code)s”.") % {"code": code})
    if code != code.lower():
        return HttpResponsePermanentRedirect(request.get_full_path().replace(code, code.lower(), 1))
    code, name = code.upper(), countries.name(code.upper())
    form = CountryFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "name": name, "code": code}
        return render(request, "signatories/country_detail.html", context, status=400)
    status = form.parameters()[2]
    rows = rows_from(country_counts(status=status))
    row, detail = rows.get(code), country_detail(code, status)
    extra = {} if status == StatusFilter.CURRENT else {"status": status}
    context = {
        "code": code,
        "name": name,
        "total": row.total if row else 0,
        "status_sentence": status_sentence(name, detail["state"]),
        "supporters": [
            {
                "label": label,
                "count": row.counts.get(value, 0) if row else 0,
                "first": detail["first"][value],
                "url": list_url(code, type=value, **extra),
            }
            for value, label in SignatoryType.choices
        ],
        "place": place_of(code),
        "map": world_map(rows, highlighted=code),
        "status": status,
        "statuses": StatusFilter.choices,
        "list_url": list_url(code, **extra),
    }
    return render(request, "signatories/country_detail.html", context)
