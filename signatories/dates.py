"""Dates known only to the day, the month or the year, as the sources give them."""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def truncate(date: datetime.date, precision: str) -> datetime.date:
    """The first day of the period a date stands for, as it is stored."""
    if precision == Precision.YEAR:
        return date.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return date.replace(day=1)
    return date


def iso(date: datetime.date | None, precision: str) -> str | None:
    """ISO 8601 at the precision known: ``2021-11-11``, ``2019-01`` or ``2019``."""
    if date is None:
        return None
    if precision == Precision.YEAR:
        return f"{date.year:04d}"
    if precision == Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def parse_iso(value: str) -> tuple[datetime.date, str]:
    """Read ``2021-11-11``, ``2019-01`` or ``2019`` back; ``ValueError`` if malformed."""
    parts = value.strip().split("-")
    if len(parts) == 1 and len(parts[0]) == 4:
        return datetime.date(int(parts[0]), 1, 1), Precision.YEAR
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
        return datetime.date(int(parts[0]), int(parts[1]), 1), Precision.MONTH
    return datetime.date.fromisoformat(value.strip()), Precision.DAY


def display(date: datetime.date | None, precision: str, by: bool = False) -> str:
    """Human wording in the active language: ``11 November 2021``, ``by January 2019``,
    ``2019``; in French ``1er janvier 2019``, ``au plus tard en janvier 2019``."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        text = str(date.year)
    elif precision == Precision.MONTH:
        text = date_format(date, "F Y")
    else:
        text = date_format(date, "j F Y")
        if date.day == 1 and get_language() == "fr":
            # French writes the first of the month as an ordinal: « 1er janvier 2019 ».
            text = "1er" + text[1:]
    if not by:
        return text
    # The preposition depends on the precision in French: « au plus tard le 10 novembre »,
    # « au plus tard en janvier 2019 », « au plus tard en 2019 ».
    if precision == Precision.YEAR:
        return pgettext("by a year", "by %(date)s") % {"date": text}
    if precision == Precision.MONTH:
        return pgettext("by a month", "by %(date)s") % {"date": text}
    return pgettext("by a day", "by %(date)s") % {"date": text}


# The months as a list's narrow column writes them: "10 Nov 2019", « 10 nov. 2019 » (French
# abbreviates after the consonant that ends a syllable: janv., févr., juil.).
SHORT_MONTHS = [
    pgettext_lazy("abbreviated month", "Jan"),
    pgettext_lazy("abbreviated month", "Feb"),
    pgettext_lazy("abbreviated month", "Mar"),
    pgettext_lazy("abbreviated month", "Apr"),
    pgettext_lazy("abbreviated month", "May"),
    pgettext_lazy("abbreviated month", "Jun"),
    pgettext_lazy("abbreviated month", "Jul"),
    pgettext_lazy("abbreviated month", "Aug"),
    pgettext_lazy("abbreviated month", "Sep"),
    pgettext_lazy("abbreviated month", "Oct"),
    pgettext_lazy("abbreviated month", "Nov"),
    pgettext_lazy("abbreviated month", "Dec"),
]


def compact(date: datetime.date | None, precision: str) -> str:
    """The date in a few characters that never wrap (no-break spaces): ``10 Nov 2019``,
    ``Jan 2019``, ``2019``; in French ``1er janv. 2019``. Says nothing of "by": the list
    marks that beside it, with `display()`'s full wording for those who ask."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return str(date.year)
    month = f"{SHORT_MONTHS[date.month - 1]}\u00a0{date.year}"
    if precision == Precision.MONTH:
        return month
    day = "1er" if date.day == 1 and get_language() == "fr" else str(date.day)
    return f"{day}\u00a0{month}"


def precision_note(precision: str, by: bool = False) -> str:
    """How much a date says, for readers: "the exact day", "only the month is known", …"""
    if by:
        return _("it had joined by then; the sources do not say when")
    return {
        Precision.DAY: _("the day it joined"),
        Precision.MONTH: _("only the month is known"),
        Precision.YEAR: _("only the year is known"),
    }[precision]
