"""Headless Debian Chromium driven by Playwright against the live test server."""

import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.factories import SignatoryFactory

# Playwright's sync API runs an event loop in this thread; the test's own database calls
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def live_server():
    """The live server, serving the collected static files as production does.

    pytest-django's own serves static files from the app directories by their plain
    names, which the hashed names of the production storage are not.
    """
    from django.test.testcases import _StaticFilesHandler
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _StaticFilesHandler
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'apt-get install chromium'.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def directory(transactional_db, settings):
    """The seeded fixtures and enough companies to need several pages."""
    call_command("loaddata", *sorted(str(path) for path in FIXTURES.glob("*.json")), verbosity=0)
    SignatoryFactory.create_batch(30, type="private-sector", country="FR", kind="company")
    settings.SIGNATORIES_PER_PAGE = 10


def new_page(browser, live_server, *, javascript=True, width=1280, color_scheme="light"):
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=javascript,
        viewport={"width": width, "height": 900},
        color_scheme=color_scheme,
    )
    context.set_default_timeout(10_000)
    return context.new_page()


def assert_accessible_and_fits(page, path: str) -> None:
    """Open `path`: no axe-core violation (WCAG 2.1 AA), and no sideways scroll at the
    page's width."""
    page.goto(path)
    results = Axe().run(page)
    assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    width = page.viewport_size["width"]
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def tab_to(page, selector: str) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def query_of(page) -> dict[str, list[str]]:
    """The page's query parameters, each with its list of values."""
    return parse_qs(urlparse(page.url).query)


@pytest.fixture
def page(browser, live_server, directory):
    page = new_page(browser, live_server)
    yield page
    page.context.close()
