"""The same page in each language: for the language switch and the hreflang alternates."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.encoding import escape_uri_path

register = template.Library()


@dataclass(frozen=True)
class Version:
    code: str
    name: str
    url: str
    absolute_url: str
    current: bool


def site_path(path: str) -> str:
    """The path with its leading slashes collapsed into one.

    `//evil.com/signatories/` (or `/\\evil.com/…`, which browsers read alike) is a 404 here,
    but as a link it is a scheme-relative address: another site, and `build_absolute_uri`
    makes it `https://evil.com/…`. Every link built from the request's path goes through this.
    """
    return "/" + path.lstrip("/\\")


def _url_in(path: str, code: str) -> str:
    """This address in another language, query string kept; that language's home page when
    the address names no page (a 404 has no counterpart)."""
    translated = translate_url(path, code)
    if translated == path and code != translation.get_language():
        with translation.override(code):
            return reverse("home")
    return translated


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[Version]:
    """Every language's version of the page being shown, the current one marked.

    The query string is kept, so a filtered list opens filtered in the other language; a
    page that shows its parameters as it understood them (the list) passes them as `query`.
    """
    request = context.get("request")
    if request is None:
        return []
    try:
        request.get_host()
    except DisallowedHost:
        # The 400 page for a request to a host this site is not: no address to give.
        return []
    path = site_path(request.get_full_path())
    query = context.get("query")
    if isinstance(query, QueryDict):
        # The list passes its parameters as it understood them: only those travel.
        page = site_path(escape_uri_path(request.path))
        path = f"{page}?{query.urlencode()}" if query else page
    current = translation.get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        url = path if code == current else _url_in(path, code)
        versions.append(Version(code, name, url, request.build_absolute_uri(url), code == current))
    return versions
