"""The scale-out test's site: a database of its own on the pass's PostgreSQL cluster, two
gunicorn servers with the README's Deploy settings and nginx in front, started and stopped;
and a page's form fields read as a browser submits them."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import uuid
from html.parser import HTMLParser
from pathlib import Path

import dj_database_url
import psycopg2
import pytest
import requests

from tests.servers import free_port

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "scripts" / "scale" / "nginx.conf"
FIXTURES = sorted(str(path) for path in (PROJECT / "fixtures").glob("*.json"))
STAFF = ("scale-editor", "a-long-password-for-the-scale-test")
# Requests to the app servers directly carry what the proxy would add.
BEHIND_THE_PROXY = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


def new_database(url: str) -> str:
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
        _certificate(run)
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


def _certificate(run: Path) -> None:
    """A throwaway self-signed certificate for localhost, in `run`."""
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


def form_fields(html: str) -> dict:
    """The change form's fields as a browser submits them, saved with "Save"."""
    parser = _FormFields("signatory_form")
    parser.feed(html)
    fields: dict[str, object] = {}
    for name, value in parser.fields:
        fields.setdefault(name, []).append(value)
    fields = {name: values[0] if len(values) == 1 else values for name, values in fields.items()}
    fields["_save"] = "Save"
    return fields
