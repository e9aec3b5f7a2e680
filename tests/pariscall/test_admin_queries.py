"""A NUL character in an admin filter or autocomplete query is a 400, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import EditorFactory, SignatoryFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory())
    client.raise_request_exception = False


@pytest.mark.parametrize(
    "query",
    [{"country": "F\x00R"}, {"q": "a\x00"}, {"type__exact": "\x00"}, {"o\x00": "1"}],
)
def test_a_nul_in_an_admin_filter_is_a_400(client, editor, query):
    SignatoryFactory()
    response = client.get(reverse("admin:signatories_signatory_changelist"), query)
    assert response.status_code == 400
    assert "Bad request" in response.text


def test_a_nul_in_an_autocomplete_term_is_a_400(client, editor):
    SourceFactory(title="Acme")
    query = {
        "term": "a\x00",
        "app_label": "signatories",
        "model_name": "signatory",
        "field_name": "left_source",
    }
    response = client.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 400


def test_the_same_filters_without_nul_still_work(client, editor):
    SignatoryFactory(country="FR")
    response = client.get(reverse("admin:signatories_signatory_changelist"), {"country": "FR"})
    assert response.status_code == 200
