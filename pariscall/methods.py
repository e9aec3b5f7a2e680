"""The public site is read-only: its pages and exports answer GET and HEAD, nothing else.

Any other method gets a short 405 naming the allowed ones, before CSRF checking (which
would answer a confusing 403) and before any view runs (which would answer TRACE or
OPTIONS with a whole page, or a whole export). The admin, where staff do write, is left to
Django.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse

READ_METHODS = ("GET", "HEAD")


class ReadOnlyPublicSiteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in READ_METHODS or request.path_info.startswith(reverse("admin:index")):
            return self.get_response(request)
        return HttpResponseNotAllowed(
            READ_METHODS,
            f"{request.method} is not allowed here: this page can only be read (GET or HEAD).\n",
            content_type="text/plain; charset=utf-8",
        )
