"""What an import writes into the data is in both languages; a state gets its French name."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from signatories.models import Citation, Signatory, Source
from tests.factories import SignatoryFactory, SourceFactory
from tests.signatories.importing.helpers import import_, official, run

pytestmark = pytest.mark.django_db

OLDER = official(
    "Allemagne,state,DEU,UE,,,,,2019-11-10,",
    "Leaving Soon,civil-society,BEL,ONG,,,,,2019-11-10,",
)
NEWER = official("Allemagne,state,DEU,UE,,,,,2019-11-10,")


def test_an_imported_state_is_named_in_english_and_in_french(tmp_path):
    import_(tmp_path, OLDER)
    germany = Signatory.objects.get(country="DE")
    assert (germany.name, germany.name_fr, germany.slug) == ("Germany", "Allemagne", "germany")
    assert germany.sort_name_fr.startswith("allemagne")


def test_the_source_an_import_cites_is_titled_in_both_languages(tmp_path):
    run(tmp_path, OLDER, "--full-list", name="official-supporters-2024-01-15.csv")
    source = Source.objects.get(date=datetime.date(2024, 1, 15))
    today = timezone.localdate()
    assert source.title == (
        f"The official supporters list of 15 January 2024, as imported on "
        f"{today.day} {today:%B} {today.year}"
    )
    assert source.title_fr.startswith("La liste officielle des soutiens du 15 janvier 2024, ")
    assert "importée le" in source.title_fr
    # The file's name, chosen by staff, is not published.
    assert "csv" not in source.title + source.title_fr


def test_a_plain_import_is_titled_by_its_kind_and_day_in_both_languages(tmp_path):
    run(tmp_path, OLDER, name="race-b.csv")
    source = Source.objects.get(kind="import")
    assert source.title.startswith("An import of the official supporters list on ")
    assert source.title_fr.startswith("Importation de la liste officielle des soutiens, le ")
    assert "race-b" not in source.title + source.title_fr


def test_a_departure_is_recorded_in_both_languages(tmp_path):
    run(tmp_path, OLDER, "--full-list", name="official-supporters-2024-01-15.csv")
    run(tmp_path, NEWER, "--full-list", name="official-supporters-2025-12-25.csv")
    citation = Signatory.objects.get(name="Leaving Soon").citations.get(
        source__date=datetime.date(2025, 12, 25)
    )
    assert citation.passage == (
        "The official supporters list of 2025-12-25 has no entry for Leaving Soon."
    )
    assert citation.passage_fr == (
        "La liste officielle des soutiens du 2025-12-25 ne comporte aucune entrée pour "
        "Leaving Soon."
    )
    assert citation.reasoning_fr.startswith("Le fichier est la liste officielle complète")


def test_the_export_s_french_names_are_read_back_and_an_older_export_still_imports(tmp_path):
    header = "name,slug,type,country,region,kind,website,twitter,linkedin,statement,since,since_by"
    import_(
        tmp_path,
        f"{header},status,left,name_fr\n"
        "Cyber Institute,cyber-institute,civil-society,FR,europe,,,,,,2019,false,current,,"
        "Institut cyber\n",
    )
    assert Signatory.objects.get(slug="cyber-institute").name_fr == "Institut cyber"
    import_(
        tmp_path,
        f"{header}\nOlder Export,older-export,civil-society,FR,europe,,,,,,2019,false\n",
    )
    assert Signatory.objects.get(slug="older-export").name_fr == ""


def test_the_european_union_imported_from_the_official_list_is_named_in_french(tmp_path):
    import_(tmp_path, official("European Union,public-authority,,,,,,,2021-11-11,"))
    union = Signatory.objects.get(slug="european-union")
    assert (union.name, union.name_fr) == ("European Union", "Union européenne")


def test_the_migration_gives_earlier_imports_their_french_sentences_and_states_their_names():
    migration = import_module("signatories.migrations.0012_names_in_french")
    listed = SourceFactory(
        slug="official-list-2025-12-25-x",
        kind="import",
        title="The official supporters list of 25 December 2025 (x.csv), as imported",
        date=datetime.date(2025, 12, 25),
    )
    imported = SourceFactory(
        slug="import-y", kind="import", title="Imported from y.csv on 3 March 2026"
    )
    left = SignatoryFactory(name="Gone Away", status="former", left_on=listed.date)
    Citation.objects.create(
        source=listed,
        signatory=left,
        passage="The official supporters list of 2025-12-25 has no entry for Gone Away.",
        basis="derived",
        reasoning="The file is the whole official list as of 2025-12-25, and …",
    )
    state = SignatoryFactory(name="Norway", type="state", country="NO", kind="")
    Signatory.objects.filter(pk=state.pk).update(name_fr="", sort_name_fr="")

    migration.fill_french_names(apps, None)
    migration.fill_import_sentences(apps, None)

    assert Signatory.objects.get(pk=state.pk).name_fr == "Norvège"
    assert Signatory.objects.get(pk=state.pk).sort_name_fr.startswith("norvege")
    listed.refresh_from_db()
    imported.refresh_from_db()
    # A whole list's title is written anew, without the file's name.
    assert listed.title.startswith("The official supporters list of 25 December 2025, as imported")
    assert listed.title_fr.startswith("La liste officielle des soutiens du 25 décembre 2025, ")
    assert "x.csv" not in listed.title + listed.title_fr
    assert imported.title_fr == "Importé depuis y.csv le 3 mars 2026"
    citation = left.citations.get()
    assert citation.passage_fr.endswith("ne comporte aucune entrée pour Gone Away.")
    assert citation.reasoning_fr.startswith("Le fichier est la liste officielle complète")
