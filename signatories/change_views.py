"""The changes page: the Call's membership over time, filtered and paginated."""

from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from signatories.cache import cached
from signatories.change_filters import ChangeFilterForm
from signatories.changes import NEWEST_FIRST, change_rows, described
from signatories.views import CountedPaginator

CHANGES_PER_PAGE = 50


def change_list(request: HttpRequest) -> HttpResponse:
    form = ChangeFilterForm(request.GET)
    if not form.is_valid():
        # The page says what was wrong and what is valid; nothing is listed.
        return render(request, "signatories/changes.html", {"form": form}, status=400)
    filters = form.filters()
    rows = change_rows(filters)
    # Counting every change grows with the tables: counted once per write to the directory.
    count = cached("changes-count", filters, rows.count)
    paginator = CountedPaginator(rows.order_by(*NEWEST_FIRST), CHANGES_PER_PAGE, count=count)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from None
    return render(
        request,
        "signatories/changes.html",
        {"form": form, "page_obj": page, "changes": described(page.object_list)},
    )
