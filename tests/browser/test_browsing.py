"""What a person does in the browser: filter, paginate, search, open, remove, by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible_and_fits, new_page, query_of, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def visitor(browser, live_server, directory):
    # The site ships no script (tests/pariscall/test_no_javascript.py): a visitor without
    # JavaScript sees what everyone sees, so that is the one run.
    page = new_page(browser, live_server, javascript=False)
    yield page
    page.context.close()


def test_filter_paginate_open_and_come_back(visitor):
    page = visitor
    page.goto("/signatories/")
    page.get_by_label("Company / private sector").check()
    page.get_by_label("Europe").check()
    page.get_by_role("button", name="Show supporters").click()
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ supporters$"))).to_be_visible()
    assert query_of(page)["type"] == ["private-sector"]
    assert query_of(page)["region"] == ["europe"]
    rows = page.locator("table.supporters tbody tr")
    expect(rows).to_have_count(10)
    for cell in page.locator("table.supporters tbody td:nth-child(2)").all_inner_texts():
        assert "Company / private sector" in cell

    page.get_by_role("link", name="Next").click()
    assert query_of(page)["page"] == ["2"]
    assert query_of(page)["type"] == ["private-sector"]
    assert query_of(page)["region"] == ["europe"]
    expect(page.locator(".pagination [aria-current=page]")).to_have_text(
        re.compile(r"Page 2 of \d+")
    )

    first = page.locator("table.supporters tbody th a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.get_by_role("link", name="Back to the list").click()
    assert query_of(page)["page"] == ["2"]
    assert query_of(page)["region"] == ["europe"]


def test_search_finds_a_state_by_its_french_name(visitor):
    page = visitor
    page.goto("/signatories/")
    page.get_by_label("Search by name").fill("royaume-uni")
    page.get_by_label("Search by name").press("Enter")
    assert query_of(page)["q"] == ["royaume-uni"]
    expect(page.locator("table.supporters tbody th a")).to_have_text(["United Kingdom"])
    page.get_by_role("link", name="United Kingdom").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("United Kingdom")
    expect(page.get_by_text("Royaume-Uni").first).to_be_visible()


def test_removing_one_filter_keeps_the_others(visitor):
    page = visitor
    page.goto("/signatories/?type=state&region=europe&region=asia&page=2")
    page.get_by_role("link", name=re.compile(r"^Asia\W+remove this filter")).click()
    assert query_of(page) == {"type": ["state"], "region": ["europe"]}
    expect(page.get_by_label("Asia")).not_to_be_checked()
    expect(page.get_by_label("Europe")).to_be_checked()
    page.get_by_role("link", name="Clear all filters").click()
    assert query_of(page) == {}


def test_a_bad_filter_shows_what_was_wrong(visitor):
    page = visitor
    response = page.goto("/signatories/?type=government")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("“government” is not a valid type")


def test_the_filters_and_search_work_with_the_keyboard_alone(page):
    page.goto("/signatories/")

    tab_to(page, "#id_q")
    page.keyboard.type("korea")
    tab_to(page, "#type-state")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"type=state"))
    assert query_of(page)["q"] == ["korea"]
    expect(page.locator("table.supporters tbody th a")).to_have_text(["South Korea"])
    tab_to(page, "a[href^='/signatories/south-korea/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("South Korea")


def test_the_skip_link_is_the_first_stop_and_shows_when_focused(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()


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
    "/nowhere/",
    "/signatories/?page=99",
]


@pytest.mark.parametrize("width", [1280, 360])
def test_no_accessibility_violation_and_nothing_scrolls_sideways(
    browser, live_server, directory, width
):
    page = new_page(browser, live_server, width=width)
    for path in PAGES:
        assert_accessible_and_fits(page, path)
    page.context.close()


def test_pages_load_their_stylesheet_and_nothing_fails_or_is_blocked(
    browser, live_server, directory
):
    page = new_page(browser, live_server)
    problems = []
    # A request cut short by the next navigation (net::ERR_ABORTED) is not a failure.
    page.on(
        "requestfailed",
        lambda request: (
            request.failure != "net::ERR_ABORTED"
            and problems.append(f"{request.url} {request.failure}")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and problems.append(response.url)
        ),
    )
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and problems.append(message.text),
    )
    for path in PAGES:
        page.goto(path)
        # The stylesheet applied: the body's default margin is gone.
        assert page.evaluate("getComputedStyle(document.body).margin") == "0px", path
    assert problems == []
    page.context.close()
