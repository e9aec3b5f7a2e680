"""On a phone, a search's results come first and the filters stay one tap away, with no
script (the site ships none); on a desktop the filters stay in view beside the results."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser, live_server, directory):
    page = new_page(browser, live_server, javascript=False, width=360)
    yield page
    page.context.close()


def test_after_a_search_on_a_phone_the_first_result_is_on_the_first_screen(phone):
    phone.goto("/signatories/")
    phone.get_by_label("Search by name").fill("Microsoft")
    phone.get_by_label("Search by name").press("Enter")
    first = phone.locator("table.supporters tbody tr").first
    expect(first).to_contain_text("Microsoft")
    box = first.bounding_box()
    assert box["y"] + phone.evaluate("window.scrollY") < 800, f"first result at {box['y']}px"
    expect(first).to_be_in_viewport()


def test_the_closed_filters_say_how_many_apply_and_open_with_one_tap(phone):
    phone.goto("/signatories/?q=microsoft&type=private-sector&region=americas")
    summary = phone.locator("details.filters-disclosure > summary")
    expect(summary).to_have_text("Filters (3 active)")
    search = phone.get_by_label("Search by name")
    expect(search).to_be_hidden()
    summary.click()
    expect(search).to_be_visible()
    expect(search).to_have_value("microsoft")
    expect(phone.get_by_label("Company / private sector")).to_be_checked()


def test_in_french_the_count_is_french(browser, live_server, directory):
    page = new_page(browser, live_server, javascript=False, width=360)
    page.goto("/fr/signatories/?q=microsoft")
    expect(page.locator("details.filters-disclosure > summary")).to_have_text("Filtres (1 actif)")
    page.goto("/fr/signatories/?type=state&region=europe")
    expect(page.locator("details.filters-disclosure > summary")).to_have_text("Filtres (2 actifs)")
    page.context.close()


def test_with_no_filter_a_phone_shows_the_form_open(phone):
    phone.goto("/signatories/")
    expect(phone.get_by_label("Search by name")).to_be_visible()
    expect(phone.get_by_role("link", name="Skip the filters to the results")).to_be_visible()


def test_on_a_desktop_the_filters_stay_beside_the_results_after_a_search(
    browser, live_server, directory
):
    page = new_page(browser, live_server, javascript=False, width=1280)
    page.goto("/signatories/?q=microsoft&type=private-sector")
    search = page.get_by_label("Search by name")
    expect(search).to_be_visible()
    expect(search).to_have_value("microsoft")
    expect(page.locator("details.filters-disclosure > summary")).to_be_hidden()
    results = page.locator("table.supporters").bounding_box()
    form = page.locator("form.filters").bounding_box()
    assert form["x"] + form["width"] <= results["x"], "the form is beside the results"
    page.context.close()


def test_the_pages_are_set_in_the_site_s_own_typeface(browser, live_server, directory):
    page = new_page(browser, live_server)
    page.goto("/fr/signatories/")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    )
    assert '"Source Sans 3" 400' in loaded or "Source Sans 3 400" in loaded, loaded
    page.context.close()
