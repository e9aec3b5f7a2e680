"""Defences listed in docs/security.md that no other test pinned: the admin upload's size
cap and lifetime, and the importer's refusal of hidden text-direction characters."""

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from signatories.importing import admin as import_admin
from signatories.importing import uploads
from signatories.models import Signatory
from tests.factories import EditorFactory
from tests.signatories.importing.helpers import import_, official

pytestmark = pytest.mark.django_db

URL = "/admin/signatories/signatory/import/"
HEADER = "name,category,nationality,nature,website,twitter,date_signed\n"


@pytest.fixture
def upload_dir(tmp_path, settings):
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    return settings.IMPORT_UPLOAD_DIR


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory())


def _upload(client, text: str):
    return client.post(URL, {"file": SimpleUploadedFile("official.csv", text.encode())})


def test_an_upload_over_5_mb_is_refused_and_nothing_is_kept(client, editor, upload_dir):
    row = "Acme,civil-society,FRA,,,,\n"
    text = HEADER + row * (import_admin.MAX_UPLOAD_BYTES // len(row) + 1)
    response = _upload(client, text)
    assert response.status_code == 200
    assert "The file is larger than 5 MB." in response.text
    assert 'name="token"' not in response.text
    assert not upload_dir.exists() or not any(upload_dir.iterdir())
    assert not Signatory.objects.exists()


def test_an_upload_waits_in_a_private_folder_and_expires_after_an_hour(client, editor, upload_dir):
    response = _upload(client, HEADER + "Acme,civil-society,FRA,,,,\n")
    token = response.text.split('name="token" value="', 1)[1].split('"', 1)[0]
    assert upload_dir.stat().st_mode & 0o777 == 0o700
    an_hour_ago = time.time() - uploads.KEEP_SECONDS - 1
    for path in upload_dir.iterdir():
        os.utime(path, (an_hour_ago, an_hour_ago))

    client.post(URL, {"token": token, "confirm": "Import"})
    assert not Signatory.objects.exists()
    _upload(client, HEADER + "Other,civil-society,FRA,,,,\n")  # the next upload clears up
    assert not any(path.name.startswith(token) for path in upload_dir.iterdir())


@pytest.mark.parametrize("column", ["website", "linkedin"])
def test_an_import_drops_an_address_with_a_hidden_right_to_left_override(tmp_path, column):
    address = {
        "website": "https://example.com/\u202egnp.exe",
        "linkedin": "https://www.linkedin.com/company/acme\u202e/",
    }[column]
    cells = {"website": "", "linkedin": "", column: address}
    report = import_(
        tmp_path,
        official(f"Acme,civil-society,FRA,,{cells['website']},,{cells['linkedin']},,,"),
    )
    acme = Signatory.objects.get(name="Acme")
    assert getattr(acme, column) == ""
    [warned] = report.warned
    [(field, message)] = warned.warnings
    assert field == column
    assert "invisible text-direction character (U+202E)" in message
