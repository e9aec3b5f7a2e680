"""Links a page builds from the request's own path never lead to another site.

`//evil.com/signatories/` is a 404 here, but its path, copied into a link, is a
scheme-relative address: `//evil.com/fr/…`, or `https://evil.com/…` once made absolute.
"""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

HOSTILE = ["//evil.com/signatories/", "///evil.com/signatories/", "/\\evil.com/signatories/"]


def _get(client, path: str, query: str = ""):
    """GET this exact path (the test client would read `//evil.com` as a host name)."""
    return client.get("/", PATH_INFO=path, QUERY_STRING=query)


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|content)="([^"]*)"', html)


@pytest.mark.parametrize("path", HOSTILE)
def test_the_language_switch_of_a_404_stays_on_this_site(client, path):
    response = _get(client, path)
    assert response.status_code == 404
    switch = re.findall(r'<a href="([^"]*)" hreflang="fr"', response.text)
    assert switch == ["/fr/"]


@pytest.mark.parametrize("path", HOSTILE)
def test_the_hreflang_alternates_of_a_404_stay_on_this_site(client, path):
    response = _get(client, path)
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]*)"', response.text)
    assert alternates
    assert all(url.startswith("http://testserver/") for url in alternates), alternates


@pytest.mark.parametrize("path", [*HOSTILE, "//evil.com/fr/signatories/"])
def test_no_link_on_a_404_leads_to_another_host(client, path):
    response = _get(client, path, "type=state")
    links = [link for link in _links(response.text) if "/" in link]
    assert links
    elsewhere = [
        link
        for link in links
        if link.startswith(("//", "/\\"))
        or "://" in link
        and urlsplit(link).hostname != "testserver"
    ]
    assert not elsewhere


def test_a_country_page_behind_two_slashes_is_not_found(client):
    # The country page links to its own path; two slashes never reach it.
    response = _get(client, "//countries/fr/")
    assert response.status_code == 404
    assert "//countries" not in response.text
