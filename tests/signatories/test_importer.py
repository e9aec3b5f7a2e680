"""Importing the official supporters list and the site's own export from the command line."""

import contextlib
import csv
import datetime
import io
import tracemalloc
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from signatories.export import CSV_COLUMNS
from signatories.importer import Importer, import_file
from signatories.models import Citation, Signatory, Source
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

OFFICIAL_HEADER = (
    "name,category,nationality,nature,website,twitter,linkedin,date_signed,first_listed,statement"
)


def _official(*rows: str) -> str:
    return "\n".join([OFFICIAL_HEADER, *rows]) + "\n"


def _write(tmp_path, text: str, name: str = "official-supporters.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


def _run(tmp_path, text, *options, name="official-supporters.csv") -> str:
    out = io.StringIO()
    call_command("import_signatories", _write(tmp_path, text, name), *options, stdout=out)
    return out.getvalue()


def _import(tmp_path, text, **options):
    return import_file(_write(tmp_path, text), **options)


def _dump() -> str:
    """Every row the import could touch, in a stable order."""
    querysets = [
        Signatory.objects.order_by("pk"),
        Signatory.history.order_by("pk"),
        Citation.objects.order_by("pk"),
        Citation.history.order_by("pk"),
        Source.objects.order_by("pk"),
    ]
    return "\n".join(serializers.serialize("json", queryset) for queryset in querysets)


# --- The official list's quirks ----------------------------------------------------------


def test_states_named_in_french_get_the_english_name_and_keep_the_french_one_as_an_alias(
    tmp_path,
):
    _import(tmp_path, _official("États-Unis,state,USA,,,,,2021-11-11,2021-11-12,"))
    state = Signatory.objects.get(country="US")
    assert state.name == "United States of America"
    assert state.type == "state"
    assert state.aliases == "États-Unis"
    assert list(Signatory.objects.search("etats-unis")) == [state]


def test_a_french_name_that_is_the_english_name_is_no_alias(tmp_path):
    _import(tmp_path, _official("France,state,FRA,UE,,,,,2019-11-10,"))
    assert Signatory.objects.get(country="FR").aliases == ""


def test_alpha3_codes_and_the_lists_own_codes_give_iso_countries(tmp_path):
    _import(
        tmp_path,
        _official(
            "Roumanie,state,ROM,UE,,,,,2019-11-10,",
            "Monténégro,state,MTG,,,,,,2019-11-10,",
            "Serbie,state,SCG,,,,,,2019-11-10,",
            "Bod Commune,public-authority,ROM,Collectivité locale,,,,,2019-11-10,",
            "Aapti Institute,civil-society,IND,Centre de recherche,,,,,2019-11-10,",
        ),
    )
    assert dict(Signatory.objects.values_list("name", "country")) == {
        "Romania": "RO",
        "Montenegro": "ME",
        "Serbia": "RS",
        "Bod Commune": "RO",
        "Aapti Institute": "IN",
    }
    assert Signatory.objects.get(name="Aapti Institute").region == "asia"


def test_an_unknown_country_code_rejects_the_row_with_its_reason(tmp_path):
    report = _import(tmp_path, _official("Acme,private-sector,XYZ,Entreprise,,,,,,"))
    [rejected] = report.rejected
    assert (rejected.line, rejected.reason) == (
        2,
        "unknown country code 'XYZ' (expected ISO 3166 alpha-3)",
    )
    assert not Signatory.objects.exists()


@pytest.mark.parametrize(
    ("nature", "kind"),
    [
        ("Entreprise", "company"),
        ("Association professionnelle ", "trade association"),
        ("Université", "university"),
        ("université", "university"),
        ("  ONG ", "NGO"),
        ("Think tank", "think tank"),
        ("Centre de recherche ", "research centre"),
        ("Fondation ", "foundation"),
        ("Organisation à but non lucratif", "non-profit organisation"),
        ("Groupement d’intérêt public", "public interest group"),
        ('"Centre d\'excellence"', "centre of excellence"),
        ("International Organization", "international organisation"),
    ],
)
def test_french_nature_values_become_english_kinds_whatever_their_case_and_spaces(
    tmp_path, nature, kind
):
    report = _import(tmp_path, _official(f"Acme,civil-society,FRA,{nature},,,,,,"))
    assert not report.warned
    assert Signatory.objects.get().kind == kind


def test_an_unknown_nature_keeps_no_kind_and_warns(tmp_path):
    report = _import(tmp_path, _official("Acme,civil-society,FRA,Guilde,,,,,,"))
    assert Signatory.objects.get().kind == ""
    [row] = report.warned
    assert (row.line, row.warnings) == (2, [("nature", "unknown value 'Guilde': no kind recorded")])


def test_a_states_nature_is_not_an_organisation_kind(tmp_path):
    _import(tmp_path, _official("Allemagne,state,DEU,UE,,,,,2019-11-10,"))
    assert Signatory.objects.get().kind == ""


def test_a_missing_category_rejects_the_row_with_its_physical_line_number(tmp_path):
    text = _official(
        'Acme,private-sector,FRA,Entreprise,,,,,,"A statement',
        'on two lines"',
        "CAPS,,IND,,,,,,2019-11-10,",
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 rows were rejected, so nothing was written"):
        call_command("import_signatories", _write(tmp_path, text), stdout=out)
    out = out.getvalue()
    assert "rejected: 1" in out
    assert "line 4: CAPS: no category" in out
    assert not Signatory.objects.exists()


def test_malformed_links_are_dropped_with_a_warning_naming_the_field_and_line(tmp_path):
    out = _run(
        tmp_path,
        _official(
            "Good,civil-society,FRA,ONG,https://good.example,@good_org,"
            "https://www.linkedin.com/company/good/,,,",
            "Zambian Ministry,public-authority,ZMB,,https://https:www.mod.org.zm,"
            "We do not have a Twitter account yet.,https://www.linkedin.com/feed/,,,",
        ),
    )
    good = Signatory.objects.get(name="Good")
    assert (good.website, good.twitter, good.linkedin) == (
        "https://good.example",
        "good_org",
        "https://www.linkedin.com/company/good/",
    )
    bad = Signatory.objects.get(name="Zambian Ministry")
    assert (bad.website, bad.twitter, bad.linkedin) == ("", "", "")
    assert "warned: 1" in out
    assert "line 3: Zambian Ministry: website: 'https://https:www.mod.org.zm'" in out
    assert "line 3: Zambian Ministry: twitter: 'We do not have a Twitter account yet.'" in out
    assert "line 3: Zambian Ministry: linkedin: 'https://www.linkedin.com/feed/'" in out


@pytest.mark.parametrize(
    ("value", "handle"),
    [
        ("@acme", "acme"),
        ("acme_2", "acme_2"),
        ("https://twitter.com/acme?lang=en", "acme"),
        ("https://x.com/acme", "acme"),
        ("n/a", ""),
        ("0", ""),
        ("@NEC_jp_pr, @NEC_corp", ""),
        ("#hiddenclouders", ""),
        ("https://twitter.com/intent/follow", ""),
    ],
)
def test_twitter_handles_are_read_from_handles_and_addresses(tmp_path, value, handle):
    _import(tmp_path, _official(f'Acme,private-sector,FRA,,,"{value}",,,,'))
    assert Signatory.objects.get().twitter == handle


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://www.linkedin.com/company/acme", True),
        ("https://fr.linkedin.com/school/acme/", True),
        ("https://www.linkedin.com/in/someone", True),
        ("https://www.linkedin.com/showcase/acme-labs/", True),
        ("https://www.linkedin.com/feed/update/urn:li:activity:1/", False),
        ("https://www.linkedin.com/groups/13601140/", False),
        ("https://linkedin.com/acme", False),
        ("https://www.linkedin.com.evil.example/company/acme", False),
        ("ftp://www.linkedin.com/company/acme", False),
        ("https://www.acme.example", False),
    ],
)
def test_linkedin_must_be_a_company_school_profile_or_showcase_page(tmp_path, value, kept):
    _import(tmp_path, _official(f"Acme,private-sector,FRA,,,,{value},,,"))
    assert Signatory.objects.get().linkedin == (value if kept else "")


