"""The import as a whole: all or nothing, dry runs, the command's report and provenance."""

import datetime

import pytest
from django.core.management import CommandError

from signatories.importing import Importer
from signatories.models import Citation, Signatory, Source
from tests.factories import SignatoryFactory, StateFactory
from tests.signatories.importing.helpers import dump, import_, official, run, write

pytestmark = pytest.mark.django_db


def test_a_failed_import_leaves_the_database_exactly_as_it_was(tmp_path):
    StateFactory(country="DE", name="Germany", slug="germany")
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    before = dump()
    text = official(
        "Allemagne,state,DEU,UE,,,,,2019-11-10,",
        "Acme,private-sector,FRA,Entreprise,https://acme.example,,,,,",
        "Newcomer,civil-society,BEL,ONG,,,,,,",
        "No category,,BEL,ONG,,,,,,",
    )
    with pytest.raises(CommandError):
        run(tmp_path, text)
    assert dump() == before


def test_skip_invalid_writes_the_valid_rows(tmp_path):
    out = run(
        tmp_path,
        official("Newcomer,civil-society,BEL,ONG,,,,,,", "No category,,BEL,ONG,,,,,,"),
        "--skip-invalid",
    )
    assert list(Signatory.objects.values_list("name", flat=True)) == ["Newcomer"]
    assert "created: 1" in out
    assert "rejected: 1" in out
    assert "line 3: No category: no category" in out
    assert "1 rejected rows skipped" in out


def test_a_dry_run_writes_nothing_and_says_what_would_happen(tmp_path):
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    before = dump()
    out = run(
        tmp_path,
        official(
            "Acme,private-sector,FRA,Entreprise,,,,,,",
            "Newcomer,civil-society,BEL,ONG,,,,,,",
            "No category,,BEL,ONG,,,,,,",
        ),
        "--dry-run",
    )
    assert dump() == before
    for line in ["created: 1", "updated: 1", "rejected: 1", "Dry run: nothing was written"]:
        assert line in out


def test_created_and_updated_records_cite_the_import_with_the_fields_the_row_gives(tmp_path):
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    SignatoryFactory(name="Quiet", country="FR", type="civil-society", kind="")
    row = 'Acme,private-sector,FRA,Entreprise,,,,,,"Yes, ""we"" do."'
    path = write(tmp_path, official(row, "Quiet,civil-society,FRA,,,,,,,"), "my list.csv")
    Importer(
        lambda: open(path, "rb"),  # noqa: SIM115 (the importer closes it)
        path,
        today=datetime.date(2026, 11, 23),
    ).run()
    source = Source.objects.get(kind="import")
    assert source.slug == "import-my-listcsv-2026-11-23"
    # Published in citations: the import's kind and date, never the name staff gave the file.
    assert source.title == "An import of the official supporters list on 23 November 2026"
    assert source.date == datetime.date(2026, 11, 23)
    [citation] = Citation.objects.all()
    assert (citation.signatory.name, citation.basis) == ("Acme", "stated")
    # The passage is the row's fields as read, labelled: not the raw CSV line.
    assert citation.passage == (
        "name: Acme\ncategory: private-sector\nnationality: FRA\nnature: Entreprise\n"
        'statement: Yes, "we" do.'
    )
    latest = Signatory.objects.get(name="Acme").history.latest()
    assert latest.history_change_reason == "Imported from my list.csv"
    assert latest.kind == "company"
    assert Signatory.objects.get(name="Quiet").history.count() == 1


def test_an_import_makes_cached_counts_stale(tmp_path):
    from signatories.models.revision import current_revision

    before = current_revision()
    import_(tmp_path, official("Acme,civil-society,FRA,,,,,,,"))
    assert current_revision() > before
