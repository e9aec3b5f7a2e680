"""The headers that let other sites' scripts read the public data, and clients re-check it.

- **CORS**: `Access-Control-Allow-Origin: *` on the public read-only data, the views named
  in `OPEN_DATA` (the exports, a supporter's JSON, the data package, the Atom feed), set by
  `OpenDataMiddleware` from the URL's name: pages and the admin never carry it. The data is
  public and the same for everyone (no cookie changes it), so any origin may read it.
- **Validators**: the exports and the feed read only the supporters and their history, and
  every write to a supporter raises the directory's revision (`signatories.revision`): their
  ETag is that revision, with the name of the database it counts for, and Last-Modified the
  directory's last change (`revision_conditional`). A conditional GET is answered 304
  before a row is read. A supporter's JSON and the data package also read citations and
  sources, whose writes don't raise the revision: they are small documents, tagged with a
  hash of their own text (`text_conditional`).

HEAD gets the same validators as GET, and a 304 repeats them, as RFC 9110 asks. Error
answers (a bad filter, a 503) carry no validator: nothing a cache should keep.
"""

import functools
from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, quote_etag

from signatories.exports.files import database_key
from signatories.exports.published import last_changed
from signatories.models.revision import current_revision

# The URL names of the public read-only data, the one list CORS is granted by.
OPEN_DATA = frozenset(
    {
        "signatories:csv",
        "signatories:json",
        "signatories:xlsx",
        "signatories:detail-json",
        "signatories:changes-feed",
        "datapackage",
    }
)


class OpenDataMiddleware:
    """`Access-Control-Allow-Origin: *` on the responses of the views named in OPEN_DATA."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_DATA:
            response["Access-Control-Allow-Origin"] = "*"
        return response


def revision_conditional(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view's answers tagged with the directory's revision; 304 when the client has it."""

    @functools.wraps(view)
    def conditional(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        try:
            etag = quote_etag(f"{database_key()}-{current_revision()}")
            changed = last_changed()
        except DatabaseError:
            # The view says the database is unavailable, in its own format (the 503).
            return view(request, *args, **kwargs)
        modified = int(changed.timestamp()) if changed else None
        response = get_conditional_response(request, etag=etag, last_modified=modified)
        if response is None:
            response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            response["ETag"] = etag
            # The directory's, also over the feed's own (its newest entry's date): what a
            # client sends back is then what this compares.
            if modified is not None:
                response["Last-Modified"] = http_date(modified)
        return response

    return conditional


def text_conditional(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view's document tagged with a hash of its text; 304 when the client has it.

    Django's `conditional_page` does this for GET only; HEAD gets the same tag here.
    """

    @functools.wraps(view)
    def conditional(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return conditional
