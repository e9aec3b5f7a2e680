"""The database down or stuck is a 503 asking to come back, never a bare 500.

Any exception a request did not handle reaches Django's 500 handler, wherever it was raised
(a view, a template, a middleware). When it is the database failing (a connection refused
or lost, a statement cancelled by its timeout, SQLite's write lock held too long), this
handler answers 503 with `Retry-After`, in the page's language: the HTML page 503.html, or
JSON for the `.json` addresses. Nothing here touches the database. Connections are checked
before reuse (`conn_health_checks`), so the site answers again once the database does,
without a restart.

The 403 page: in the admin, the admin's own layout saying what an editor may do, with a
way back; elsewhere, Django's plain page.
"""

import sys

from django.contrib import admin
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from signatories.exports.stream import RETRY_AFTER_SECONDS

DATABASE_FAILURES = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    if not isinstance(sys.exc_info()[1], DATABASE_FAILURES):
        return defaults.server_error(request)
    if request.path_info.endswith(".json"):
        message = _("The directory's database is unavailable. Try again in a moment.")
        response = JsonResponse({"error": message}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def forbidden(request, exception=None):
    admin_root = reverse("admin:index")
    user = getattr(request, "user", None)
    if not request.path.startswith(admin_root) or not (user and user.is_staff):
        return defaults.permission_denied(request, exception)
    back = request.META.get("HTTP_REFERER", "")
    if (
        not back
        or back == request.build_absolute_uri()
        or not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        back = admin_root
    context = {**admin.site.each_context(request), "back": back, "title": None}
    return render(request, "admin/403.html", context, status=403)
