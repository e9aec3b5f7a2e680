"""The changes page: the Call's membership over time, filtered, newest first, page by page."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from signatories.cache import cached
from signatories.changes.entries import described
from signatories.changes.events import NEWEST_FIRST, change_rows
from signatories.changes.forms import ChangeFilterForm

CHANGES_PER_PAGE = 50
# Deeper pages cost the database more and more; the `since` filter reaches old changes.
LAST_PAGE = 10_000


@dataclass(frozen=True)
class Page:
    """Where a page is among the others: nothing counts them all (see `changes.events`)."""

    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def change_list(request: HttpRequest) -> HttpResponse:
    form = ChangeFilterForm(request.GET)
    if not form.is_valid():
        # The page says what was wrong and what is valid; nothing is listed.
        return render(request, "signatories/changes/changes.html", {"form": form}, status=400)
    number = _page_number(request.GET.get("page", "1"))
    filters = form.filters()
    offset = (number - 1) * CHANGES_PER_PAGE
    # One row more than the page shows says whether there is a next page.
    rows = cached(
        "changes-page",
        (filters, offset, CHANGES_PER_PAGE),
        lambda: change_rows(filters, NEWEST_FIRST, offset, CHANGES_PER_PAGE + 1),
    )
    if number > 1 and not rows:
        raise Http404("There is no page of changes this far back.")
    return render(
        request,
        "signatories/changes/changes.html",
        {
            "form": form,
            "page_obj": Page(number, has_next=len(rows) > CHANGES_PER_PAGE),
            "changes": described(rows[:CHANGES_PER_PAGE]),
        },
    )


def _page_number(value: str) -> int:
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= LAST_PAGE:
        raise Http404("A page is a number from 1.")
    return int(value)
