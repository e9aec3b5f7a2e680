"""French collation keys and French typography: what a French reader expects, without a database."""

import pytest
from django.utils import translation

from signatories.languages.collation import french_sort_key, sort_key
from signatories.languages.typography import typeset


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=french_sort_key)


def test_accents_and_case_are_ignored_before_the_letters_that_follow():
    names = ["Burkina Faso", "Bénin", "Belgique", "Bhoutan"]
    assert _sorted(names) == ["Belgique", "Bénin", "Bhoutan", "Burkina Faso"]


def test_a_name_with_an_initial_accent_sorts_among_its_letter():
    names = ["Estonie", "Équateur", "Égypte", "Espagne", "Émirats arabes unis", "Zambie"]
    assert _sorted(names) == [
        "Égypte",
        "Émirats arabes unis",
        "Équateur",
        "Espagne",
        "Estonie",
        "Zambie",
    ]


def test_an_apostrophe_or_a_hyphen_separates_words_like_a_space():
    names = ["Croatie", "Côte d’Ivoire", "Costa Rica", "Cuba", "Côte d'Azur"]
    assert _sorted(names) == ["Costa Rica", "Côte d'Azur", "Côte d’Ivoire", "Croatie", "Cuba"]


def test_ties_are_broken_by_the_accents_then_by_the_case():
    names = ["côté", "Côte", "coté", "Cote", "côte", "cote"]
    assert _sorted(names) == ["cote", "Cote", "coté", "côte", "Côte", "côté"]


def test_a_shorter_name_sorts_before_a_longer_one_it_begins():
    assert _sorted(["Guinée équatoriale", "Guinée-Bissau", "Guinée"]) == [
        "Guinée",
        "Guinée-Bissau",
        "Guinée équatoriale",
    ]


def test_english_keeps_the_directory_s_english_order():
    assert sort_key("École", "en") == "ecole"
    assert sort_key("École", "fr").startswith("ecole\x01")


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("Côte d'Ivoire", "Côte d’Ivoire"),
        ("États-Unis d'Amérique", "États-Unis d’Amérique"),
        ("Catégorie: État", "Catégorie\u00a0: État"),
        ("Pays : France", "Pays\u00a0: France"),
        ("Vraiment ? Oui !", "Vraiment\u202f? Oui\u202f!"),
        ("« Union européenne »", "«\u202fUnion européenne\u202f»"),
        ("https://pariscall.international/fr/", "https://pariscall.international/fr/"),
        ("10:30", "10:30"),
    ],
)
def test_french_pages_print_data_with_french_typography(stored, shown):
    with translation.override("fr"):
        assert typeset(stored) == shown
    assert typeset(stored) == stored
