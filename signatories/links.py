"""Links into the list and to supporters' pages: the one place their addresses are built."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.http import urlencode


def list_url(**parameters: str | list[str]) -> str:
    """The list with these query parameters (a list of values repeats the parameter)."""
    query = urlencode(parameters, doseq=True)
    path = reverse("signatories:list")
    return f"{path}?{query}" if query else path


def detail_path(slug: str, language: str | None = None) -> str:
    """A supporter's page address, in `language` (the active one by default)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return _detail_path_prefix(language, get_script_prefix()) + slug + "/"


@functools.cache
def _detail_path_prefix(language: str, script_prefix: str) -> str:
    """A supporter's page address up to its slug, for this language and script prefix (the
    cache's key): reversing it for every row of a list or an export costs more than the row."""
    with translation.override(language):
        return reverse("signatories:detail", args=["-"]).removesuffix("-/")
