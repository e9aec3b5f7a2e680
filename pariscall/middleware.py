"""The page's language comes from its address alone; only the admin follows the browser.

Public pages live under `i18n_patterns` with no prefix for English: `/signatories/` is
English and `/fr/signatories/` French, whatever `Accept-Language` or a cookie says, so a
link always opens the page it names, in its language, and `<html lang>` matches the text.
Django's LocaleMiddleware already ignores the header for unprefixed addresses, but that
makes the admin English for everyone; staff whose browser asks for French get it in French.
"""

from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def _is_admin(request) -> bool:
    return request.path_info.startswith(reverse("admin:index"))


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request) -> None:
        if not _is_admin(request):
            super().process_request(request)
            return
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # A public page never varies with the browser's languages, so shared caches may
        # keep one copy of it; the admin does.
        if _is_admin(request):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