def test_date_signed_is_an_exact_day(tmp_path):
    _import(tmp_path, _official("Acme,private-sector,FRA,Entreprise,,,,2021-11-11,2021-11-12,"))
    acme = Signatory.objects.get()
    assert acme.supporter_since == datetime.date(2021, 11, 11)
    assert (acme.supporter_since_precision, acme.supporter_since_is_bound) == ("day", False)
    assert acme.since_iso == "2021-11-11"


def test_a_malformed_date_signed_is_dropped_with_a_warning(tmp_path):
    report = _import(tmp_path, _official("Acme,private-sector,FRA,,,,,11/11/2021,,"))
    assert Signatory.objects.get().supporter_since is None
    assert report.warned[0].warnings == [("date_signed", "'11/11/2021' is not a date (YYYY-MM-DD)")]


def test_statement_and_linkedin_are_read_and_other_extra_columns_ignored(tmp_path):
    _import(
        tmp_path,
        _official('Acme,private-sector,FRA,,,,,,2019-11-10,"We care, ""deeply"", é."'),
    )
    assert Signatory.objects.get().statement == 'We care, "deeply", é.'


def test_the_minimal_official_header_is_enough(tmp_path):
    text = (
        "name,category,nationality,nature,website,twitter,date_signed\nAcme,civil-society,FRA,,,,\n"
    )
    _import(tmp_path, text)
    assert Signatory.objects.get().name == "Acme"


