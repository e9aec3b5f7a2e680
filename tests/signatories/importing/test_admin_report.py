"""The import's preview and kept report: French that is right, problem rows first with every
reason, counts that add up, and a report that stays, linked from "Recent actions"."""

import io
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from signatories.models import ImportReport, Signatory
from tests.factories import EditorFactory, SignatoryFactory
from tests.signatories.admin_text import english_left, texts

pytestmark = pytest.mark.django_db

URL = "/admin/signatories/signatory/import/"
SAMPLE = (
    "name,category,nationality,nature,website,twitter,date_signed\n"
    "Acme,private-sector,FRA,Entreprise,https://acme.example,,2021-11-11\n"
    "Quiet,civil-society,FRA,ONG,,We have no Twitter account,\n"
    "Broken,nope,XYZ,,,,\n"
    "Fine Org,civil-society,DEU,ONG,,,\n"
)
DATA = ["Acme", "Quiet", "Broken", "Fine Org", "official.csv", "We have no Twitter account"]


def _upload(client, language="en", text=SAMPLE):
    return client.post(
        URL,
        {"file": SimpleUploadedFile("official.csv", text.encode(), "text/csv")},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def _token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.text).group(1)


def _row_names(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(
        r"<tr class=\"[^\"]*\">\s*<td>\d+</td>\s*<td>\s*(?:<a [^>]*>)?([^<]+?)\s*<", body
    )


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


def test_the_french_preview_is_french_with_counts_plurals_and_typography(client, editor):
    english = _upload(client, "en")
    french = _upload(client, "fr")
    assert english_left(english.text, french.text, DATA) == []
    text = french.text
    assert "3 lignes créées" in text
    assert "1 ligne rejetée" in text
    assert "0 ligne modifiée" in text
    assert "créé le" not in text
    assert "modifié le" not in text
    assert "catégorie inconnue &#x27;nope&#x27;" in text
    assert "code pays inconnu &#x27;XYZ&#x27;" in text
    assert "n’est pas un identifiant Twitter" in text
    assert "avertissement\u00a0: twitter" in text
    assert "(la liste officielle des soutiens)" in text
    assert '<strong class="import-mark">✗ rejetée</strong>' in text


def test_a_rejected_row_gives_every_reason_not_only_the_first(client, editor):
    response = _upload(client)
    reasons = re.search(r"<ul class=\"import-reasons\">(.*?)</ul>", response.text, re.S).group(1)
    assert "unknown category &#x27;nope&#x27;" in reasons
    assert "unknown country code &#x27;XYZ&#x27;" in reasons


def test_problem_rows_come_first_and_can_be_shown_alone(client, editor):
    response = _upload(client)
    assert _row_names(response.text) == ["Quiet", "Broken", "Acme", "Fine Org"]
    assert response.text.count('name="confirm"') == 2  # above and below the table
    token = _token(response)
    problems = client.get(URL, {"token": token, "show": "problems"})
    assert problems.status_code == 200
    assert _row_names(problems.text) == ["Quiet", "Broken"]
    assert f'href="{URL}?token={token}"' in problems.text.replace("&amp;", "&")


def test_the_counts_add_up_to_the_rows_and_say_what_warnings_are_part_of(client, editor):
    text = " ".join(texts(_upload(client).text, "en"))
    assert "official.csv (the official supporters list): 4 rows" in text
    # 3 accepted (created) + 1 rejected = the file's 4 rows; the warned row is one of the 3.
    assert "3 rows created" in text
    assert "0 rows updated" in text
    assert "0 rows unchanged" in text
    assert "1 row rejected" in text
    assert "1 of the 3 rows accepted has warnings" in text
    assert "counted above as created, updated or unchanged" in text


def test_another_users_preview_is_not_shown(client, editor):
    token = _token(_upload(client))
    client.force_login(EditorFactory())
    response = client.get(URL, {"token": token, "show": "problems"}, follow=True)
    assert "That upload has expired or is not yours" in response.text
    assert "Quiet" not in response.text


def test_after_importing_the_report_is_kept_with_links_and_in_recent_actions(client, editor):
    acme = SignatoryFactory(name="Acme", country="FR", type="private-sector", kind="")
    token = _token(_upload(client))
    response = client.post(
        URL, {"token": token, "skip_invalid": "on", "confirm": "Import"}, follow=True
    )
    kept = ImportReport.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:signatories_importreport_change", args=[kept.pk]
    )
    assert kept.user == editor
    assert "Imported official.csv: 2 rows created, 1 row updated" in response.text
    fine = Signatory.objects.get(name="Fine Org")
    assert f'href="{reverse("admin:signatories_signatory_change", args=[acme.pk])}"' in (
        response.text
    )
    assert f'href="{reverse("admin:signatories_signatory_change", args=[fine.pk])}"' in (
        response.text
    )
    assert _row_names(response.text)[:2] == ["Quiet", "Broken"]
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_repr) == (editor, "official.csv")
    index = client.get(reverse("admin:index"))
    assert reverse("admin:signatories_importreport_change", args=[kept.pk]) in index.text
    problems = client.get(
        reverse("admin:signatories_importreport_change", args=[kept.pk]), {"show": "problems"}
    )
    assert _row_names(problems.text) == ["Quiet", "Broken"]


def test_the_kept_report_is_french_for_a_french_reader(client, editor):
    token = _token(_upload(client))
    client.post(URL, {"token": token, "skip_invalid": "on", "confirm": "Import"})
    url = reverse("admin:signatories_importreport_change", args=[ImportReport.objects.get().pk])
    # Reasons keep the language they were written in: the report is read in English first.
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    kept = ImportReport.objects.get().data["rows"]
    written = [
        *(reason for row in kept for reason in row["reasons"]),
        *(message for row in kept for _column, message in row["warnings"]),
    ]
    assert english_left(english.text, french.text, [*DATA, *written]) == []
    assert "3 lignes créées" in french.text


def test_the_command_still_reports_in_english(client, editor, tmp_path):
    _upload(client, "fr")  # a French page just before changes nothing for the command
    path = tmp_path / "official.csv"
    path.write_text(SAMPLE)
    out = io.StringIO()
    call_command("import_signatories", str(path), "--dry-run", stdout=out)
    assert "unknown category 'nope' (expected one of" in out.getvalue()
    assert "is not a Twitter handle" in out.getvalue()
