"""The nine principles, and what the sources say about each."""

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, PrincipleFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def principles():
    return [
        PrincipleFactory(number=number, title=f"Title {number}", text=f"Text of {number}.")
        for number in range(1, 10)
    ]


def test_the_list_shows_the_nine_principles_with_their_texts(client, principles):
    response = client.get(reverse("principles:list"))
    assert response.status_code == 200
    for number in range(1, 10):
        assert f"Title {number}" in response.text
        assert f"Text of {number}." in response.text
        assert f'href="/principles/{number}/"' in response.text


def test_a_principle_page_gives_its_text_in_english_and_french_and_what_sources_say(
    client, principles
):
    CitationFactory(
        signatory=None,
        principle=principles[2],
        source=SourceFactory(title="US, EU Join Paris Call for Cybersecurity"),
        passage="from protecting the internet to defending the electoral process",
        basis="derived",
        reasoning="Defending the electoral process is what principle 3 asks.",
    )
    response = client.get(reverse("principles:detail", args=[3]))
    assert response.status_code == 200
    text = response.text
    assert "<h1>Title 3</h1>" in text
    assert "Text of 3." in text
    assert 'lang="fr"' in text
    assert "Principe 3" in text
    assert "from protecting the internet to defending the electoral process" in text
    assert "US, EU Join Paris Call for Cybersecurity" in text
    assert 'href="/principles/2/" rel="prev"' in text
    assert 'href="/principles/4/" rel="next"' in text


def test_a_principle_nobody_quoted_says_so(client, principles):
    text = client.get(reverse("principles:detail", args=[9])).text
    assert "None of the directory's sources speaks to this principle yet." in text
    assert 'rel="next"' not in text


@pytest.mark.parametrize("path", ["/principles/0/", "/principles/10/", "/principles/two/"])
def test_a_principle_that_does_not_exist_is_a_404(client, principles, path):
    assert client.get(path).status_code == 404
