"""Filter sets are made for every list page from filters and a form class made once: each
one still filters by its own parameters, in its own language, with its own errors."""

import pytest
from django.http import QueryDict
from django.utils import translation

from signatories.directory.filters import SignatoryFilter
from tests.factories import StateFactory

pytestmark = pytest.mark.django_db


def _names(filterset: SignatoryFilter, field: str = "name") -> list[str]:
    assert filterset.is_valid(), filterset.errors
    return [getattr(signatory, field) for signatory in filterset.qs]


def test_filter_sets_made_together_each_apply_their_own_filters_and_language():
    for code in ("AT", "DE", "ES"):
        StateFactory(country=code)
    english = SignatoryFilter(QueryDict("sort=name&country=AT&country=DE"), language="en")
    french = SignatoryFilter(QueryDict("sort=name&country=DE&country=AT&country=ES"), language="fr")
    # Each set's filters are its own, and call its own methods (`sort` is one).
    assert english.filters["sort"] is not french.filters["sort"]
    assert english.filters["sort"].parent is english
    assert french.filters["sort"].parent is french
    assert _names(english) == ["Austria", "Germany"]
    assert _names(french, "name_fr") == ["Allemagne", "Autriche", "Espagne"]


def test_one_filter_set_s_errors_are_not_another_s():
    wrong = SignatoryFilter(QueryDict("since=soon&type=company"))
    right = SignatoryFilter(QueryDict("since=2019&type=state"))
    assert not wrong.is_valid()
    assert set(wrong.errors) == {"since", "type"}
    assert right.is_valid()
    assert right.errors == {}
    assert right.form.cleaned_data["since"] == 2019


def test_the_form_made_once_speaks_the_language_of_each_request():
    with translation.override("en"):
        english = SignatoryFilter(QueryDict("since=soon"))
        assert not english.is_valid()
        assert english.errors["since"] == ["Enter a year as four digits, such as 2019."]
        assert str(english.form.fields["since"].label) == "Supporter since (year)"
    with translation.override("fr"):
        french = SignatoryFilter(QueryDict("since=soon"))
        assert not french.is_valid()
        french_message = "Saisissez une année à quatre chiffres, par exemple 2019."
        assert french.errors["since"] == [french_message]
        assert type(french.form) is type(english.form)
