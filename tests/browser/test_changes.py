"""The changes page in the browser: readable, accessible, narrow screens, filters, the feed."""

import datetime
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from signatories.models import Signatory
from tests.browser.conftest import assert_accessible_and_fits, new_page

pytestmark = pytest.mark.browser

PAGES = ["/changes/", "/changes/?kind=corrected&kind=left", "/changes/?since=not-a-date"]


@pytest.fixture
def changes(directory):
    """The seeded directory, one supporter corrected and one that left."""
    microsoft = Signatory.objects.get(slug="microsoft")
    # Loading fixtures records no history: the first record (an import's, say) is the one
    # a later correction is compared with.
    microsoft.save()
    microsoft.website = "https://www.microsoft.com/en-us/"
    microsoft.statement = "A long statement in the supporter's own words, " * 6
    microsoft.save()
    left = Signatory.objects.filter(type="private-sector").exclude(pk=microsoft.pk).first()
    left.status, left.left_on = "former", datetime.date(2025, 12, 25)
    left.save()
    return {"corrected": microsoft, "left": left}


@pytest.mark.parametrize("width", [1280, 360])
def test_the_changes_page_has_no_accessibility_violation_and_does_not_scroll_sideways(
    browser, live_server, changes, width
):
    page = new_page(browser, live_server, width=width)
    for path in PAGES:
        assert_accessible_and_fits(page, path)
    page.goto("/changes/?kind=corrected&kind=left")
    page.screenshot(path=f"/tmp/changes-{width}.png", full_page=True)
    page.context.close()


def test_a_reader_filters_the_changes_and_finds_the_feed(browser, live_server, changes):
    page = new_page(browser, live_server, javascript=False)
    page.goto("/changes/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Who joined, who left, what was corrected"
    )
    page.get_by_label("Left", exact=True).check()
    page.get_by_label("Corrected", exact=True).check()
    page.get_by_label("From").fill("2025")
    page.get_by_role("button", name="Show changes").click()
    assert parse_qs(urlparse(page.url).query) == {
        "kind": ["left", "corrected"],
        "since": ["2025"],
    }
    expect(page.get_by_role("heading", name="Changes, newest first")).to_be_visible()
    entries = page.locator("ol.changes > li")
    expect(entries).to_have_count(2)
    # Newest first: the correction is recorded today, the departure dated 25 December 2025.
    expect(entries.nth(0)).to_contain_text("The directory corrected its record of Microsoft.")
    expect(entries.nth(0).locator("ins").first).to_have_text("https://www.microsoft.com/en-us/")
    expect(entries.nth(1)).to_contain_text(
        f"{changes['left'].name} is no longer on the official list of supporters."
    )

    entries.nth(0).get_by_role("link", name="Microsoft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Microsoft")

    page.go_back()
    feed = page.get_by_role("link", name=re.compile("feed reader"))
    assert feed.get_attribute("href") == "/changes.atom?kind=left&kind=corrected&since=2025"
    page.context.close()


def test_a_bad_date_says_what_to_enter(browser, live_server, changes):
    page = new_page(browser, live_server)
    response = page.goto("/changes/?since=25/12/2025")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text(
        "From: Enter a date as YYYY-MM-DD, YYYY-MM or YYYY, such as 2021-11-11."
    )
    expect(page.get_by_label("From")).to_have_attribute("aria-invalid", "true")
    page.context.close()
