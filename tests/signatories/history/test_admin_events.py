"""A supporter's change page in the admin shows its French name and its events on the
official list beside its citations, in the staff's language."""

import pytest
from django.urls import reverse

from signatories.models import Signatory, SignatoryEvent
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db


def test_the_change_page_shows_the_french_name_and_the_events_read_only(client, loaded):
    event = SignatoryEvent.objects.select_related("signatory", "source").first()
    assert event is not None
    signatory = event.signatory
    client.force_login(EditorFactory())
    url = reverse("admin:signatories_signatory_change", args=[signatory.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="name_fr"' in page.text
    assert "Events on the official list" in page.text
    assert event.source.url in page.text
    assert event.commit[:7] in page.text
    # Read-only: shown with the record, never a form of its own.
    assert 'name="events-' not in page.text
    french = client.get(url, headers={"accept-language": "fr"})
    assert "Évolutions sur la liste officielle" in french.text


def test_a_state_s_french_name_is_on_its_change_page(client, loaded):
    france = Signatory.objects.get(country="FR", type="state")
    client.force_login(EditorFactory())
    page = client.get(reverse("admin:signatories_signatory_change", args=[france.pk]))
    assert 'value="France"' in page.text  # its French name is the same word
