"""A supporter's change form opened before an import changed the record is refused, saying
what changed, instead of silently undoing the import."""

import re

import pytest
from django.urls import reverse

from signatories.models import Signatory
from tests.factories import EditorFactory
from tests.signatories.importing.helpers import import_, official
from tests.signatories.test_admin import _signatory_form

pytestmark = pytest.mark.django_db


def _form_opened(client, acme) -> dict:
    """The change page's form for Acme, with the token the page was drawn with."""
    page = client.get(reverse("admin:signatories_signatory_change", args=[acme.pk]))
    opened = re.search(r'name="opened" value="([^"]+)"', page.text).group(1)
    return _signatory_form(
        name="Acme",
        slug=acme.slug,
        country="FR",
        kind=acme.kind,
        website="",
        statement="Our statement.",
        opened=opened,
    )


@pytest.fixture
def acme(tmp_path):
    import_(tmp_path, official("Acme,civil-society,FRA,ONG,,,,,,"))
    return Signatory.objects.get(name="Acme")


def test_a_form_opened_before_an_import_changed_the_record_is_refused(client, acme, tmp_path):
    client.force_login(EditorFactory())
    url = reverse("admin:signatories_signatory_change", args=[acme.pk])
    form = _form_opened(client, acme)
    # Meanwhile an import gives Acme a website.
    import_(tmp_path, official("Acme,civil-society,FRA,ONG,https://acme.example,,,,,"))
    response = client.post(url, form)
    assert response.status_code == 200
    assert "This record was changed since you opened it (website)" in response.text
    acme.refresh_from_db()
    assert acme.website == "https://acme.example"
    assert acme.statement == ""


def test_a_form_of_an_unchanged_record_saves(client, acme):
    client.force_login(EditorFactory())
    url = reverse("admin:signatories_signatory_change", args=[acme.pk])
    form = _form_opened(client, acme)
    response = client.post(url, form)
    assert response.status_code == 302
    acme.refresh_from_db()
    assert acme.statement == "Our statement."
