"""The site in English and French: the address decides the language, never the browser.

English pages keep their unprefixed addresses; French ones are at /fr/…. Every public page
says its language, links to its other version (filters kept), lists both as alternates.
"""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from tests.factories import (
    CitationFactory,
    EditorFactory,
    PrincipleFactory,
    SignatoryFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

FRENCH_BROWSER = {"accept-language": "fr-FR,fr;q=0.9"}
# A value for each kind of URL parameter the public pages take.
SAMPLE_ARGUMENTS = {"slug": "example-ngo", "number": "1", "code": "fr", "country": "fr"}


def _public_routes() -> list[str]:
    """Every route under i18n_patterns, as a path with sample arguments, English form."""
    (locale,) = [
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern)
    ]
    routes = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                routes.append(route)

    walk(locale.url_patterns, "/")
    return routes


def _example(route: str) -> str:
    def argument(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        assert name in SAMPLE_ARGUMENTS, f"add a sample value for <{name}> in {route}"
        return SAMPLE_ARGUMENTS[name]

    return re.sub(r"<([^>]+)>", argument, route)


@pytest.fixture
def directory():
    SignatoryFactory(name="Example NGO", slug="example-ngo", country="FR")
    StateFactory(country="JP")
    for number in range(1, 10):
        PrincipleFactory(number=number)


def _language_of(response) -> str | None:
    found = re.search(r'<html lang="([^"]+)"', response.text)
    return found.group(1) if found else None


@pytest.mark.parametrize("route", _public_routes())
def test_an_english_address_is_english_even_for_a_browser_that_asks_for_french(
    client, directory, route
):
    response = client.get(_example(route), headers=FRENCH_BROWSER)
    assert response.status_code == 200, route
    assert response["Content-Language"] == "en"
    assert "Accept-Language" not in response.get("Vary", "")
    if response["Content-Type"].startswith("text/html"):
        assert _language_of(response) == "en"
        assert "Soutiens" not in response.text


@pytest.mark.parametrize("route", _public_routes())
def test_every_public_page_has_a_french_address_in_french(client, directory, route):
    response = client.get("/fr" + _example(route))
    assert response.status_code == 200, route
    if response["Content-Type"].startswith("text/html"):
        assert response["Content-Language"] == "fr"
        assert _language_of(response) == "fr"


def test_a_french_address_stays_french_for_a_browser_that_asks_for_english(client, directory):
    response = client.get("/fr/signatories/", headers={"accept-language": "en"})
    assert _language_of(response) == "fr"
    assert "Soutiens de l’Appel de Paris" in response.text


def test_the_language_switch_opens_the_same_page_in_the_other_language_with_its_filters(
    client, directory
):
    english = client.get("/signatories/?type=state&region=asia&sort=-name").text
    assert (
        '<a href="/fr/signatories/?type=state&amp;region=asia&amp;sort=-name" '
        'hreflang="fr" lang="fr">Français</a>'
    ) in english
    french = client.get("/fr/signatories/?type=state&region=asia&sort=-name").text
    assert (
        '<a href="/signatories/?type=state&amp;region=asia&amp;sort=-name" '
        'hreflang="en" lang="en">English</a>'
    ) in french


def test_every_page_names_its_versions_as_alternates_with_english_the_default(client, directory):
    text = client.get("/fr/signatories/example-ngo/").text
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/signatories/example-ngo/">'
        in text
    )
    assert (
        '<link rel="alternate" hreflang="fr" href="http://testserver/fr/signatories/example-ngo/">'
        in text
    )
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/signatories/example-ngo/">' in text
    )


def test_a_page_that_does_not_exist_switches_to_the_other_language_home(client):
    response = client.get("/fr/nowhere/")
    assert response.status_code == 404
    assert _language_of(response) == "fr"
    assert "Page introuvable" in response.text
    assert '<a href="/" hreflang="en" lang="en">English</a>' in response.text


def test_the_sitemap_lists_each_page_in_both_languages_with_its_alternates(client, directory):
    text = client.get("/sitemap-signatories.xml").text
    assert "<loc>http://testserver/signatories/example-ngo/</loc>" in text
    assert "<loc>http://testserver/fr/signatories/example-ngo/</loc>" in text
    assert (
        '<xhtml:link rel="alternate" hreflang="fr" '
        'href="http://testserver/fr/signatories/example-ngo/"/>' in text
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" '
        'href="http://testserver/signatories/example-ngo/"/>' in text
    )


