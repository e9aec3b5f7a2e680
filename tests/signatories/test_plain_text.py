"""Text staff or an import write holds no control, non-character or direction-override
character; the Atom feed is valid XML even over records saved before that check."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from principles.models import Principle
from signatories.models import Citation, Milestone, Signatory, Source
from tests.factories import (
    CitationFactory,
    EditorFactory,
    MilestoneFactory,
    PrincipleFactory,
    SignatoryFactory,
    SourceFactory,
)
from tests.signatories.importing.helpers import import_, official
from tests.signatories.test_admin import _signatory_form

pytestmark = pytest.mark.django_db

UNSAFE = ["\x1b", "\x00", "\x7f", "\x85", "\uffff", "\ufdd0", "\U0010fffe", "\u202e", "\u2066"]
FIELDS = [
    (SignatoryFactory, ["name", "name_fr", "kind", "aliases", "statement", "review_note"]),
    (
        SourceFactory,
        ["title", "title_fr", "publisher", "publisher_fr", "date_note", "date_note_fr"],
    ),
    (CitationFactory, ["passage", "passage_fr", "reasoning", "reasoning_fr"]),
    (MilestoneFactory, ["label", "label_fr", "note", "note_fr"]),
    (PrincipleFactory, ["title", "title_fr", "text", "text_fr"]),
]


@pytest.mark.parametrize("character", UNSAFE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(
    ("factory", "field"),
    [(factory, field) for factory, fields in FIELDS for field in fields],
    ids=lambda value: value if isinstance(value, str) else value._meta.model.__name__,
)
def test_every_text_field_refuses_a_character_that_is_not_text(factory, field, character):
    record = factory()
    setattr(record, field, f"Acme{character}Ltd")
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert field in refused.value.message_dict
    assert f"U+{ord(character):04X}" in " ".join(refused.value.message_dict[field])


def test_names_in_any_script_and_line_breaks_in_a_statement_are_text():
    acme = SignatoryFactory(
        name="Ассоциация «Кибер» — 网络 — سايبر — Cyber\u00a0Peace",
        statement="We support it,\r\n\tfully.",
    )
    acme.full_clean()


@pytest.mark.parametrize(("field", "character"), [("name", "\x1b"), ("statement", "\u202e")])
def test_the_admin_refuses_a_character_that_is_not_text_and_saves_nothing(client, field, character):
    client.force_login(EditorFactory())
    form = _signatory_form(**{field: f"Acme{character}"})
    response = client.post(reverse("admin:signatories_signatory_add"), form)
    assert response.status_code == 200
    assert f"a character that is not text (U+{ord(character):04X})" in response.text
    assert not Signatory.objects.exists()


@pytest.mark.parametrize(
    "row",
    ["Ac\x1bme,civil-society,FRA,,,,,,,", "Acme,civil-society,FRA,,,,,,,We\uffff support it"],
    ids=["name", "statement"],
)
def test_an_import_rejects_a_row_holding_a_character_that_is_not_text(tmp_path, row):
    report = import_(tmp_path, official("Good,civil-society,FRA,,,,,,,", row))
    [rejected] = report.rejected
    assert rejected.line == 3
    assert "a character that is not text" in rejected.reason
    assert not report.written
    assert not Signatory.objects.exists()
    assert "line 3:" in "\n".join(report.summary_lines())


def test_the_feed_is_valid_xml_over_records_saved_before_the_check(client):
    SignatoryFactory(name="Old", supporter_since=datetime.date(2019, 9, 26))
    # Saved before names were checked (save() does not validate).
    Signatory.objects.update(name="Old\x1b\uffffName\u202e")
    Signatory.history.update(name="Old\x1b\uffffName\u202e")
    response = client.get(reverse("signatories:changes-feed"))
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    titles = [element.text for element in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any("Old\ufffd\ufffdName" in (title or "") for title in titles)


def test_nothing_else_in_the_models_was_missed():
    """Every free-text field of the records staff edit carries the check."""
    from django.db import models

    from signatories.vocabulary import validate_plain_text

    checked = {(f._meta.model.__name__, name) for f, names in FIELDS for name in names}
    for model in (Signatory, Source, Citation, Milestone, Principle):
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.CharField | models.TextField)
                and field.editable
                and not field.choices
                and not isinstance(field, models.SlugField | models.URLField)
                and field.name != "twitter"
            ):
                assert validate_plain_text in field.validators, (model.__name__, field.name)
                assert (model.__name__, field.name) in checked
