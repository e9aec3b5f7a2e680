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
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from html.parser import HTMLParser
from pathlib import Path

import dj_database_url
import psycopg2
import pytest
import requests

from tests.servers import RedisServer, free_port

pytestmark = pytest.mark.postgresql

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "scripts" / "scale" / "nginx.conf"
FIXTURES = sorted(str(path) for path in (PROJECT / "fixtures").glob("*.json"))
STAFF = ("scale-editor", "a-long-password-for-the-scale-test")
# Requests to the app servers directly carry what the proxy would add.
BEHIND_THE_PROXY = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


def _database(url: str) -> str:
    """A new database on the pass's cluster, migrated and seeded; its URL."""
    config = dj_database_url.parse(url)
    name = f"scale_{uuid.uuid4().hex[:8]}"
    options = {key: value for key, value in config["OPTIONS"].items() if key in {"host", "port"}}
    connection = psycopg2.connect(
        dbname=config["NAME"],
        user=config["USER"],
        password=config["PASSWORD"] or None,
        host=config["HOST"] or options.get("host"),
        port=config["PORT"] or options.get("port"),
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


class Site:
    """The database, the cache, two gunicorn servers and nginx, started and stopped."""

    def __init__(self, folder: Path, database_url: str, cache_url: str):
        self.folder = folder
        self.ports = {"a": free_port(), "b": free_port(), "proxy": free_port()}
        self.environment = {
            **os.environ,
            "DJANGO_DEBUG": "False",
            "DJANGO_SECRET_KEY": "scale-test-secret-key-" + uuid.uuid4().hex,
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "DJANGO_PROXY_COUNT": "1",
            "DJANGO_EXPORT_CACHE_DIR": str(folder / "exports"),
        }
        self.servers: dict[str, subprocess.Popen] = {}
        self.certificate = str(folder / "nginx" / "cert.pem")
        self.proxy: subprocess.Popen | None = None

    def manage(self, *arguments: str) -> None:
        command = [sys.executable, "manage.py", *arguments]
        subprocess.run(command, cwd=PROJECT, env=self.environment, check=True, timeout=300)

    def prepare(self) -> None:
        (self.folder / "exports").mkdir()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("loaddata", *FIXTURES, "-v", "0")
        create = (
            "from django.contrib.auth.models import Group, User; "
            f"user = User.objects.create_user({STAFF[0]!r}, password={STAFF[1]!r}, "
            "is_staff=True); user.groups.add(Group.objects.get(name='Editors'))"
        )
        self.manage("shell", "-c", create)

    def start_server(self, name: str) -> None:
        log = (self.folder / f"gunicorn-{name}.log").open("w")
        self.servers[name] = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "pariscall.wsgi",
                "--bind",
                f"127.0.0.1:{self.ports[name]}",
                "--workers",
                "2",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--timeout",
                "300",
                "--graceful-timeout",
                "5",
                # One control socket per server (gunicorn's default path is per user).
                "--control-socket",
                str(self.folder / f"gunicorn-{name}.ctl"),
            ],
            cwd=PROJECT,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self._wait_for(self.server_url(name) + "/", headers=BEHIND_THE_PROXY)

    def start_proxy(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.path.exists(nginx):
            pytest.fail("nginx not found: run scripts/prerequisites.sh (installs nginx).")
        run = self.folder / "nginx"
        run.mkdir()
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                str(run / "key.pem"),
                "-out",
                str(run / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )
        config = CONFIG.read_text()
        for placeholder, value in {
            "@RUN@": str(run),
            "@LISTEN@": f"127.0.0.1:{self.ports['proxy']}",
            "@APP_A@": f"127.0.0.1:{self.ports['a']}",
            "@APP_B@": f"127.0.0.1:{self.ports['b']}",
        }.items():
            config = config.replace(placeholder, value)
        assert "@" not in re.sub(r"#.*", "", config), "a placeholder was left unfilled"
        (run / "nginx.conf").write_text(config)
        self.proxy = subprocess.Popen(
            [nginx, "-p", str(run), "-c", str(run / "nginx.conf"), "-g", "daemon off;"],
            stderr=subprocess.STDOUT,
            stdout=(run / "stdout.log").open("w"),
        )
        self._wait_for(self.url("/"))

    def url(self, path: str) -> str:
        return f"https://localhost:{self.ports['proxy']}{path}"

    def server_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def stop_server(self, name: str) -> None:
        process = self.servers.pop(name)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)

    def stop(self) -> None:
        for name in list(self.servers):
            self.servers[name].kill()
            self.servers.pop(name).wait(timeout=30)
        if self.proxy:
            # TERM: nginx's master stops its workers too (KILL would leave them behind).
            self.proxy.terminate()
            try:
                self.proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proxy.kill()
                self.proxy.wait(timeout=10)

    def _wait_for(self, url: str, headers: dict | None = None) -> None:
        for _attempt in range(200):
            try:
                answer = requests.get(url, headers=headers, verify=self.certificate, timeout=30)
                if answer.ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        pytest.fail(f"{url} did not answer; see the logs in {self.folder}")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.fail("The scale-out test needs PostgreSQL: it runs in the PostgreSQL pass.")
    folder = tmp_path_factory.mktemp("scale")
    redis_server = RedisServer(folder)
    redis_server.start()
    running = Site(folder, _database(url), redis_server.url)
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
    fields = _form_fields(form_page.text)
    fields["statement"] = statement
    saved = editor.post(site.url(change.group(1)), data=fields, allow_redirects=False)
    assert saved.status_code == 302, re.findall(
        r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text
    )
    # Whichever server saved it, the other shows it too, at once.
    for server in ("a", "b"):
        assert statement in _statement_on(site, server), server


class _FormFields(HTMLParser):
    """The fields of a page's form as a browser submits them: inputs (checked boxes and
    radios only), the chosen options of selects, textareas."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attributes:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            self.fields.append((name, attributes.get("value") or default))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.fields.append((self.select, attributes.get("value", "")))
        elif tag == "textarea":
            self.textarea = name
            self.fields.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data)


def _form_fields(html: str) -> dict:
    parser = _FormFields("signatory_form")
    parser.feed(html)
    fields: dict[str, object] = {}
    for name, value in parser.fields:
        fields.setdefault(name, []).append(value)
    fields = {name: values[0] if len(values) == 1 else values for name, values in fields.items()}
    fields["_save"] = "Save"
    return fields


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
