"""The changes page's query parameters: type, kind (of change) and organisation (its kind),
repeatable; since (a date). `kind` was the kind of change before supporters could be
filtered by their kind of organisation, so that one is `organisation` here (`kind` on the list).
"""

import re

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from signatories import dates
from signatories.changes.events import ChangeFilters, ChangeKind
from signatories.forms import Facet, Option, invalid_choice
from signatories.models import SignatoryType
from signatories.vocabulary import KIND_BY_SLUG, KIND_CHOICES

# A day, a month or a year, as the ISO 8601 extended format writes them.
SINCE_FORMAT = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?", re.ASCII)


class ChangeFilterForm(forms.Form):
    type = forms.MultipleChoiceField(
        label=_("Type of supporter"),
        required=False,
        choices=SignatoryType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("type"), SignatoryType.values),
    )
    kind = forms.MultipleChoiceField(
        label=_("Kind of change"),
        required=False,
        choices=ChangeKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("kind of change"), ChangeKind.values),
    )
    organisation = forms.MultipleChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=KIND_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("kind of organisation"), list(KIND_BY_SLUG)),
    )
    since = forms.CharField(
        label=_("From"),
        required=False,
        max_length=10,
        help_text=_("A date: 2021-11-11, 2021-11 or 2021. Changes from then on."),
    )

    def clean_since(self):
        value = self.cleaned_data["since"].strip()
        if not value:
            return None
        try:
            if not SINCE_FORMAT.fullmatch(value):
                raise ValueError(value)
            date, _precision = dates.parse_iso(value)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY, such as 2021-11-11."),
                code="invalid",
            ) from None
        return date

    def filters(self) -> ChangeFilters:
        """The valid parameters, in a canonical order (they key the cached counts)."""
        data = self.cleaned_data
        return ChangeFilters(
            types=tuple(sorted(set(data["type"]))),
            kinds=tuple(sorted(set(data["kind"]))),
            organisation_kinds=tuple(sorted(set(data["organisation"]))),
            since=data["since"],
        )

    def facets(self) -> list[Facet]:
        """The sets of checkboxes, ticked as asked (valid or not), with their errors."""
        return [
            Facet(
                name,
                self.fields[name].label,
                [
                    Option(value, capfirst(label), None, value in self.data.getlist(name))
                    for value, label in self.fields[name].choices
                ],
                self.errors.get(name, []),
            )
            for name in ("kind", "type", "organisation")
        ]