def test_supporters_without_a_country(tmp_path):
    report = _import(
        tmp_path,
        _official(
            "INTERPOL,public-authority,,International Organization,,,,,2019-11-10,",
            "European Union,public-authority,,,,,,2021-11-11,2021-11-12,",
            "RPHS Law,private-sector,,Entreprise,,,,,2019-11-10,",
        ),
        skip_invalid=True,
    )
    assert dict(Signatory.objects.values_list("name", "region")) == {
        "INTERPOL": "international",
        "European Union": "europe",
    }
    [rejected] = report.rejected
    assert (rejected.line, rejected.reason) == (
        4,
        "no country: add it in admin with its region, then import again",
    )


def test_a_supporter_without_a_country_already_recorded_keeps_its_region(tmp_path):
    SignatoryFactory(name="RPHS Law", country="", region="americas", type="private-sector")
    report = _import(tmp_path, _official("RPHS Law,private-sector,,Entreprise,,,,,,"))
    assert report.counts["updated"] == 1
    assert Signatory.objects.get().region == "americas"


# --- Matching what is already recorded ----------------------------------------------------


def test_importing_over_existing_records_updates_and_adds_never_duplicates(tmp_path):
    StateFactory(country="DE", name="Germany", slug="germany")
    SignatoryFactory(name="ACME  s.a.", slug="acme-sa", country="FR", type="private-sector")
    report = _import(
        tmp_path,
        _official(
            "Allemagne,state,DEU,UE,,,,,2019-11-10,",
            "Acme S.A.,private-sector,FRA,Entreprise,https://acme.example,,,,,",
            "Newcomer,civil-society,BEL,ONG,,,,,,",
        ),
    )
    assert report.counts == {
        "created": 1,
        "updated": 2,
        "unchanged": 0,
        "warned": 0,
        "rejected": 0,
    }
    assert Signatory.objects.count() == 3
    germany = Signatory.objects.get(slug="germany")
    assert (germany.name, germany.aliases) == ("Germany", "Allemagne")
    acme = Signatory.objects.get(slug="acme-sa")
    assert (acme.name, acme.website, acme.kind) == (
        "Acme S.A.",
        "https://acme.example",
        "company",
    )


def test_a_state_is_matched_by_its_country_even_when_named_differently(tmp_path):
    StateFactory(country="KR", name="Republic of Korea", slug="republic-of-korea")
    _import(tmp_path, _official("Corée du Sud,state,KOR,,,,,,2019-11-10,"))
    state = Signatory.objects.get()
    assert (state.name, state.slug, state.aliases) == (
        "Republic of Korea",
        "republic-of-korea",
        "Corée du Sud",
    )


