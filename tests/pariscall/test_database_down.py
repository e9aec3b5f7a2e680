"""A database that is down or stuck gives a 503 with Retry-After, never a 500 or a hang, and
the site answers again once the database does (docs/security.md)."""

import shlex
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError, close_old_connections, connection, connections

from pariscall.environment import database_config
from tests.factories import SignatoryFactory

# A PostgreSQL server to stop, lock or time out: these run in the PostgreSQL pass only.
postgresql_only = pytest.mark.postgresql


@pytest.fixture
def client(client):
    """As a browser sees it: what the server answers, not the exception behind it."""
    client.raise_request_exception = False
    return client


def _database_down(execute, sql, params, many, context):
    raise OperationalError("connection to server failed: Connection refused")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/signatories/", "The directory’s database is not answering just now."),
        ("/fr/signatories/", "La base de données de l’annuaire ne répond pas pour le moment."),
        ("/", "The directory is unavailable"),
    ],
)
def test_a_page_the_database_cannot_answer_is_a_503_in_its_language(client, path, text):
    with connection.execute_wrapper(_database_down):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.text
    assert f'<html lang="{"fr" if path.startswith("/fr/") else "en"}">' in response.text


@pytest.mark.django_db
def test_a_json_address_the_database_cannot_answer_is_a_503_in_json(client):
    acme = SignatoryFactory()
    with connection.execute_wrapper(_database_down):
        response = client.get(f"/signatories/{acme.slug}.json")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "error": "The directory's database is unavailable. Try again in a moment."
    }


@pytest.mark.django_db
def test_other_failures_are_still_the_500_page(client, monkeypatch):
    from signatories.directory import views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(views, "render", broken)
    acme = SignatoryFactory()
    response = client.get(acme.get_absolute_url())
    assert response.status_code == 500
    assert "Something went wrong" in response.text


def test_postgresql_connections_have_connect_and_statement_timeouts(monkeypatch):
    monkeypatch.setenv("DJANGO_DB_STATEMENT_TIMEOUT", "3")
    config = database_config("postgres://u@db:5432/pariscall")
    assert "statement_timeout=3000" in config["OPTIONS"]["options"]
    assert "lock_timeout=5000" in config["OPTIONS"]["options"]
    assert config["OPTIONS"]["connect_timeout"] == 5


@pytest.mark.parametrize("value", ["0", "ten", "-1", "1.5"])
@pytest.mark.parametrize(
    "name", ["DJANGO_DB_STATEMENT_TIMEOUT", "DJANGO_DB_CONNECT_TIMEOUT", "DJANGO_DB_LOCK_TIMEOUT"]
)
def test_a_bad_timeout_stops_start_up_naming_it(monkeypatch, name, value):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=name):
        database_config("postgres://u@db:5432/pariscall")


@pytest.fixture
def short_statement_timeout(monkeypatch):
    """This test's connection made again as settings make it with 1 s timeouts."""
    monkeypatch.setenv("DJANGO_DB_STATEMENT_TIMEOUT", "1")
    monkeypatch.setenv("DJANGO_DB_LOCK_TIMEOUT", "1")
    options = database_config("postgres://u@db/x")["OPTIONS"]["options"]
    original = connection.settings_dict["OPTIONS"].get("options")
    connection.close()
    connection.settings_dict["OPTIONS"]["options"] = options
    yield
    connection.close()
    connection.settings_dict["OPTIONS"]["options"] = original


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_stuck_database_gives_a_503_within_seconds(client, short_statement_timeout):
    SignatoryFactory()
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock():
        other = connections.create_connection("default")
        try:
            other.set_autocommit(False)
            with other.cursor() as cursor:
                cursor.execute("LOCK TABLE signatories_revision IN ACCESS EXCLUSIVE MODE")
                locked.set()
                release.wait(30)
            other.rollback()
        finally:
            other.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        response = client.get("/signatories/")
        waited = time.monotonic() - started
    finally:
        release.set()
        holder.join()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert waited < 5


def _pg_ctl(data: Path, *args: str) -> None:
    command = shlex.split((data / "postmaster.opts").read_text())
    pg_ctl = str(Path(command[0]).with_name("pg_ctl"))
    options = ["-o", shlex.join(command[1:])] if "start" in args else []
    run_as = ["runuser", "-u", "postgres", "--"] if data.stat().st_uid != 0 else []
    subprocess.run([*run_as, pg_ctl, "-D", str(data), "-w", *options, *args], check=True)


def _request(client, path: str):
    """A request as a server makes it: first, a connection that failed is closed
    (`close_old_connections` on `request_started`, which the test client turns off)."""
    close_old_connections()
    return client.get(path)


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_answers_again_once_the_database_is_back_without_a_restart(client):
    SignatoryFactory(name="Acme")
    assert _request(client, "/signatories/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        data = Path(cursor.fetchone()[0])
    _pg_ctl(data, "-m", "fast", "stop")
    try:
        response = _request(client, "/signatories/")
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
    finally:
        _pg_ctl(data, "-l", str(data.parent / "server.log"), "start")
    response = _request(client, "/signatories/")
    assert response.status_code == 200
    assert "Acme" in response.text
