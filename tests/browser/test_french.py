"""The site in French, in Chromium: language, switch, accessibility, keyboard, 360 px, and
no English left in the interface."""

import gettext
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible_and_fits, new_page, query_of, tab_to

pytestmark = pytest.mark.browser

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.mo"

# Every public page, as its English address; the French one is /fr/ + the same.
PAGES = [
    "/",
    "/signatories/",
    "/signatories/?type=state&region=europe",
    "/signatories/?q=union&sort=-since",
    "/signatories/?type=government&since=soon",
    "/signatories/japan/",
    "/signatories/european-union/",
    "/principles/",
    "/principles/3/",
    "/changes/",
    "/countries/",
    "/countries/fr/",
    "/about/",
    "/embed/counters/",
    "/nowhere/",
]

# The visible text of the page, and its labels for assistive technology, except what is
# marked as English (quoted sources, the link to the English page).
VISIBLE_TEXT = """() => {
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const owner = node.parentElement.closest("[lang]");
        if (owner && owner.lang !== "fr") continue;
        if (node.parentElement.closest("script, style")) continue;
        texts.push(node.textContent);
    }
    for (const element of document.querySelectorAll("[aria-label], [data-label]")) {
        texts.push(element.getAttribute("aria-label") || element.getAttribute("data-label"));
    }
    return texts.map((text) => text.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""


def _english_interface_strings() -> tuple[set[str], list[str]]:
    """The catalogue's English messages that French changes: whole strings, and the longer
    pieces around their placeholders."""
    with CATALOGUE.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog
    whole, pieces = set(), []
    for key, french in catalogue.items():
        english = key[0] if isinstance(key, tuple) else key
        english = english.split("\x04")[-1]  # without its context
        if not english or english == french:
            continue
        parts = [part.strip() for part in re.split(r"%\(\w+\)[sd]", english)]
        if len(parts) == 1:
            whole.add(parts[0])
        pieces.extend(part for part in parts if len(part) >= 12)
    return whole, pieces


ENGLISH_WHOLE, ENGLISH_PIECES = _english_interface_strings()


@pytest.fixture
def french_page(browser, live_server, directory):
    page = new_page(browser, live_server)
    yield page
    page.context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_every_french_page_is_french_accessible_and_fits(browser, live_server, directory, width):
    page = new_page(browser, live_server, width=width)
    for path in PAGES:
        assert_accessible_and_fits(page, "/fr" + path)
        assert page.evaluate("document.documentElement.lang") == "fr", path
    page.context.close()


def test_no_french_page_shows_an_english_interface_string(french_page):
    page = french_page
    assert {"Supporters", "Country", "Back to the list"} <= ENGLISH_WHOLE
    for path in PAGES:
        page.goto("/fr" + path)
        for text in page.evaluate(VISIBLE_TEXT):
            assert text not in ENGLISH_WHOLE, f"/fr{path} shows “{text}”"
            found = [piece for piece in ENGLISH_PIECES if piece in text]
            assert not found, f"/fr{path} shows “{found[0]}” in “{text}”"


def test_the_language_switch_keeps_the_filters_and_the_page(french_page):
    page = french_page
    page.goto("/signatories/?type=private-sector&region=europe&sort=-name&page=2")
    page.get_by_role("link", name="Français").click()
    assert urlparse(page.url).path == "/fr/signatories/"
    assert query_of(page) == {
        "type": ["private-sector"],
        "region": ["europe"],
        "sort": ["-name"],
        "page": ["2"],
    }
    expect(page.get_by_label("Entreprise / secteur privé")).to_be_checked()
    expect(page.locator(".pagination [aria-current=page]")).to_have_text(
        re.compile(r"Page 2 sur \d+")
    )
    page.get_by_role("link", name="English").click()
    assert urlparse(page.url).path == "/signatories/"
    assert query_of(page)["page"] == ["2"]
    expect(page.get_by_label("Company / private sector")).to_be_checked()


def test_filtering_and_opening_a_supporter_in_french_by_keyboard(french_page):
    page = french_page
    page.goto("/fr/signatories/")

    tab_to(page, "#id_q")
    page.keyboard.type("japon")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=japon"))
    expect(page.get_by_role("heading", name="1 soutien")).to_be_visible()
    tab_to(page, "a[href^='/fr/signatories/japan/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Japan")
    expect(page.locator(".facts")).to_contain_text("Japon")
    tab_to(page, ".language-switch a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r":\d+/signatories/japan/\?q=japon"))
    assert page.evaluate("document.documentElement.lang") == "en"
