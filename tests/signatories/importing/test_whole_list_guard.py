"""A whole-list import can de-list anyone: it takes its own permission, asks for a
confirmation when it would make many supporters former, and no source may be dated in
the future (a whole list dated 2099 would block every later one)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from signatories.importing import import_file
from signatories.models import Signatory, Source
from tests.factories import EditorFactory, SourceFactory

pytestmark = pytest.mark.django_db

URL = "/admin/signatories/signatory/import/"
ONE_ROW = (
    "name,category,nationality,nature,website,twitter,date_signed\nAcme,civil-society,FRA,,,,\n"
)


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


def _whole_list(client, text=ONE_ROW):
    upload = SimpleUploadedFile("official-2025-12-25.csv", text.encode(), "text/csv")
    return client.post(URL, {"file": upload, "full_list": "on"})


def _token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.text).group(1)


def test_editors_may_not_import_a_whole_list_by_default(client, editor):
    assert (
        not Group.objects.get(name="Editors")
        .permissions.filter(codename="import_whole_list")
        .exists()
    )
    response = _whole_list(client)
    assert response.status_code == 200
    assert "You may not import a file as the whole official list" in response.text
    assert 'name="token"' not in response.text


def _earlier_whole_list(tmp_path, others: int) -> None:
    rows = "".join(f"Other {number},civil-society,BEL,,,,\n" for number in range(others))
    older = tmp_path / "official-supporters-2024-01-15.csv"
    older.write_text(ONE_ROW + rows)
    import_file(str(older), full_list=True)


def test_a_whole_list_making_most_supporters_former_asks_for_a_confirmation(
    client, editor, tmp_path
):
    editor.user_permissions.add(Permission.objects.get(codename="import_whole_list"))
    _earlier_whole_list(tmp_path, others=10)
    preview = _whole_list(client)
    assert 'name="confirm_leaving"' in preview.text
    confirm = {"token": _token(preview), "confirm": "Import"}

    refused = client.post(URL, confirm)
    assert refused.status_code == 200
    assert "This list would make 10 of the 11 current supporters former supporters" in (
        refused.text
    )
    assert Signatory.objects.filter(status="former").count() == 0

    client.post(URL, {**confirm, "confirm_leaving": "on"})
    assert Signatory.objects.filter(status="former").count() == 10


def test_a_whole_list_changing_little_needs_no_confirmation(client, editor, tmp_path):
    editor.user_permissions.add(Permission.objects.get(codename="import_whole_list"))
    _earlier_whole_list(tmp_path, others=0)
    preview = _whole_list(client)
    assert 'name="confirm_leaving"' not in preview.text
    response = client.post(URL, {"token": _token(preview), "confirm": "Import"})
    assert response.status_code == 302


def test_a_source_dated_in_the_future_is_refused(client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    source = SourceFactory(date=tomorrow, date_precision="day")
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert "A source can’t be dated in the future." in refused.value.message_dict["date"]


def test_the_admin_refuses_a_whole_list_source_dated_2099(client, editor):
    response = client.post(
        reverse("admin:signatories_source_add"),
        {
            "slug": "official-2099",
            "kind": "official-list",
            "title": "The official list",
            "date": "2099-01-01",
            "date_precision": "day",
            "covers_whole_list": "on",
        },
    )
    assert response.status_code == 200
    assert "A source can’t be dated in the future." in response.text
    assert not Source.objects.filter(slug="official-2099").exists()
