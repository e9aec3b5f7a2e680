"""The database down or stuck is a 503 asking to come back, never a bare 500.

Any exception a request did not handle reaches Django's 500 handler, wherever it was raised
(a view, a template, a middleware). When it is the database failing (a connection refused
or lost, a statement cancelled by its timeout, SQLite's write lock held too long), this
handler answers 503 with `Retry-After`, in the page's language: the HTML page 503.html, or
JSON for the `.json` addresses. Nothing here touches the database. Connections are checked
before reuse (`conn_health_checks`), so the site answers again once the database does,
without a restart.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

from signatories.exports.stream import RETRY_AFTER_SECONDS

DATABASE_FAILURES = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    if not isinstance(sys.exc_info()[1], DATABASE_FAILURES):
        return django_server_error(request)
    if request.path_info.endswith(".json"):
        message = _("The directory's database is unavailable. Try again in a moment.")
        response = JsonResponse({"error": message}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
