"""Supporter files read the same whichever shape the repository wrote them in."""

import pytest

from signatories.history.reading import UnreadableRecord, read_record

# Git and files only: no database.
pytestmark = pytest.mark.once


def test_the_first_commits_bare_lines_with_alliance_marks_in_the_name():
    record = read_record(
        b"name: Siemens***\ncategory: private_sector\nnature:  Entreprise\n"
        b"nationality: Allemagne\ndate_signed:\n    "
    )

    assert (record.name, record.category, record.country) == ("Siemens", "private-sector", "DEU")
    assert record.alliance == "charter-of-trust cyber-tech-accord"


def test_a_name_on_two_lines_is_one_name():
    record = read_record(
        b"---\nname: Advanced Cyber Security Engineering Research Centre (ACSRC)\r\n"
        b"The University of Newcastle\r\n\ncategory: civil_society\nnature: Universit\xc3\xa9\n"
        b"nationality: Australie\nalliance: \ndate_signed: '2018-11-12'\n---\n"
    )

    assert record.name == (
        "Advanced Cyber Security Engineering Research Centre (ACSRC) The University of Newcastle"
    )
    assert (record.country, record.date_signed) == ("AUS", "")


def test_an_unescaped_quote_and_a_name_yaml_reads_as_a_comment_keep_their_text():
    quoted = read_record(
        b'---\nname: "Fundacja \\"Pokonaj raka""\ncategory: civil-society\nnationality: POL\n---\n'
    )
    hashed = read_record(b"---\nname: #cnetz\ncategory: civil_society\nnationality: DEU\n---\n")

    assert quoted.name == 'Fundacja "Pokonaj raka"'
    assert hashed.name == "#cnetz"


def test_a_two_letter_code_becomes_the_alpha_3_code():
    record = read_record(b'---\nname: "Eutelsat"\ncategory: private-sector\nnationality: FR\n---\n')

    assert record.country == "FRA"


def test_an_unknown_country_name_is_refused_with_the_value():
    with pytest.raises(UnreadableRecord, match="Atlantide"):
        read_record(b"---\nname: X\ncategory: private_sector\nnationality: Atlantide\n---\n")
