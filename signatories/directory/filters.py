"""The list's query parameters: q, type, kind, region, country, since, status, sort (the README's
"Pages and downloads" says what each means)."""

import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.forms import invalid_choice
from signatories.models import (
    NAME_ORDER,
    Signatory,
    SignatoryQuerySet,
    SignatoryStatus,
    SignatoryType,
)
from signatories.regions import Region
from signatories.vocabulary import KIND_BY_SLUG, KIND_CHOICES, STATUS_FILTER_CHOICES

# The facets, in the order the form shows them: each counts its options under the others.
FACETS = ("type", "kind", "region", "country")

SORTS = {
    "name": NAME_ORDER,
    "-name": tuple(f"-{field}" for field in NAME_ORDER),
    "since": (F("supporter_since").asc(nulls_last=True), "sort_name", "id"),
    "-since": (F("supporter_since").desc(nulls_last=True), "sort_name", "id"),
}
SORT_CHOICES = [
    ("name", _("Name, A to Z")),
    ("-name", _("Name, Z to A")),
    ("since", _("Oldest supporters first")),
    ("-since", _("Newest supporters first")),
]
# Longer queries search nothing more useful and only cost the database time.
MAX_QUERY_LENGTH = 200


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


COUNTRY_CODES = frozenset(countries.countries)


class CountryCodesField(forms.MultipleChoiceField):
    """ISO 3166 alpha-2 codes, checked against a set rather than a list of choices.

    The form is built for every request; copying a list of ~250 choices each time costs
    more than the rest of a cached list page. The page names the countries itself.
    """

    def valid_value(self, value: str) -> bool:
        return value in COUNTRY_CODES


class CountryCodesFilter(django_filters.MultipleChoiceFilter):
    field_class = CountryCodesField


# The filters below are on the supporters' own columns, never across a join, so the
# DISTINCT that django-filter adds by default to multiple-choice filters would only make
# PostgreSQL sort every matching row before it can return the first page.


class SignatoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"),
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "The beginnings of a name’s words, in any order, case and accents ignored: "
            "“sec” finds Security and Sécurité."
        ),
    )
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        distinct=False,
        choices=SignatoryType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("type"), SignatoryType.values),
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind of organisation"),
        distinct=False,
        choices=KIND_CHOICES,
        method="filter_kind",
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("kind of organisation"), list(KIND_BY_SLUG)),
    )
    region = django_filters.MultipleChoiceFilter(
        label=_("Region"),
        distinct=False,
        choices=Region.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("region"), Region.values),
    )
    country = CountryCodesFilter(
        label=_("Country"),
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(
            _("country"), _("a two-letter ISO 3166 code such as FR, JP or US")
        ),
    )
    since = YearFilter(
        label=_("Supporter since (year)"),
        method="filter_since",
        min_value=1900,
        max_value=2100,
        help_text=_("The year it joined, or by which it had joined."),
        error_messages={
            "invalid": _("Enter a year as four digits, such as 2019."),
            "min_value": _("Enter a year from 1900 to 2100."),
            "max_value": _("Enter a year from 1900 to 2100."),
        },
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_FILTER_CHOICES,
        method="filter_status",
        empty_label=None,
        help_text=_("Current supporters unless asked: former ones left the official list."),
        error_messages=invalid_choice(
            _("status"), ", ".join(value for value, _label in STATUS_FILTER_CHOICES)
        ),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
        error_messages=invalid_choice(_("sort order"), SORTS),
    )

    class Meta:
        model = Signatory
        fields = ["q", "type", "kind", "region", "country", "since", "status", "sort"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            # Country codes are upper case; accept `country=fr` as a person would type it.
            data.setlist("country", [code.strip().upper() for code in data.getlist("country")])
            data.setlist("kind", [slug.strip().lower() for slug in data.getlist("kind")])
            # No status is the default, current supporters: one value, so one cached count.
            if not data.get("status"):
                data["status"] = SignatoryStatus.CURRENT
        super().__init__(data, *args, **kwargs)

    @property
    def qs(self) -> SignatoryQuerySet:
        queryset = super().qs
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*SORTS["name"])
        return queryset

    def filter_search(self, queryset: SignatoryQuerySet, name: str, value: str):
        return queryset.search(value)

    def filter_kind(self, queryset: SignatoryQuerySet, name: str, value: list[str]):
        return queryset.of_kinds(value)

    def filter_since(self, queryset: SignatoryQuerySet, name: str, value) -> SignatoryQuerySet:
        return queryset.supporting_since_year(int(value))

    def filter_status(self, queryset: SignatoryQuerySet, name: str, value: str):
        return queryset.with_status(value)

    def filter_sort(self, queryset: SignatoryQuerySet, name: str, value: str):
        return queryset.order_by(*SORTS[value])

    def filtered_without(self, *facets: str) -> SignatoryQuerySet:
        """The results with every filter applied except the `facets`': what they count."""
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name in facets or name == "sort" or value in (None, "", [], ()):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset
