"""Request bodies are refused by their size before anything reads them.

Django reads a POST body whole when something first asks for `request.POST` (the CSRF
check does, on every form, before the view), and writes a file field over
FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file: a 200 MB upload to the log-in page used to
reach the disk before it was refused. So, before the CSRF check (MIDDLEWARE), a body is
refused with a 413 when its Content-Length is over the limit for its address, or, when it
has none (chunked, under ASGI), once more bytes than that have been read. Every address
takes `MAX_BODY_BYTES`; the admin's import takes its largest file (`MAX_UPLOAD_BODY_BYTES`,
signatories.importing.admin.MAX_UPLOAD_BYTES) and the form around it. The reverse proxy
refuses larger bodies still before they reach the app (README, Deploy).
"""

import io
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _


def body_limit(request: HttpRequest) -> int:
    """The most bytes a request to this address may send."""
    if request.path_info == reverse("admin:signatories_signatory_import"):
        return settings.MAX_UPLOAD_BODY_BYTES
    return settings.MAX_BODY_BYTES


class BodySizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = body_limit(request)
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.isascii() and length.isdigit():
            if int(length) > limit:
                return _too_large(limit)
        elif "HTTP_TRANSFER_ENCODING" in request.META:
            # No length given: read up to one byte past the limit, and keep what was read.
            body = request._stream.read(limit + 1)
            if len(body) > limit:
                return _too_large(limit)
            request._stream = io.BytesIO(body)
            request.META["CONTENT_LENGTH"] = str(len(body))
        return self.get_response(request)


def _too_large(limit: int) -> HttpResponse:
    message = _(
        "This request is larger than this address accepts (%(size)s MB at most): "
        "nothing was read or kept."
    ) % {"size": f"{limit / 1024 / 1024:g}"}
    return HttpResponse(message + "\n", status=413, content_type="text/plain; charset=utf-8")
