"""What every public form of the directory shares: the message for a value that is not one of
the choices, and the facets (a parameter's options with their counts) that the list, the
changes page and the countries page show.

Uses only Django; imported by every subject package, so it imports none of them.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _


def invalid_choice(what: str, valid: str | Iterable[str]) -> dict:
    """A field's `error_messages` for a value not among the choices, translated when the
    message is shown (not when the form class is defined), so that it follows the page's
    language. `what` is a lazy translation; `valid` the valid values, or a (lazy) sentence
    describing them."""
    if not isinstance(valid, str | Promise):
        valid = ", ".join(valid)

    def message() -> str:
        return _("“%(value)s” is not a valid %(what)s. Valid values: %(valid)s.") % {
            "value": "%(value)s",
            "what": what,
            "valid": valid,
        }

    return {"invalid_choice": lazy(message, str)()}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None
    checked: bool


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: list[Option]
    errors: list[str]
