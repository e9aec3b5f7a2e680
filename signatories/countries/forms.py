"""The countries page's query parameters: type and region (repeatable), status, sort."""

from typing import NamedTuple

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from signatories.forms import invalid_choice
from signatories.models import SignatoryStatus, SignatoryType
from signatories.regions import Region
from signatories.vocabulary import STATUS_FILTER_CHOICES


class CountryFilters(NamedTuple):
    """The canonical filters the counts depend on (and the cache keys carry)."""

    types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    status: str = SignatoryStatus.CURRENT


class CountrySort(models.TextChoices):
    NAME = "name", _("Country, A to Z")
    NAME_DESCENDING = "-name", _("Country, Z to A")
    COUNT_DESCENDING = "-count", _("Most supporters first")
    COUNT = "count", _("Fewest supporters first")


# Every country has an M49 region; "international" and "not stated" never have a country.
COUNTRY_REGIONS = [
    (value, label)
    for value, label in Region.choices
    if value not in (Region.INTERNATIONAL, Region.UNKNOWN)
]
# What the 400 page says is valid.
REGION_VALUES = ", ".join(value for value, _label in COUNTRY_REGIONS)
STATUS_VALUES = ", ".join(value for value, _label in STATUS_FILTER_CHOICES)


class CountryFilterForm(forms.Form):
    """The countries page's query parameters: type and region (repeatable), status, sort."""

    type = forms.MultipleChoiceField(
        label=_("Type"),
        required=False,
        choices=SignatoryType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("type"), SignatoryType.values),
    )
    region = forms.MultipleChoiceField(
        label=_("Region"),
        required=False,
        choices=COUNTRY_REGIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("region"), REGION_VALUES),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=STATUS_FILTER_CHOICES,
        error_messages=invalid_choice(_("status"), STATUS_VALUES),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=CountrySort.choices,
        error_messages=invalid_choice(_("sort order"), CountrySort.values),
    )

    def filters(self) -> CountryFilters:
        """What the counts depend on, canonical."""
        data = self.cleaned_data
        return CountryFilters(
            tuple(sorted(data.get("type") or ())),
            tuple(sorted(data.get("region") or ())),
            data.get("status") or SignatoryStatus.CURRENT,
        )
