"""“Cite this supporter” on a supporter's page: the directory, the name, the dates, the address."""

import datetime

import pytest
from django.utils import formats, timezone, translation

from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def supporter():
    return SignatoryFactory(name="Access Now", slug="access-now", kind="NGO")


def _citation(html: str) -> str:
    start = html.index('id="cite-heading"')
    return html[start : html.index("</blockquote>", start)]


def _day(moment: datetime.datetime | datetime.date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(moment, "DATE_FORMAT")


@pytest.mark.parametrize(
    ("language", "prefix", "heading", "directory", "changed", "accessed"),
    [
        (
            "en",
            "",
            "Cite this supporter",
            "Paris Call directory.",
            "last changed on",
            "accessed on",
        ),
        (
            "fr",
            "/fr",
            "Citer ce soutien",
            "Annuaire de l’Appel de Paris.",
            "modifiée pour la dernière fois le",
            "consulté le",
        ),
    ],
)
def test_each_supporter_page_says_how_to_cite_it_in_its_language(
    client, supporter, language, prefix, heading, directory, changed, accessed
):
    response = client.get(f"{prefix}/signatories/access-now/")
    assert response.status_code == 200
    assert heading in response.text
    citation = _citation(response.text)
    assert directory in citation
    assert "<cite>Access Now</cite>" in citation
    assert f"{changed} {_day(timezone.localtime(supporter.updated), language)}" in citation
    assert f"{accessed} {_day(timezone.localdate(), language)}" in citation
    # The permalink: the page's own address, absolute, in the page's language.
    assert f"http://testserver{prefix}/signatories/access-now/" in citation


def test_the_citation_escapes_what_a_name_holds(client):
    SignatoryFactory(name="<script>alert(1)</script> & Co", slug="script-co")
    citation = _citation(client.get("/signatories/script-co/").text)
    assert "<script>" not in citation
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in citation
