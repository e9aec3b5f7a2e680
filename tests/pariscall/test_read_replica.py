"""A real streaming replica: visitors' pages are read from it, staff read their own writes.

A PostgreSQL primary and a hot standby copied from it with `pg_basebackup -R`
(scripts/prerequisites.sh), both in a temp dir of their own; gunicorn (gthread workers)
runs with production settings, `DATABASE_URL` on the primary and `DATABASE_REPLICA_URL` on
the standby. With the standby's replay paused, a supporter deleted in the admin is gone
from staff's pages and exports and still on a visitor's: the visitor's came from the
standby.
Every write (migrate, the fixtures, log-in, the deletion, log-out) succeeds although the
standby would refuse any.
"""

import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg2
import pytest
import requests

from tests.servers import free_port

pytestmark = pytest.mark.postgresql

PROJECT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(str(path) for path in (PROJECT / "fixtures").glob("*.json"))
STAFF = ("replica-editor", "a-long-password-for-the-replica-test")
# What the reverse proxy would add: production settings redirect plain HTTP to HTTPS.
BEHIND_THE_PROXY = {"X-Forwarded-Proto": "https"}
AUSTRIA = "/signatories/austria/"


def _sql(url: str, query: str):
    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(query)
            return cursor.fetchone() if cursor.description else None
    finally:
        connection.close()


@pytest.fixture(scope="module")
def clusters():
    """The primary's URL and its standby's; both stop when the shell's input closes."""
    shell = subprocess.Popen(
        [
            "bash",
            "-c",
            "set -euo pipefail; source scripts/prerequisites.sh; bin=$(require_postgresql);"
            ' start_postgresql "$bin" 54360; start_postgresql_standby "$bin" 54361;'
            ' echo "$PG_URL"; echo "$PG_STANDBY_URL"; read -r _ || true',
        ],
        cwd=PROJECT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    primary, standby = shell.stdout.readline().strip(), shell.stdout.readline().strip()
    try:
        if not standby:
            pytest.fail("The primary and its standby did not start (see the output above).")
        yield primary, standby
    finally:
        shell.stdin.close()
        shell.wait(timeout=60)


@pytest.fixture(scope="module")
def site(clusters, tmp_path_factory):
    """gunicorn on both databases, the fixtures loaded through it; its address."""
    folder = tmp_path_factory.mktemp("replica-site")
    environment = _environment(*clusters, folder)
    setup = (
        "import django; django.setup(); from django.core.management import call_command;"
        "call_command('migrate', verbosity=0);"
        f"call_command('loaddata', *{FIXTURES}, verbosity=0);"
        "call_command('createsuperuser', interactive=False, verbosity=0)"
    )
    subprocess.run(
        [sys.executable, "-c", setup],
        cwd=PROJECT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "pariscall.settings"},
        check=True,
        timeout=120,
    )
    port = free_port()
    log = folder / "gunicorn.log"
    server = _gunicorn(port, folder, environment, log)
    address = f"http://127.0.0.1:{port}"
    try:
        _wait_for(address, log)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()


