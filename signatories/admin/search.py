"""The admin's supporter search: what the public search finds, and countries too.

Each word of the query must be in the supporter's normalised search text (its names in
both languages and other names, accent- and case-blind, as `q` on the public list), or name
its country: a country's name in English or French, or its ISO code ("ABB Sweden", "ABB se").
"""

import functools

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from django_countries import countries

from signatories.text import normalise


@functools.cache
def _country_names() -> dict[str, set[str]]:
    """Each country's code → its normalised names in every language of the site."""
    names: dict[str, set[str]] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                names.setdefault(code, {code.lower()}).add(normalise(str(name)))
    return names


def countries_named(word: str) -> list[str]:
    """The countries whose code is `word` or whose name (any language) contains it."""
    return [
        code
        for code, names in _country_names().items()
        if word == code.lower() or (len(word) > 2 and any(word in name for name in names))
    ]


def matching(queryset: QuerySet, query: str) -> QuerySet:
    for word in normalise(query).split():
        condition = Q(search_text__contains=word)
        codes = countries_named(word)
        if codes:
            condition |= Q(country__in=codes)
        queryset = queryset.filter(condition)
    return queryset
