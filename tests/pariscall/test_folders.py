"""The export and upload folders are the app user's alone; files in them are served only if
the app wrote them (docs/security.md: a folder taken over on a shared host)."""

import os

import pytest
from django.urls import reverse

from signatories.exports import files as export_files
from signatories.models.revision import current_revision
from tests.factories import SignatoryFactory
from tests.pariscall.test_settings import PRODUCTION, _manage

NOBODY = 65534
FOLDERS = ["DJANGO_EXPORT_CACHE_DIR", "DJANGO_IMPORT_UPLOAD_DIR"]


@pytest.mark.parametrize("variable", FOLDERS)
def test_start_up_refuses_a_folder_another_user_made_first(variable, tmp_path):
    folder = tmp_path / "taken"
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)
    result = _manage("check", **PRODUCTION, **{variable: str(folder)})
    assert result.returncode != 0
    assert f"{variable}: {folder} belongs to another user" in result.stderr


@pytest.mark.parametrize("variable", FOLDERS)
def test_start_up_refuses_a_folder_others_may_write_in(variable, tmp_path):
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    result = _manage("check", **PRODUCTION, **{variable: str(folder)})
    assert result.returncode != 0
    assert f"{variable}: {folder} may be written by other users" in result.stderr


@pytest.mark.parametrize("variable", FOLDERS)
def test_a_missing_folder_is_made_private(variable, tmp_path):
    folder = tmp_path / "new" / "folder"
    result = _manage("check", **PRODUCTION, **{variable: str(folder)})
    assert result.returncode == 0, result.stderr
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.fixture
def secret(tmp_path):
    secret = tmp_path / "db.sqlite3"
    secret.write_text("password hashes\n")
    return secret


def _planted(settings, make) -> None:
    settings.EXPORT_CACHE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    make(export_files.file_path("csv", current_revision()))


@pytest.mark.django_db
@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symbolic", "hard"])
def test_a_link_left_in_place_of_the_export_is_never_served(client, settings, secret, link):
    SignatoryFactory(name="Acme")
    _planted(settings, lambda path: link(secret, path))
    response = client.get(reverse("signatories:csv"))
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "password hashes" not in body
    assert "Acme" in body
    assert secret.read_text() == "password hashes\n"


@pytest.mark.django_db
def test_a_fifo_in_place_of_the_export_does_not_hang_the_request(client, settings):
    SignatoryFactory(name="Acme")
    _planted(settings, os.mkfifo)
    response = client.get(reverse("signatories:csv"))
    assert "Acme" in b"".join(response.streaming_content).decode()


@pytest.mark.django_db
def test_the_export_is_served_from_the_file_it_wrote(client, settings):
    SignatoryFactory(name="Acme")
    body = b"".join(client.get(reverse("signatories:csv")).streaming_content)
    path = export_files.file_path("csv", current_revision())
    assert body == path.read_bytes()
    assert b"Acme" in body
    assert path.stat().st_mode & 0o077 == 0
    assert settings.EXPORT_CACHE_DIR.stat().st_mode & 0o777 == 0o700
