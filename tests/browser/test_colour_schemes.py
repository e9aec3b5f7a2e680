"""Both colour schemes keep every page readable: no axe-core violation (contrast included)
in the light scheme or the dark one, at a desktop's width and a phone's."""

import pytest

from tests.browser.conftest import assert_accessible_and_fits, new_page

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/fr/",
    "/signatories/",
    "/signatories/?q=microsoft",
    "/fr/signatories/?type=state&region=europe",
]


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_and_list_have_no_violation_in_either_scheme(
    browser, live_server, directory, scheme, width
):
    page = new_page(browser, live_server, width=width, color_scheme=scheme)
    for path in PAGES:
        assert_accessible_and_fits(page, path)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
            scheme == "dark"
        )
    page.context.close()
