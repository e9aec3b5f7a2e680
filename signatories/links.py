"""Links into the list: the one place a filtered list's address is built."""

from django.urls import reverse
from django.utils.http import urlencode


def list_url(**parameters: str | list[str]) -> str:
    """The list with these query parameters (a list of values repeats the parameter)."""
    query = urlencode(parameters, doseq=True)
    path = reverse("signatories:list")
    return f"{path}?{query}" if query else path