def _environment(primary: str, standby: str, folder: Path) -> dict:
    """Production settings, `DATABASE_URL` on the primary, the replica's on the standby."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_URL"))
    }
    environment.update(
        DJANGO_DEBUG="False",
        DJANGO_SECRET_KEY="a-test-only-secret-key-for-the-read-replica-test-" + "x" * 20,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_EXPORT_CACHE_DIR=str(folder / "exports"),
        DATABASE_URL=primary,
        DATABASE_REPLICA_URL=standby,
        DJANGO_SUPERUSER_USERNAME=STAFF[0],
        DJANGO_SUPERUSER_PASSWORD=STAFF[1],
        DJANGO_SUPERUSER_EMAIL="editor@example.org",
    )
    return environment


def _gunicorn(port: int, folder: Path, environment: dict, log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "pariscall.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--control-socket",
                str(folder / "gunicorn.ctl"),
            ],
            cwd=PROJECT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _wait_for(address: str, log: Path) -> None:
    for _attempt in range(200):
        try:
            requests.get(address + "/", headers=BEHIND_THE_PROXY, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    pytest.fail(f"gunicorn did not start:\n{log.read_text()}")


class _Browser:
    """Keeps its cookies itself: they are Secure, and the test speaks HTTP to gunicorn."""

    def __init__(self, address: str):
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **data) -> requests.Response:
        response = requests.request(
            method,
            self.address + path,
            data=data or None,
            headers={**BEHIND_THE_PROXY, "Origin": "https://" + self.address.split("//")[1]},
            cookies=self.cookies,
            allow_redirects=False,
            timeout=20,
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        assert response.status_code < 500, response.text
        return response

    def post_form(self, path: str, form_at: str = "", **data) -> requests.Response:
        """Posts as the form on `form_at` (default: `path`) would, with its CSRF token."""
        form = self.request("GET", form_at or path).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        return self.request("POST", path, csrfmiddlewaretoken=token, **data)

    def lists_austria(self) -> bool:
        return AUSTRIA in self.request("GET", "/signatories/").text

    def exports_austria(self) -> bool:
        """In the states' CSV, streamed row by row after the view has returned."""
        return "Austria" in self.request("GET", "/signatories.csv?type=state").text


def _pause(standby: str) -> None:
    """The standby's replay paused: stopped, not only asked to stop."""
    _sql(standby, "SELECT pg_wal_replay_pause()")
    for _attempt in range(100):
        if _sql(standby, "SELECT pg_get_wal_replay_pause_state()") == ("paused",):
            break
        time.sleep(0.1)
    assert _sql(standby, "SELECT pg_get_wal_replay_pause_state()") == ("paused",)


def _resume(primary: str, standby: str) -> None:
    """The standby's replay resumed, until it has caught up with the primary."""
    _sql(standby, "SELECT pg_wal_replay_resume()")
    for _attempt in range(100):
        if _caught_up(primary, standby):
            break
        time.sleep(0.1)


def _caught_up(primary: str, standby: str) -> bool:
    (written,) = _sql(primary, "SELECT pg_current_wal_lsn()")
    (replayed,) = _sql(standby, f"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn")
    return replayed


def test_visitors_read_the_replica_and_staff_read_their_own_writes(clusters, site):
    primary, standby = clusters
    visitor, staff = _Browser(site), _Browser(site)
    staff.post_form("/admin/login/", username=STAFF[0], password=STAFF[1])
    assert "sessionid" in staff.cookies
    assert visitor.lists_austria()
    assert staff.lists_austria()

    _pause(standby)
    (austria,) = _sql(primary, "SELECT id FROM signatories_signatory WHERE slug = 'austria'")
    deleted = staff.post_form(f"/admin/signatories/signatory/{austria}/delete/", post="yes")
    assert deleted.status_code == 302

    assert not staff.lists_austria()  # read from the primary: staff see their write
    assert staff.request("GET", AUSTRIA).status_code == 404
    assert visitor.lists_austria()  # read from the standby, paused before the write
    assert visitor.request("GET", AUSTRIA).status_code == 200
    assert visitor.exports_austria()
    assert not staff.exports_austria()
    # At once, on gunicorn's threads: each request keeps its own database.
    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = list(pool.map(_Browser.lists_austria, [visitor, staff] * 8))
    assert seen == [True, False] * 8

    # Logged out, the client that wrote still reads from the primary for a while.
    staff.post_form("/admin/logout/", form_at="/admin/")
    assert "sessionid" not in staff.cookies
    assert "recent_write" in staff.cookies
    assert not staff.lists_austria()

    _resume(primary, standby)
    assert not visitor.lists_austria()
    assert visitor.request("GET", AUSTRIA).status_code == 404
    assert not visitor.exports_austria()


def test_the_standby_would_refuse_any_write_sent_to_it(clusters, site):
    primary, standby = clusters
    assert _sql(standby, "SELECT pg_is_in_recovery()") == (True,)
    with pytest.raises(psycopg2.errors.ReadOnlySqlTransaction):
        _sql(standby, "UPDATE signatories_revision SET number = number + 1")
