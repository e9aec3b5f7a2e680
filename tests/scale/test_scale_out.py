"""Two app servers behind a real reverse proxy, on PostgreSQL and Redis, as deployed.

The servers are gunicorn with the README's Deploy settings (debug off, one proxy in front,
a shared Redis cache), each on its own port; in front, Debian's nginx with
`scripts/scale/nginx.conf` (the file docs/deploy.md shows), over TLS with a throwaway
certificate. They share a database of their own on the pass's PostgreSQL cluster.

Shown here: a change saved through one server is on the other's pages at once; a server
stopped under load loses no request once the proxy has noticed; the proxy refuses a body
larger than the site takes, and rate-limits log-ins.
"""

import os
import re
import threading
import time
import uuid

import pytest
import requests

from tests.scale.cluster import BEHIND_THE_PROXY, STAFF, Site, form_fields, new_database
from tests.servers import RedisServer

pytestmark = pytest.mark.postgresql


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.fail("The scale-out test needs PostgreSQL: it runs in the PostgreSQL pass.")
    folder = tmp_path_factory.mktemp("scale")
    redis_server = RedisServer(folder)
    redis_server.start()
    running = Site(folder, new_database(url), redis_server.url)
    try:
        running.prepare()
        running.start_server("a")
        running.start_server("b")
        running.start_proxy()
        yield running
    finally:
        running.stop()
        redis_server.stop()


def _logged_in(site: Site) -> requests.Session:
    """A staff member's browser, logged in to the admin through the proxy."""
    browser = requests.Session()
    browser.trust_env = False  # no CA bundle from the environment: the site's own certificate
    browser.verify = site.certificate
    form = browser.get(site.url("/admin/login/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    answer = browser.post(
        site.url("/admin/login/?next=/admin/"),
        data={"csrfmiddlewaretoken": token, "username": STAFF[0], "password": STAFF[1]},
        headers={"Referer": site.url("/admin/login/")},
        allow_redirects=False,
    )
    assert answer.status_code == 302, re.sub(r"\s+", " ", answer.text)[:2000]
    browser.headers["Referer"] = site.url("/admin/")
    return browser


def _statement_on(site: Site, server: str) -> str:
    page = requests.get(
        f"{site.server_url(server)}/signatories/microsoft/", headers=BEHIND_THE_PROXY, timeout=10
    )
    assert page.status_code == 200
    return page.text


def test_a_change_saved_through_one_server_is_on_the_other_s_pages_at_once(site):
    # Both servers have the page (and its counts) cached from here on.
    for server in ("a", "b"):
        assert "Saved through the proxy" not in _statement_on(site, server)
    statement = f"Saved through the proxy, {uuid.uuid4().hex[:8]}."
    editor = _logged_in(site)
    found = editor.get(site.url("/admin/signatories/signatory/"), params={"q": "Microsoft"})
    change = re.search(r'href="(/admin/signatories/signatory/\d+/change/)[^"]*"', found.text)
    form_page = editor.get(site.url(change.group(1)))
    fields = form_fields(form_page.text)
    fields["statement"] = statement
    saved = editor.post(site.url(change.group(1)), data=fields, allow_redirects=False)
    assert saved.status_code == 302, re.findall(
        r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text
    )
    # Whichever server saved it, the other shows it too, at once.
    for server in ("a", "b"):
        assert statement in _statement_on(site, server), server


def test_stopping_one_server_under_load_loses_no_request_once_the_proxy_noticed(site):
    statuses: list[tuple[float, int]] = []
    stop = threading.Event()

    def reader() -> None:
        session = requests.Session()
        session.trust_env = False
        paths = ["/", "/signatories/", "/signatories/?type=state", "/countries/", "/changes/"]
        number = 0
        while not stop.is_set() and number < 2_000:  # bounded, whatever happens
            path = paths[number % len(paths)]
            number += 1
            try:
                status = session.get(
                    site.url(path), verify=site.certificate, timeout=10
                ).status_code
            except requests.RequestException:
                status = 0
            statuses.append((time.monotonic(), status))

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for thread in readers:
        thread.start()
    time.sleep(2)
    stopped_at = time.monotonic()
    site.stop_server("b")
    time.sleep(4)
    stop.set()
    for thread in readers:
        thread.join(timeout=30)
    before = [status for at, status in statuses if at < stopped_at]
    after = [status for at, status in statuses if at >= stopped_at]
    failed = [status for status in after if status != 200]
    print(f"{len(before)} requests before the stop, {len(after)} after, {len(failed)} failed")
    assert before
    assert set(before) == {200}
    assert len(after) > 20
    assert failed == [], f"{len(failed)} of {len(after)} requests failed after the stop"
    site.start_server("b")


def test_the_proxy_refuses_a_body_larger_than_the_site_takes(site):
    too_large = b"x" * (7 * 1024 * 1024)
    answer = requests.post(
        site.url("/admin/login/"), data=too_large, verify=site.certificate, timeout=30
    )
    assert answer.status_code == 413


def test_the_proxy_rate_limits_log_ins_from_one_address(site):
    statuses = [
        requests.post(
            site.url("/admin/login/"),
            data={"username": "x", "password": "y"},
            verify=site.certificate,
        ).status_code
        for _attempt in range(12)
    ]
    assert 429 in statuses
    # Pages other than the log-in are not limited.
    assert all(
        requests.get(site.url("/signatories/"), verify=site.certificate).status_code == 200
        for _attempt in range(12)
    )
