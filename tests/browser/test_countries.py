"""The world map in the browser: visible, named, clickable, accessible, at any width."""

import re

import pytest
from playwright.sync_api import expect

from signatories.models import Signatory
from tests.browser.conftest import assert_accessible_and_fits, new_page

pytestmark = pytest.mark.browser


@pytest.fixture
def visitor(browser, live_server, directory):
    # The site ships no script (tests/pariscall/test_no_javascript.py): a visitor without
    # JavaScript sees what everyone sees, so that is the one run.
    page = new_page(browser, live_server, javascript=False)
    yield page
    page.context.close()


def _states() -> list[Signatory]:
    return list(Signatory.objects.states().filter(status="current"))


def test_every_supporting_state_has_a_visible_named_shape_or_marker(visitor):
    page = visitor
    page.goto("/countries/")
    states = _states()
    assert len(states) > 30
    for state in states:
        link = page.locator(f'.world-map a[href="/countries/{state.country.code.lower()}/"]')
        expect(link).to_have_count(1)
        name = re.compile(rf"^{re.escape(state.country.name)}: state supporter, \d+ supporters?$")
        expect(link).to_have_accessible_name(name)
        box = link.bounding_box()
        assert box is not None, state.country.name
        # At least a few pixels across: a marker when the outline alone would be a speck.
        assert box["width"] >= 4, state.country.name
        assert box["height"] >= 4, state.country.name


def test_clicking_a_country_on_the_map_opens_its_page(visitor):
    page = visitor
    page.goto("/countries/")
    # Germany: one outline, whose middle is German land (France's takes in French Guiana).
    page.locator('.world-map a[href="/countries/de/"] path').click()
    expect(page).to_have_url(re.compile(r"/countries/de/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Germany")
    expect(
        page.get_by_text("Germany supports the Call as a state; it had joined by")
    ).to_be_visible()
    # The country is outlined on its own page's map.
    expect(page.locator('.world-map a[aria-current="page"]')).to_have_attribute(
        "href", "/countries/de/"
    )


def test_a_small_state_s_marker_opens_its_page(visitor):
    page = visitor
    page.goto("/")
    page.locator('.world-map a[href="/countries/sg/"] circle').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Singapore")


def test_the_table_sorts_and_filters_through_links_and_the_form(visitor):
    page = visitor
    page.goto("/countries/")
    page.get_by_role("link", name="All supporters").click()
    assert "sort=-count" in page.url
    first = page.locator("table.countries tbody tr").first.locator("th")
    expect(first).to_have_text("France")  # the fixtures' companies are French
    page.get_by_label("Africa").check()
    page.get_by_role("button", name="Show countries").click()
    expect(page.get_by_role("heading", name="0 countries with supporters")).to_be_visible()
    expect(page.get_by_text("No country has a supporter matching these filters.")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 360])
def test_no_accessibility_violation_and_nothing_scrolls_sideways(
    browser, live_server, directory, width
):
    page = new_page(browser, live_server, width=width)
    for path in ("/countries/", "/countries/fr/", "/countries/td/", "/countries/?type=nope", "/"):
        assert_accessible_and_fits(page, path)
    page.context.close()


def test_the_map_scales_down_to_a_narrow_screen(browser, live_server, directory):
    page = new_page(browser, live_server, width=360)
    page.goto("/countries/")
    box = page.locator(".world-map svg").bounding_box()
    assert box is not None
    assert box["width"] <= 360
    assert box["height"] > 100
    page.context.close()
