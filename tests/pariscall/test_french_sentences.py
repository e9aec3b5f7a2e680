"""No English sentence on a French page, and no sentence of ours marked as English.

The English sentences are collected, not listed by hand: every run of text that the English
pages show outside the quotations (`lang="en"` elements), and the English side of every
bilingual field of the data (a reasoning, a milestone's label, an import's title…). Each
French page then shows none of them outside a quotation, and its `lang="en"` elements hold
none of them either: what is marked as English is what the sources wrote.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.utils import timezone

from principles.models import Principle
from signatories.importing.full_list import mark_leaving
from signatories.importing.reading import FileFormat
from signatories.importing.report import Departure
from signatories.importing.writing import import_source
from signatories.models import Citation, Milestone, Signatory, Source

pytestmark = pytest.mark.django_db

FIXTURES = ["bibliography", "principles", "signatories", "milestones", "supporting-passages"]
# A run of text this long or longer is a sentence, not a name or a label.
SENTENCE_WORDS = 4
# The data's fields that the directory writes in both languages.
BILINGUAL = {
    Citation: ("reasoning", "passage"),
    Source: ("title", "publisher", "date_note"),
    Milestone: ("label", "note"),
}


class _Text(HTMLParser):
    """The page's visible runs of text, apart: those in an element marked with a language
    (`lang` on anything but `<html>`), by that language, and the others (`unmarked`)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col", "path"}
    HIDDEN = {"script", "style", "template", "title", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.marked: dict[str, list[str]] = {}
        self.unmarked: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") if tag != "html" else None
        hidden = tag in self.HIDDEN or bool(self.stack and self.stack[-1][2])
        self.stack.append((tag, lang, hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text or (self.stack and self.stack[-1][2]):
            return
        lang = next((lang for _tag, lang, _hidden in reversed(self.stack) if lang), None)
        (self.marked.setdefault(lang, []) if lang else self.unmarked).append(text)


def _runs(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def _is_sentence(text: str) -> bool:
    words = re.findall(r"[A-Za-z][a-z’']+", text)
    return len(words) >= SENTENCE_WORDS


@pytest.fixture
def seeded(client):
    call_command("loaddata", *[f"fixtures/{name}.json" for name in FIXTURES], verbosity=0)
    # A former supporter, left as a whole official list records it: the sentences an import
    # writes, through the importer's own code.
    today = timezone.localdate()
    source = import_source(
        "official-supporters-2026-01-05.csv",
        today,
        datetime.date(2026, 1, 5),
        FileFormat.OFFICIAL.label,
    )
    leaving = Signatory.objects.get(slug="facebook")
    mark_leaving([Departure(leaving.name, leaving.slug, leaving.pk)], source, user=None, reason="")


def _pages() -> list[str]:
    return [
        "/",
        "/signatories/",
        "/signatories/?type=state&region=europe&sort=-name",
        "/signatories/?q=micro&status=all",
        "/signatories/france/",
        "/signatories/microsoft/",
        "/signatories/european-union/",
        "/signatories/facebook/",
        "/principles/",
        "/principles/1/",
        "/countries/",
        "/countries/fr/",
        "/changes/",
        "/about/",
        "/signatories/?type=nothing",
        "/signatories/no-such-supporter/",
    ]


def _english_sentences(client) -> set[str]:
    sentences = set()
    names = set()
    # What the sources wrote, the same on both pages: names, statements, the Call's text.
    for values in Signatory.objects.values_list("name", "aliases", "statement"):
        names.update(value for value in values if value)
    for values in Principle.objects.values_list("title", "text"):
        names.update(values)
    for path in _pages():
        runs = _runs(client.get(path).content.decode())
        sentences.update(run for run in runs.unmarked if _is_sentence(run) and run not in names)
    for model, fields in BILINGUAL.items():
        for field in fields:
            rows = model.objects.exclude(**{f"{field}_fr": ""}).values_list(field, flat=True)
            sentences.update(value for value in rows if _is_sentence(value))
    return sentences


def test_the_english_sentences_are_collected_from_the_pages_and_the_data(client, seeded):
    sentences = _english_sentences(client)
    assert "The Paris Call is launched" in sentences
    assert any(sentence.startswith("The article says all 28 members") for sentence in sentences)
    assert any(sentence.startswith("The official supporters list of") for sentence in sentences)
    assert any("the official list of supporters no longer has it" in s for s in sentences)


def test_french_pages_show_no_english_sentence_outside_a_quotation(client, seeded):
    sentences = _english_sentences(client)
    found = {}
    for path in _pages():
        response = client.get("/fr" + path)
        assert response.status_code in (200, 400, 404), path
        runs = _runs(response.content.decode())
        outside = " | ".join(runs.unmarked)
        quoted = " | ".join(runs.marked.get("en", []))
        for sentence in sentences:
            if sentence in outside:
                found.setdefault(path, []).append(f"outside a quotation: {sentence}")
            elif sentence in quoted:
                found.setdefault(path, []).append(f"marked as English, ours: {sentence}")
    assert not found


def test_france_s_french_page_shows_its_official_list_row_as_labelled_french_fields(client, seeded):
    text = client.get("/fr/signatories/france/").content.decode()
    assert re.search(r"<dt>Catégorie</dt>\s*<dd>\s*État\s*</dd>", text)
    assert re.search(r"<dt>Pays</dt>\s*<dd>\s*France\s*</dd>", text)
    assert "France,state,FRA" not in text
    english = client.get("/signatories/france/").content.decode()
    assert re.search(r"<dt>Category</dt>\s*<dd>\s*State\s*</dd>", english)
