"""The official list's vocabulary and quirks, read from its rows."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from signatories.models import Signatory
from tests.factories import SignatoryFactory
from tests.signatories.importing.helpers import import_, official, write

pytestmark = pytest.mark.django_db


def test_states_named_in_french_get_the_english_name_and_keep_the_french_one_as_an_alias(
    tmp_path,
):
    import_(tmp_path, official("États-Unis,state,USA,,,,,2021-11-11,2021-11-12,"))
    state = Signatory.objects.get(country="US")
    assert state.name == "United States of America"
    assert state.type == "state"
    assert state.aliases == "États-Unis"
    assert list(Signatory.objects.search("etats-unis")) == [state]


def test_a_french_name_that_is_the_english_name_is_no_alias(tmp_path):
    import_(tmp_path, official("France,state,FRA,UE,,,,,2019-11-10,"))
    assert Signatory.objects.get(country="FR").aliases == ""


def test_alpha3_codes_and_the_lists_own_codes_give_iso_countries(tmp_path):
    import_(
        tmp_path,
        official(
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
    report = import_(tmp_path, official("Acme,private-sector,XYZ,Entreprise,,,,,,"))
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
    report = import_(tmp_path, official(f"Acme,civil-society,FRA,{nature},,,,,,"))
    assert not report.warned
    assert Signatory.objects.get().kind == kind


def test_an_unknown_nature_keeps_no_kind_and_warns(tmp_path):
    report = import_(tmp_path, official("Acme,civil-society,FRA,Guilde,,,,,,"))
    assert Signatory.objects.get().kind == ""
    [row] = report.warned
    assert (row.line, row.warnings) == (2, [("nature", "unknown value 'Guilde': no kind recorded")])


def test_a_states_nature_is_not_an_organisation_kind(tmp_path):
    import_(tmp_path, official("Allemagne,state,DEU,UE,,,,,2019-11-10,"))
    assert Signatory.objects.get().kind == ""


def test_a_missing_category_rejects_the_row_with_its_physical_line_number(tmp_path):
    text = official(
        'Acme,private-sector,FRA,Entreprise,,,,,,"A statement',
        'on two lines"',
        "CAPS,,IND,,,,,,2019-11-10,",
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 rows were rejected, so nothing was written"):
        call_command("import_signatories", write(tmp_path, text), stdout=out)
    out = out.getvalue()
    assert "rejected: 1" in out
    assert "line 4: CAPS: no category" in out
    assert not Signatory.objects.exists()


def test_date_signed_is_an_exact_day(tmp_path):
    import_(tmp_path, official("Acme,private-sector,FRA,Entreprise,,,,2021-11-11,2021-11-12,"))
    acme = Signatory.objects.get()
    assert acme.supporter_since == datetime.date(2021, 11, 11)
    assert (acme.supporter_since_precision, acme.supporter_since_is_bound) == ("day", False)
    assert acme.since_iso == "2021-11-11"


def test_a_malformed_date_signed_is_dropped_with_a_warning(tmp_path):
    report = import_(tmp_path, official("Acme,private-sector,FRA,,,,,11/11/2021,,"))
    assert Signatory.objects.get().supporter_since is None
    assert report.warned[0].warnings == [("date_signed", "'11/11/2021' is not a date (YYYY-MM-DD)")]


def test_statement_and_linkedin_are_read_and_other_extra_columns_ignored(tmp_path):
    import_(
        tmp_path,
        official('Acme,private-sector,FRA,,,,,,2019-11-10,"We care, ""deeply"", é."'),
    )
    assert Signatory.objects.get().statement == 'We care, "deeply", é.'


def test_the_minimal_official_header_is_enough(tmp_path):
    text = (
        "name,category,nationality,nature,website,twitter,date_signed\nAcme,civil-society,FRA,,,,\n"
    )
    import_(tmp_path, text)
    assert Signatory.objects.get().name == "Acme"


def test_supporters_without_a_country_are_imported_with_the_region_the_list_implies(tmp_path):
    report = import_(
        tmp_path,
        official(
            "INTERPOL,public-authority,,International Organization,,,,,2019-11-10,",
            "European Union,public-authority,,,,,,2021-11-11,2021-11-12,",
            "RPHS Law,private-sector,,Entreprise,,,,,2019-11-10,",
        ),
    )
    assert dict(Signatory.objects.values_list("name", "region")) == {
        "INTERPOL": "international",
        "European Union": "europe",
        "RPHS Law": "unknown",
    }
    assert not report.rejected


def test_a_supporter_without_a_country_already_recorded_keeps_its_region(tmp_path):
    SignatoryFactory(name="RPHS Law", country="", region="americas", type="private-sector")
    report = import_(tmp_path, official("RPHS Law,private-sector,,Entreprise,,,,,,"))
    assert report.counts["updated"] == 1
    assert Signatory.objects.get().region == "americas"
