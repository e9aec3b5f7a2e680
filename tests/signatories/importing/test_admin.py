"""Staff import the supporters spreadsheet in admin: upload, preview, then confirm or cancel."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from signatories.models import Signatory
from tests.factories import EditorFactory, SignatoryFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/signatories/signatory/import/"
SAMPLE = (
    "name,category,nationality,nature,website,twitter,date_signed\n"
    "Allemagne,state,DEU,UE,,,\n"
    "Acme,private-sector,FRA,Entreprise,https://acme.example,,2021-11-11\n"
    "Quiet,civil-society,FRA,ONG,,We have no Twitter account,\n"
    "CAPS,,IND,,,,\n"
)


def _upload(client, text=SAMPLE, name="official.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, text.encode(), "text/csv")})


def _token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.text).group(1)


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


def test_the_changelist_links_to_the_import_page(client, editor):
    response = client.get(reverse("admin:signatories_signatory_changelist"))
    assert f'href="{URL}"' in response.text
    assert "Import supporters" in response.text


def test_the_preview_shows_what_each_row_would_do_and_writes_nothing(client, editor):
    SignatoryFactory(name="Quiet", country="FR", type="civil-society", kind="NGO")
    response = _upload(client)
    assert response.status_code == 200
    text = response.text
    assert '<tr class="import-created">' in text
    assert '<tr class="import-unchanged import-problem import-warned">' in text
    assert '<tr class="import-rejected import-problem">' in text
    assert "no category" in text
    warning = "warning: twitter: &#x27;We have no Twitter account&#x27; is not a Twitter handle"
    assert warning in text
    assert "2 rows created" in text
    assert "1 row rejected" in text
    assert list(Signatory.objects.values_list("name", flat=True)) == ["Quiet"]


def test_confirming_with_rejected_rows_writes_nothing_unless_told_to_skip_them(client, editor):
    token = _token(_upload(client))
    refused = client.post(URL, {"token": token, "confirm": "Import"})
    assert refused.status_code == 200
    assert "Nothing was written: 1 row was rejected" in refused.text
    assert not Signatory.objects.exists()

    done = client.post(URL, {"token": token, "skip_invalid": "on", "confirm": "Import"})
    assert done.status_code == 302
    assert sorted(Signatory.objects.values_list("name", flat=True)) == [
        "Acme",
        "Germany",
        "Quiet",
    ]


def test_confirming_writes_and_the_history_shows_who_imported(client, editor):
    acme = SignatoryFactory(name="Acme", country="FR", type="private-sector", kind="")
    sample = "\n".join(SAMPLE.splitlines()[:3]) + "\n"
    token = _token(_upload(client, sample))
    response = client.post(URL, {"token": token, "confirm": "Import"}, follow=True)
    assert "Imported official.csv: 1 row created, 1 row updated" in response.text
    acme.refresh_from_db()
    assert acme.kind == "company"
    latest = acme.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Imported from official.csv"
    history = client.get(reverse("admin:signatories_signatory_history", args=[acme.pk]))
    assert "Imported from official.csv" in history.text
    # The upload is used once: a second click says so, and writes nothing more.
    again = client.post(URL, {"token": token, "confirm": "Import"}, follow=True)
    assert again.status_code == 200
    assert "That file was already imported" in again.text
    assert acme.history.count() == 2


def test_cancelling_writes_nothing_and_forgets_the_upload(client, editor):
    token = _token(_upload(client))
    response = client.post(URL, {"token": token, "cancel": "Cancel"})
    assert response.status_code == 302
    assert not Signatory.objects.exists()
    client.post(URL, {"token": token, "skip_invalid": "on", "confirm": "Import"})
    assert not Signatory.objects.exists()


def test_another_user_cannot_confirm_someone_elses_upload(client, editor):
    token = _token(_upload(client))
    client.force_login(EditorFactory())
    client.post(URL, {"token": token, "skip_invalid": "on", "confirm": "Import"})
    assert not Signatory.objects.exists()


def test_a_bad_file_is_a_form_error(client, editor):
    response = _upload(client, "nom,pays\nAcme,FR\n")
    assert response.status_code == 200
    assert "Unknown header: nom,pays" in response.text
    assert not Signatory.objects.exists()


def test_staff_without_the_add_permission_get_403(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(URL).status_code == 403
    assert _upload(client).status_code == 403
    assert not Signatory.objects.exists()


def test_the_changelist_hides_the_link_from_staff_who_may_not_import(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_signatory"))
    client.force_login(user)
    response = client.get(reverse("admin:signatories_signatory_changelist"))
    assert response.status_code == 200
    assert URL not in response.text


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_the_upload_is_csrf_protected(editor):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    response = csrf_client.post(
        URL, {"file": SimpleUploadedFile("official.csv", SAMPLE.encode(), "text/csv")}
    )
    assert response.status_code == 403
    assert not Signatory.objects.exists()


def test_the_preview_of_a_whole_list_names_who_would_become_former(client, editor, tmp_path):
    from django.contrib.auth.models import Permission

    from signatories.importing import import_file

    editor.user_permissions.add(Permission.objects.get(codename="import_whole_list"))

    older = tmp_path / "official-supporters-2024-01-15.csv"
    older.write_text(SAMPLE + "Leaving Soon,civil-society,BEL,ONG,,,\n")
    import_file(str(older), full_list=True, skip_invalid=True)
    response = client.post(
        URL,
        {
            "file": SimpleUploadedFile("official-2025-12-25.csv", SAMPLE.encode(), "text/csv"),
            "full_list": "on",
        },
    )
    assert "1 supporter no longer on the list" in response.text
    assert '<ul id="import-leaving"' in response.text
    assert "<li>Leaving Soon</li>" in response.text
    assert Signatory.objects.get(name="Leaving Soon").status == "current"

    # One of four current supporters leaving is over the 10 % that asks for a confirmation.
    confirm = {"token": _token(response), "skip_invalid": "on", "confirm": "Import"}
    client.post(URL, {**confirm, "confirm_leaving": "on"})
    leaving = Signatory.objects.get(name="Leaving Soon")
    assert (leaving.status, str(leaving.left_on)) == ("former", "2025-12-25")


def test_the_upload_waits_on_disk_not_in_the_cache(client, editor, settings):
    # A cache that keeps nothing (or nothing over 1 MB, like memcached) loses no upload.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    sample = "\n".join(SAMPLE.splitlines()[:3]) + "\n"
    token = _token(_upload(client, sample))
    response = client.post(URL, {"token": token, "confirm": "Import"})
    assert response.status_code == 302
    assert sorted(Signatory.objects.values_list("name", flat=True)) == ["Acme", "Germany"]


def test_a_click_while_the_file_is_being_imported_says_so_and_writes_nothing(client, editor):
    from signatories.importing import uploads

    token = _token(_upload(client))
    with uploads.claimed(token) as pending:
        assert pending is not None
        response = client.post(URL, {"token": token, "skip_invalid": "on"}, follow=True)
    assert "That file is being imported already." in response.text
    assert not Signatory.objects.exists()


def test_a_file_with_too_many_rows_for_a_request_is_refused_at_the_preview(
    client, editor, monkeypatch
):
    from signatories.importing import admin as import_admin

    monkeypatch.setattr(import_admin, "MAX_ROWS", 2)
    response = _upload(client)
    assert response.status_code == 200
    assert "The file has 4 rows, more than the 2 that can be imported here" in response.text
    assert "manage.py import_signatories" in response.text
    assert 'name="token"' not in response.text


def test_a_file_name_of_a_thousand_characters_gets_a_clear_message(client, editor):
    response = _upload(client, name="a" * 996 + ".csv")
    assert response.status_code == 200
    assert "The file’s name is longer than 200 characters" in response.text
    assert not Signatory.objects.exists()
