"""The supporters list's filters in the admin: only the values in use, and the gaps staff
look for (no country, no citation, no date), so that every choice finds something."""

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.models import Citation
from signatories.text import normalise
from signatories.vocabulary import ORGANISATION_KINDS

NONE = "none"


class CountryInUseFilter(admin.SimpleListFilter):
    """The countries some supporter has (not all ~250), and "no country"."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = model_admin.model.objects.exclude(country="").values_list("country", flat=True)
        in_use = sorted(
            ((code, countries.name(code)) for code in set(codes)),
            key=lambda pair: normalise(str(pair[1])),
        )
        return [(NONE, _("No country")), *in_use]

    def queryset(self, request, queryset):
        value = self.value()
        if value == NONE:
            return queryset.filter(country="")
        if value:
            return queryset.filter(country=value)
        return queryset


class KindInUseFilter(admin.SimpleListFilter):
    """The organisation kinds some supporter has, by their label."""

    title = _("organisation kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        kinds = model_admin.model.objects.exclude(kind="").values_list("kind", flat=True)
        labelled = ((kind, str(ORGANISATION_KINDS.get(kind, kind))) for kind in set(kinds))
        return [(NONE, _("No kind")), *sorted(labelled, key=lambda pair: normalise(pair[1]))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == NONE:
            return queryset.filter(kind="")
        if value:
            return queryset.filter(kind=value)
        return queryset


class GapFilter(admin.SimpleListFilter):
    """Records missing what every record should have: a citation, a date."""

    title = _("missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [("citation", _("No citation")), ("date", _("No date"))]

    def queryset(self, request, queryset):
        if self.value() == "citation":
            cited = Citation.objects.filter(signatory=OuterRef("pk"))
            return queryset.filter(~Exists(cited))
        if self.value() == "date":
            return queryset.filter(supporter_since__isnull=True)
        return queryset
