"""A request body over the limit for its address is refused before anything reads it."""

import io

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from pariscall.bodies import BodySizeLimitMiddleware
from signatories.importing import admin as import_admin
from signatories.models import Signatory
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

IMPORT = "/admin/signatories/signatory/import/"


class _Unread(io.BytesIO):
    """A body that records whether anyone read it."""

    read_from = False

    def read(self, *args):
        type(self).read_from = True
        return super().read(*args)


def _post(client, path, *, length: int):
    _Unread.read_from = False
    body = _Unread(b"x" * 16)
    extra = {"wsgi.input": body, "CONTENT_TYPE": "multipart/form-data; boundary=b"}
    return client.generic("POST", path, **extra, CONTENT_LENGTH=str(length))


def test_a_200_mb_log_in_is_refused_by_its_length_before_the_csrf_check_reads_it():
    client = Client(enforce_csrf_checks=True)
    response = _post(client, reverse("admin:login"), length=200 * 1024 * 1024)
    assert response.status_code == 413
    assert "1 MB at most" in response.text
    assert not _Unread.read_from


def test_an_import_over_5_mb_is_refused_by_its_length_before_the_body_is_read(client):
    client.force_login(EditorFactory())
    response = _post(client, IMPORT, length=6 * 1024 * 1024)
    assert response.status_code == 413
    assert not _Unread.read_from
    assert not Signatory.objects.exists()


def test_a_body_without_a_length_is_refused_once_too_much_is_read(rf):
    # Under ASGI a chunked body reaches Django as a stream with no length (under WSGI,
    # Django reads no body without one).
    request = rf.post(reverse("admin:login"), HTTP_TRANSFER_ENCODING="chunked")
    request.META["CONTENT_LENGTH"] = ""
    request._stream = io.BytesIO(b"x" * (2 * 1024 * 1024))
    response = BodySizeLimitMiddleware(lambda request: HttpResponse("read"))(request)
    assert response.status_code == 413
    assert request._stream.tell() == 1024 * 1024 + 1


def test_a_small_body_without_a_length_is_read_as_it_came(rf):
    request = rf.post(reverse("admin:login"), HTTP_TRANSFER_ENCODING="chunked")
    request.META["CONTENT_LENGTH"] = ""
    request._stream = io.BytesIO(b"username=a")
    response = BodySizeLimitMiddleware(lambda request: HttpResponse(request.body))(request)
    assert response.content == b"username=a"


def test_the_refusal_is_in_french_on_french_pages(client):
    response = client.generic("POST", "/fr/signatories/", b"", CONTENT_LENGTH=str(2 * 1024 * 1024))
    assert response.status_code == 413
    assert "elle n’a été ni lue ni gardée" in response.text


def test_an_upload_within_the_limit_is_kept_in_memory_not_on_disk(client, monkeypatch):
    client.force_login(EditorFactory())
    seen = []
    original = import_admin.UploadForm.clean_file

    def clean_file(form):
        seen.append(type(form.cleaned_data["file"]))
        return original(form)

    monkeypatch.setattr(import_admin.UploadForm, "clean_file", clean_file)
    text = "name,category,nationality,nature,website,twitter,date_signed\n" + (
        "Acme,civil-society,FRA,,,,\n" * 150_000
    )
    assert len(text) > 2.5 * 1024 * 1024  # over Django's default, which went to disk
    client.post(IMPORT, {"file": SimpleUploadedFile("big.csv", text.encode())})
    assert seen == [InMemoryUploadedFile]
