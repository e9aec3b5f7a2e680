"""Small gaps found by the second review (docs/security.md): a log-in's landing page, a
country code that is not ASCII, and the file name staff give an import."""

import pytest
from django.urls import reverse

from signatories.models import Signatory
from tests.factories import EditorFactory
from tests.signatories.importing.helpers import official, write

pytestmark = pytest.mark.django_db


def test_a_log_in_without_a_next_address_lands_on_the_admin(client):
    EditorFactory(username="editor")
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("code", ["ıt", "İt", "ſe"])
def test_a_country_code_with_a_letter_that_upper_cases_to_ascii_is_not_found(client, code):
    assert client.get(f"/countries/{code}/").status_code == 404


def test_the_name_staff_give_an_import_is_not_published(client, tmp_path):
    from signatories.importing import import_file

    path = write(tmp_path, official("Acme,civil-society,FRA,ONG,,,,,,"), "race-b.csv")
    import_file(path)
    acme = Signatory.objects.get(name="Acme")
    public = [
        acme.get_absolute_url(),
        reverse("signatories:detail-json", args=[acme.slug]),
        reverse("signatories:changes"),
        reverse("signatories:changes-feed"),
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "race-b" not in response.text, url
    [citation] = acme.citations.all()
    assert str(citation.source) == "An import of the official supporters list on " + (
        f"{citation.source.date.day} {citation.source.date:%B %Y}"
    )
    # Staff still see which file it was, in the history.
    assert acme.history.latest().history_change_reason == "Imported from race-b.csv"
