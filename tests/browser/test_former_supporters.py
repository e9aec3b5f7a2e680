"""A supporter that left the official list, as a reader meets it in the browser."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page
from tests.factories import SignatoryFactory, SourceFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def reader(browser, live_server, transactional_db):
    SignatoryFactory(name="Still Here Ltd", slug="still-here-ltd", type="private-sector")
    SignatoryFactory(
        name="Gone Ltd",
        slug="gone-ltd",
        type="private-sector",
        status="former",
        left_on=datetime.date(2025, 12, 25),
        left_source=SourceFactory(title="Official supporters list, 25 December 2025"),
    )
    page = new_page(browser, live_server)
    yield page
    page.context.close()


def test_a_former_supporter_s_page_says_it_left_and_when(reader):
    reader.goto("/signatories/gone-ltd/")
    departure = reader.locator("p.departure")
    expect(departure).to_contain_text("A former supporter.")
    expect(departure).to_contain_text("no longer has it from 25 December 2025")
    expect(departure).to_contain_text("Official supporters list, 25 December 2025")


def test_the_list_hides_former_supporters_unless_asked_for_them(reader):
    reader.goto("/signatories/")
    expect(reader.get_by_role("link", name="Still Here Ltd")).to_be_visible()
    expect(reader.get_by_role("link", name="Gone Ltd")).to_have_count(0)
    reader.goto("/signatories/?status=former")
    expect(reader.get_by_role("link", name="Gone Ltd")).to_be_visible()
    expect(reader.get_by_role("link", name="Still Here Ltd")).to_have_count(0)
