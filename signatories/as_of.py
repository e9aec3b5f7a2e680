"""`as_of=YYYY-MM-DD`: the directory as it stood on a day, from the Call's launch to today.

On that day a supporter is *current* when it had joined by then (its supporter-since date,
a "by" date included, is on or before the day) and had not left (no departure on or before
it); *former* when it had joined and left by then. A supporter whose date no source gives
is on no day's list. The bounds are the Call's date, 12 November 2018, and today: before,
nobody supported it; after, nobody knows.
"""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from signatories.vocabulary import STATUS_ALL, SignatoryStatus

CALL_DATE = datetime.date(2018, 11, 12)
DAY_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def valid_range() -> tuple[datetime.date, datetime.date]:
    return CALL_DATE, timezone.localdate()


class AsOfField(forms.CharField):
    """A day as YYYY-MM-DD, from the Call's date to today."""

    def __init__(self, **kwargs):
        super().__init__(max_length=10, strip=True, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        first, today = valid_range()
        try:
            if not DAY_FORMAT.fullmatch(value):
                raise ValueError(value)
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a day as YYYY-MM-DD, such as 2020-12-31."), code="invalid"
            ) from None
        if not first <= day <= today:
            raise forms.ValidationError(
                _("Choose a day from %(first)s (the Call's date) to %(today)s (today)."),
                code="out_of_range",
                params={"first": first.isoformat(), "today": today.isoformat()},
            )
        return day


def on_the_day(queryset, day: datetime.date, status: str):
    """The supporters of `queryset` with that status on that day (see above)."""
    joined = queryset.filter(supporter_since__lte=day)
    if status == STATUS_ALL:
        return joined
    if status == SignatoryStatus.FORMER:
        return joined.filter(left_on__lte=day)
    return joined.exclude(left_on__lte=day)


def day_display(day: datetime.date) -> str:
    return date_format(day, "j F Y")
