"""An admin address whose query holds a NUL character is a 400, as on the public pages.

The public pages check every parameter with a form; the admin's filters (`?country=F%00R`)
and its autocomplete (`term=a%00`) pass theirs to the database, and PostgreSQL refuses a
string holding NUL with an error: a 500. No admin parameter has a use for NUL.
"""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


class NulInAdminQueryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(reverse("admin:index")) and any(
            "\x00" in key or "\x00" in value
            for key, values in request.GET.lists()
            for value in values
        ):
            raise BadRequest("A NUL character in the admin's query string.")
        return self.get_response(request)
