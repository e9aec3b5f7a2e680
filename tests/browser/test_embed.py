"""Other sites frame the counters and nothing else; linked data never runs as a script."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from signatories.models import Signatory
from tests.browser.conftest import assert_accessible_and_fits, new_page
from tests.factories import SignatoryFactory

pytestmark = pytest.mark.browser

HOSTILE = "</script><script>alert(1)</script>"
# A page on another origin (another server, on another port) that frames two of the
# directory's pages.
HOST_PAGE = """<!DOCTYPE html><html lang="en"><head><title>A newsroom</title></head><body>
<iframe id="counters" title="Counters" src="{base}/embed/counters/?theme=dark"
        width="300" height="300"></iframe>
<iframe id="list" title="List" src="{base}/signatories/" width="300" height="300"></iframe>
</body></html>"""


@pytest.fixture
def other_site(live_server):
    """The address of a page served from another origin that frames the directory."""
    body = HOST_PAGE.format(base=live_server.url).encode()

    class HostPage(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), HostPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_another_site_shows_the_counters_in_a_frame_but_not_the_list(
    browser, live_server, directory, other_site
):
    page = new_page(browser, live_server)
    refused = []
    page.on("console", lambda message: "frame-ancestors" in message.text and refused.append(1))
    page.goto(other_site)
    counters = page.frame_locator("#counters")
    expect(counters.locator(".counter__label").first).to_have_text("States")
    numbers = counters.locator(".counter__number").all_inner_texts()
    states = Signatory.objects.filter(type="state").count()
    assert numbers[0] == str(states)
    assert len(numbers) == 4
    expect(counters.locator(".counters__total")).to_contain_text("supporters in all")
    # The list refused to be framed: the browser shows its own error page instead.
    page.wait_for_timeout(500)
    list_frame = page.locator("#list").element_handle().content_frame()
    assert list_frame.url.startswith("chrome-error://")
    assert list_frame.locator("form").count() == 0
    assert refused, "the browser did not report the list's refusal to be framed"
    page.context.close()


def test_a_hostile_name_runs_nothing_and_the_policy_still_forbids_inline_scripts(
    browser, live_server, directory
):
    supporter = SignatoryFactory(name=HOSTILE, slug="hostile", website="https://example.org")
    page = new_page(browser, live_server)
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(1),
    )
    response = page.goto(supporter.get_absolute_url())
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    expect(page.locator("h1")).to_have_text(HOSTILE)
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    assert [json.loads(block)["name"] for block in blocks] == [HOSTILE]
    assert page.locator("script:not([type])").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    assert violations == []
    page.context.close()


@pytest.mark.parametrize(
    ("path", "width"),
    [
        ("/embed/counters/", 300),
        ("/embed/counters/?theme=dark", 300),
        ("/embed/counters/?type=civil-society", 300),
        ("/about/", 360),
    ],
)
def test_the_counters_and_the_about_page_are_accessible_and_fit_small_screens(
    browser, live_server, directory, path, width
):
    page = new_page(browser, live_server, width=width)
    assert_accessible_and_fits(page, path)
    page.context.close()