def test_an_empty_cell_never_erases_a_recorded_value(tmp_path):
    SignatoryFactory(
        name="Acme",
        country="FR",
        type="private-sector",
        kind="company",
        website="https://acme.example",
        statement="Our words.",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    report = _import(tmp_path, _official("Acme,private-sector,FRA,,,,,,,"))
    assert report.counts["unchanged"] == 1
    acme = Signatory.objects.get()
    assert (acme.kind, acme.website, acme.statement, acme.since_display) == (
        "company",
        "https://acme.example",
        "Our words.",
        "by January 2019",
    )


def test_a_second_run_changes_nothing(tmp_path):
    text = _official(
        "Allemagne,state,DEU,UE,,,,,2019-11-10,",
        "Acme,private-sector,FRA,Entreprise,https://acme.example,@acme,,2021-11-11,,Hello.",
        "INTERPOL,public-authority,,International Organization,,,,,2019-11-10,",
    )
    first = _import(tmp_path, text)
    assert first.counts["created"] == 3
    before = _dump()
    second = _import(tmp_path, text)
    assert [row.outcome for row in second.rows] == ["unchanged"] * 3
    assert second.written
    assert _dump() == before


def test_new_slugs_are_deterministic_and_never_collide(tmp_path):
    SignatoryFactory(name="Acme", slug="acme", country="FR", type="civil-society")
    _import(
        tmp_path,
        _official(
            "Acme,private-sector,DEU,,,,,,,",
            "Acme,private-sector,ITA,,,,,,,",
            "Acme,private-sector,DEU,,,,,,,",
        ),
        skip_invalid=True,
    )
    assert sorted(Signatory.objects.values_list("slug", "country")) == [
        ("acme", "FR"),
        ("acme-de", "DE"),
        ("acme-it", "IT"),
    ]


def test_the_same_supporter_twice_in_a_file_is_rejected_the_second_time(tmp_path):
    report = _import(
        tmp_path,
        _official("Acme,private-sector,DEU,,,,,,,", "ACME,private-sector,DEU,,,,,,,"),
    )
    assert [(row.line, row.reason) for row in report.rejected] == [
        (3, "the same supporter as line 2")
    ]


# --- All or nothing, dry runs, exit status -------------------------------------------------


def test_a_failed_import_leaves_the_database_exactly_as_it_was(tmp_path):
    StateFactory(country="DE", name="Germany", slug="germany")
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    before = _dump()
    text = _official(
        "Allemagne,state,DEU,UE,,,,,2019-11-10,",
        "Acme,private-sector,FRA,Entreprise,https://acme.example,,,,,",
        "Newcomer,civil-society,BEL,ONG,,,,,,",
        "No category,,BEL,ONG,,,,,,",
    )
    with pytest.raises(CommandError):
        _run(tmp_path, text)
    assert _dump() == before


def test_skip_invalid_writes_the_valid_rows(tmp_path):
    out = _run(
        tmp_path,
        _official("Newcomer,civil-society,BEL,ONG,,,,,,", "No category,,BEL,ONG,,,,,,"),
        "--skip-invalid",
    )
    assert list(Signatory.objects.values_list("name", flat=True)) == ["Newcomer"]
    assert "created: 1" in out
    assert "rejected: 1" in out
    assert "line 3: No category: no category" in out
    assert "1 rejected rows skipped" in out


def test_a_dry_run_writes_nothing_and_says_what_would_happen(tmp_path):
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    before = _dump()
    out = _run(
        tmp_path,
        _official(
            "Acme,private-sector,FRA,Entreprise,,,,,,",
            "Newcomer,civil-society,BEL,ONG,,,,,,",
            "No category,,BEL,ONG,,,,,,",
        ),
        "--dry-run",
    )
    assert _dump() == before
    for line in ["created: 1", "updated: 1", "rejected: 1", "Dry run: nothing was written"]:
        assert line in out


def test_a_bad_header_is_refused_with_the_columns_of_both_formats(tmp_path):
    with pytest.raises(CommandError) as error:
        _run(tmp_path, "nom,pays\nAcme,FR\n")
    message = str(error.value)
    assert "Unknown header: nom,pays" in message
    assert "name,category,nationality,nature,website,twitter,date_signed" in message
    assert ",".join(CSV_COLUMNS) in message
    assert not Signatory.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = _write(tmp_path, _official("Société,civil-society,FRA,,,,,,,"), encoding="latin-1")
    with pytest.raises(CommandError, match="not UTF-8 text"):
        call_command("import_signatories", path, stdout=io.StringIO())


def test_a_binary_file_is_refused(tmp_path):
    path = _write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(CommandError, match="not UTF-8 text"):
        call_command("import_signatories", path, stdout=io.StringIO())


def test_a_file_with_nul_bytes_is_not_csv(tmp_path):
    path = _write(tmp_path, _official("Acme\x00,civil-society,FRA,,,,,,,"))
    with pytest.raises(CommandError, match="not readable CSV"):
        call_command("import_signatories", path, stdout=io.StringIO())


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_signatories", str(tmp_path / "nope.csv"))


def test_a_utf8_byte_order_mark_is_fine(tmp_path):
    _run(tmp_path, "\ufeff" + _official("Société,civil-society,FRA,,,,,,,"))
    assert Signatory.objects.get().name == "Société"


def test_a_row_with_the_wrong_number_of_cells_is_rejected(tmp_path):
    report = _import(tmp_path, _official("Acme,civil-society,FRA"))
    assert report.rejected[0].reason == "3 cells where the header has 10"


# --- Provenance --------------------------------------------------------------------------


def test_created_and_updated_records_cite_the_import_with_the_row_as_read(tmp_path):
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    SignatoryFactory(name="Quiet", country="FR", type="civil-society", kind="")
    row = 'Acme,private-sector,FRA,Entreprise,,,,,,"Yes, ""we"" do."'
    path = _write(tmp_path, _official(row, "Quiet,civil-society,FRA,,,,,,,"), "my list.csv")
    Importer(
        lambda: open(path, "rb"),  # noqa: SIM115 (the importer closes it)
        path,
        today=datetime.date(2026, 11, 23),
    ).run()
    source = Source.objects.get(kind="import")
    assert source.slug == "import-my-listcsv-2026-11-23"
    assert source.title == "Imported from my list.csv on 23 November 2026"
    assert source.date == datetime.date(2026, 11, 23)
    [citation] = Citation.objects.all()
    assert (citation.signatory.name, citation.passage, citation.basis) == ("Acme", row, "stated")
    latest = Signatory.objects.get(name="Acme").history.latest()
    assert latest.history_change_reason == "Imported from my list.csv"
    assert latest.kind == "company"
    assert Signatory.objects.get(name="Quiet").history.count() == 1


def test_an_import_makes_cached_counts_stale(tmp_path):
    from signatories.revision import current_revision

    before = current_revision()
    _import(tmp_path, _official("Acme,civil-society,FRA,,,,,,,"))
    assert current_revision() > before


# --- The site's own export: round trip, and a large file ------------------------------------


def _export(client) -> str:
    """The file a visitor downloads from /signatories.csv."""
    return b"".join(client.get(reverse("signatories:csv")).streaming_content).decode()


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_file(
    tmp_path, client
):
    StateFactory(country="JP", supporter_since=datetime.date(2018, 11, 12))
    StateFactory(
        country="GB",
        name="United Kingdom",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="Société « Générale » — Œuvre",
        slug="societe-generale-oeuvre",
        type="private-sector",
        country="FR",
        kind="company",
        website="https://societe.example/fr?a=1&b=2",
        twitter="societe_fr",
        linkedin="https://www.linkedin.com/company/societe/",
        statement='We support it, "fully", and say so:\non two lines, with 日本語 too.',
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="year",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="INTERPOL", type="public-authority", country="", region="international", kind=""
    )
    SignatoryFactory(name="European Union", type="public-authority", country="", region="europe")
    SignatoryFactory(name="Bare", kind="", country="BR")
    SignatoryFactory(
        name="Acme",
        slug="acme-1",
        country="DE",
        type="private-sector",
        supporter_since=datetime.date(2021, 11, 11),
    )
    SignatoryFactory(name="Acme", slug="acme-2", country="DE", type="civil-society")
    exported = _export(client)
    Signatory.objects.all().delete()

    report = _import(tmp_path, exported)
    assert report.counts["created"] == 8
    assert not report.warned
    assert not report.rejected
    assert _export(client) == exported


def test_a_50000_row_file_imports_in_bounded_memory(tmp_path):
    codes = ["FR", "DE", "US", "JP", "BR", "KE", "AU", "IN", "CA", "ZA"]
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for number in range(50_000):
            writer.writerow(
                [
                    f"Organisation {number}",
                    f"organisation-{number}",
                    "private-sector",
                    codes[number % 10],
                    "",
                    "company",
                    f"https://org{number}.example",
                    "",
                    "",
                    "We support the Call, fully." if number % 3 == 0 else "",
                    "2019-01" if number % 2 else "",
                    "true" if number % 2 else "false",
                ]
            )
    database_before = _sqlite_in_memory_size()
    with _peak_memory() as peak:
        report = import_file(str(path))
    # On SQLite the test database lives in this process's memory: what it grew by is data,
    # not the importer's working memory.
    used = peak() - (_sqlite_in_memory_size() - database_before)
    assert report.written
    assert report.counts["created"] == 50_000
    assert Signatory.objects.count() == 50_000
    assert Citation.objects.count() == 50_000
    # Only the supporters' keys and a short result per row stay in memory (about 75 MB
    # measured for 50,000 rows); the rows themselves are read, checked and written 500 at
    # a time, so the bound leaves room without letting a whole file's records pile up.
    assert used < 150 * 1024 * 1024, f"peak {used / 1e6:.0f} MB"


@contextlib.contextmanager
def _peak_memory():
    """How much the process's memory grew at most (bytes): Linux's peak resident set size
    (reset first), or, where it can't be reset, tracemalloc's peak (exact, several times
    slower)."""
    peak = [0]
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        tracemalloc.start()
        try:
            yield lambda: peak[0]
            peak[0] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return
    before = _status_kb("VmRSS")
    yield lambda: peak[0]
    peak[0] = (_status_kb("VmHWM") - before) * 1024


def _sqlite_in_memory_size() -> int:
    if connection.vendor != "sqlite":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_size")
        return pages * cursor.fetchone()[0]


def _status_kb(name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    raise LookupError(name)