def test_the_cached_list_gives_each_language_its_own_text(client, directory):
    query = "?type=state&type=civil-society"
    for _ in range(2):  # the second round comes from the cache
        english = client.get("/signatories/" + query).text
        french = client.get("/fr/signatories/" + query).text
        assert "NGO / civil society" in english
        assert "Japan" in english
        assert "ONG / organisation de la société civile" in french
        assert "Japon" in french
        assert "NGO / civil society" not in french


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("export", ["/signatories.csv", "/signatories.json"])
@pytest.mark.parametrize("query", ["?type=state", ""], ids=["filtered", "whole"])
def test_the_exports_are_the_same_in_both_languages(client, directory, export, query):
    french = _body(client.get("/fr" + export + query))  # first: the whole file is written once
    english = _body(client.get(export + query))
    assert english == french
    assert b"JP" in english
    # Each name in its own column, whichever language asked: never one for the other.
    assert b"Japan" in french
    assert b"Japon" in english


@pytest.mark.parametrize("document", ["/datapackage.json", "/signatories/example-ngo.json"])
def test_the_data_descriptions_are_the_same_in_both_languages(client, directory, document):
    assert _body(client.get("/fr" + document)) == _body(client.get(document))


def test_a_bad_filter_is_explained_in_french_on_the_french_list(client):
    response = client.get("/fr/signatories/?type=nope&since=19")
    assert response.status_code == 400
    assert "Certains filtres n’ont pas pu être appliqués" in response.text
    assert "n’est pas une valeur admise pour le critère" in response.text
    assert "Saisissez une année comprise entre 1900 et 2100." in response.text


def test_search_finds_a_state_by_its_english_or_french_name_in_either_language(client):
    StateFactory(country="DE", aliases="")
    for path in ("/signatories/", "/fr/signatories/"):
        for query in ("germany", "allemagne"):
            text = client.get(path, {"q": query}).text
            assert 'href="' + path + "germany/" in text, (path, query)


def test_a_state_saved_from_a_french_page_is_still_found_by_its_english_name(client):
    from django.utils import translation

    with translation.override("fr"):
        StateFactory(country="ES", name="Spain", aliases="")
    assert "spain" in client.get("/signatories/", {"q": "spain"}).text.lower()


def test_a_supporter_page_in_french_translates_everything_but_the_quoted_sources(client):
    state = StateFactory(
        country="JP",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    CitationFactory(signatory=state, passage="Japan supports the Paris Call.")
    text = client.get("/fr/signatories/japan/").text
    assert "<h1>Japon</h1>" in text  # the state's French name, its country's
    assert "<h1>Japan</h1>" in client.get("/signatories/japan/").text
    assert "Asie de l’Est" in text
    assert "au plus tard en janvier 2019" in text
    assert '<blockquote lang="en"' in text
    assert "Japan supports the Paris Call." in text


def test_a_principle_in_french_shows_its_official_french_text_and_offers_the_english(client):
    PrincipleFactory(
        number=3, title="Defend electoral processes", title_fr="Défendre les processus électoraux"
    )
    text = client.get("/fr/principles/3/").text
    assert "<h1>Défendre les processus électoraux</h1>" in text
    assert "<summary>Texte officiel en anglais</summary>" in text
    assert '<div lang="en">' in text
    assert "Defend electoral processes" in text
    english = client.get("/principles/3/").text
    assert "<h1>Defend electoral processes</h1>" in english
    assert '<div lang="fr">' in english


def test_staff_whose_browser_asks_for_french_get_the_admin_in_french(client):
    client.force_login(EditorFactory())
    response = client.get("/admin/signatories/signatory/", headers=FRENCH_BROWSER)
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]
    assert "Déconnexion" in response.text  # Django's own catalogue
    assert "site du personnel" in response.text  # the staff site's title, in French
    assert "Soutiens" in response.text  # this project's labels
    assert "Importer des soutiens" in response.text
    english = client.get("/admin/signatories/signatory/", headers={"accept-language": "en"})
    assert "staff site" in english.text


def test_the_french_feed_is_in_french(client, directory):
    text = client.get("/fr/changes.atom").content.decode()
    assert 'xml:lang="fr"' in text
    assert "adhésions, retraits et corrections" in text
    english = client.get("/changes.atom").content.decode()
    assert 'xml:lang="en"' in english
