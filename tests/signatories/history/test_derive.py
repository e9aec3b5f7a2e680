"""The history derived from a small git repository of the tests' own, one rule at a time.

Each test commits supporter files as the official repository wrote them (the first
commits' French country names, `private_sector`, the placeholder `date_signed`; later the
front matter with alpha-3 codes), then checks the events, exactly.
"""

import pytest

from signatories.history.derive import derive
from signatories.history.repository import Repository
from tests.signatories.history.official_repository import Official

# Git and files only: no database.
pytestmark = pytest.mark.once


@pytest.fixture
def official(tmp_path):
    return Official(tmp_path)


def test_a_file_added_is_listed_and_a_file_deleted_is_delisted(official):
    official.write("abb-private-sector-SWE.md", "ABB", country="SWE")
    official.write("bbva-private-sector-ESP.md", "BBVA", country="ESP")
    first = official.commit("Add supporters")
    official.remove("bbva-private-sector-ESP.md")
    second = official.commit("Delete bbva-private-sector-ESP.md")

    assert official.events() == [
        (first, "listed", "abb-private-sector-SWE", "ABB"),
        (first, "listed", "bbva-private-sector-ESP", "BBVA"),
        (second, "delisted", "bbva-private-sector-ESP", "BBVA"),
    ]


def test_a_file_refiled_under_a_new_name_is_no_event_and_the_entry_takes_its_last_name(
    official,
):
    official.write("societe_generale.md", "Société Générale")
    first = official.commit("Add supporters")
    official.move("societe_generale.md", "societe_generale-private-sector-FRA.md")
    official.commit("Unify filenames")

    assert official.events() == [
        (first, "listed", "societe_generale-private-sector-FRA", "Société Générale")
    ]


def test_a_file_refiled_with_its_name_respelled_is_one_entry_corrected(official):
    official.write("societe_generale.md", "Société Générale")
    official.commit("Add supporters")
    official.remove("societe_generale.md")
    official.write("societe-generale-private-sector-FRA.md", "SOCIETE GENERALE")
    second = official.commit("Unify filenames")

    with Repository(official.path) as repository:
        events = derive(repository)
    assert [(e.kind, e.entry) for e in events] == [
        ("listed", "societe-generale-private-sector-FRA"),
        ("corrected", "societe-generale-private-sector-FRA"),
    ]
    assert (events[1].commit, events[1].before.name, events[1].record.name) == (
        second,
        "Société Générale",
        "SOCIETE GENERALE",
    )


def test_a_duplicate_added_then_removed_is_one_entry_and_no_departure(official):
    official.write("northwave.md", "Northwave", country="NLD")
    official.write("northwave_bv.md", "Northwave BV", country="NLD")
    first = official.commit("Add supporters")
    official.remove("northwave_bv.md")
    official.commit("Detect collisions")

    assert official.events() == [(first, "listed", "northwave", "Northwave")]


def test_a_category_corrected_in_place_is_corrected_with_the_values_before(official):
    official.write("women4cyber.md", "Women4Cyber Foundation", country="BEL")
    official.commit("Add supporter")
    official.write("women4cyber.md", "Women4Cyber Foundation", "civil-society", "BEL")
    second = official.commit("Changed category")

    with Repository(official.path) as repository:
        event = derive(repository)[-1]
    assert (event.commit, event.kind, event.record.category) == (
        second,
        "corrected",
        "civil-society",
    )
    assert (event.before.name, event.before.category, event.before.country) == (
        "Women4Cyber Foundation",
        "private-sector",
        "BEL",
    )


def test_a_country_changed_with_the_file_renamed_is_a_correction_not_a_departure(official):
    official.write("uipath-private-sector-IND.md", "UiPath", country="IND")
    official.commit("Add supporter")
    official.remove("uipath-private-sector-IND.md")
    official.write("uipath-private-sector-USA.md", "UiPath", country="USA")
    second = official.commit("Update uipath-private-sector-USA")

    events = official.events()
    assert [event[1] for event in events] == ["listed", "corrected"]
    assert events[-1] == (second, "corrected", "uipath-private-sector-USA", "UiPath")


def test_an_entry_that_now_names_another_organisation_is_renamed(official):
    official.write("east_west_institute-civil-society-USA.md", "EastWest Institute", country="USA")
    official.commit("Add supporter")
    official.remove("east_west_institute-civil-society-USA.md")
    official.write(
        "observer_research_foundation-civil-society-USA.md",
        "Observer Research Foundation America (ORF America)",
        country="USA",
    )
    second = official.commit(
        "Update and rename east_west_institute-civil-society-USA.md to "
        "observer_research_foundation-civil-society-USA.md"
    )

    with Repository(official.path) as repository:
        event = derive(repository)[-1]
    assert (event.commit, event.kind, event.entry) == (
        second,
        "renamed",
        "observer_research_foundation-civil-society-USA",
    )
    assert event.before.name == "EastWest Institute"


def test_an_unrelated_file_deleted_while_another_is_added_is_a_departure_and_a_listing(
    official,
):
    official.write("maldon_wat-private-sector-ROM.md", "Maldon&Wat", country="ROM")
    official.commit("Add supporter")
    official.remove("maldon_wat-private-sector-ROM.md")
    official.write("bbva-private-sector-ESP.md", "BBVA", country="ESP")
    second = official.commit("Add BBVA supporter")

    assert official.events()[1:] == [
        (second, "listed", "bbva-private-sector-ESP", "BBVA"),
        (second, "delisted", "maldon_wat-private-sector-ROM", "Maldon&Wat"),
    ]


def test_the_first_commits_french_countries_and_the_gap_of_an_empty_folder_are_no_events(
    official,
):
    official.write_first_style(
        "abb.md", "ABB", "private_sector", "Entreprise", "Suède", alliance="Cyber Tech Accord"
    )
    official.write_first_style("suede.md", "Suède", "state", "", "UE")
    first = official.commit("Add supporters")
    official.remove("abb.md")
    official.remove("suede.md")
    official.write_text("keep.md", "not a list folder", folder="_other")
    official.commit("Move the supporters elsewhere for a while")
    official.write("abb-private-sector-SWE.md", "ABB", country="SWE")
    official.write("suede-state-SWE.md", "Suède", "state", "SWE", "UE")
    official.commit("Re-file the supporters")

    with Repository(official.path) as repository:
        events = derive(repository)
    assert [(e.commit, e.kind, e.entry) for e in events] == [
        (first, "listed", "abb-private-sector-SWE"),
        (first, "listed", "suede-state-SWE"),
    ]
    abb, sweden = events
    assert (abb.record.country, abb.record.category, abb.record.alliance) == (
        "SWE",
        "private-sector",
        "cyber-tech-accord",
    )
    # The extraction script's placeholder is no signing date.
    assert abb.record.date_signed == ""
    assert (sweden.record.country, sweden.record.nature) == ("SWE", "UE")


def test_a_state_refiled_under_another_name_is_the_same_state(official):
    official.write("macedoine.md", "Ancienne République yougoslave de Macédoine", "state", "MKD")
    first = official.commit("Add supporters")
    official.remove("macedoine.md")
    official.write("macedoine_du_nord-state-MKD.md", "Macédoine du Nord", "state", "MKD")
    second = official.commit("Unify filenames")

    assert official.events() == [
        (
            first,
            "listed",
            "macedoine_du_nord-state-MKD",
            "Ancienne République yougoslave de Macédoine",
        ),
        (second, "corrected", "macedoine_du_nord-state-MKD", "Macédoine du Nord"),
    ]


def test_an_entry_back_after_leaving_is_relisted(official):
    official.write("nemos-private-sector-CZE.md", "NEMOS SOKOLOV s.r.o.", country="CZE")
    first = official.commit("Create nemos")
    official.remove("nemos-private-sector-CZE.md")
    official.write("abb-private-sector-SWE.md", "ABB", country="SWE")
    second = official.commit("Delete nemos")
    official.write("nemos-civil-society-CZE.md", "NEMOS SOKOLOV s.r.o.", "civil-society", "CZE")
    third = official.commit("Add NEMOS SOKOLOV s.r.o. supporter")

    assert [event for event in official.events() if "nemos" in event[2]] == [
        (first, "listed", "nemos-civil-society-CZE", "NEMOS SOKOLOV s.r.o."),
        (second, "delisted", "nemos-civil-society-CZE", "NEMOS SOKOLOV s.r.o."),
        (third, "relisted", "nemos-civil-society-CZE", "NEMOS SOKOLOV s.r.o."),
    ]


def test_a_date_signed_given_later_is_a_correction_and_written_as_given(official):
    official.write("cryptelo-private-sector-CZE.md", "Cryptelo", country="CZE")
    official.commit("Add supporter")
    official.write_text(
        "cryptelo-private-sector-CZE.md",
        '---\nname: "Cryptelo"\ncategory: private-sector\nnature: "Entreprise"\n'
        "nationality: CZE\ndate_signed: 2019-11-12\n---\n",
    )
    second = official.commit("Update cryptelo")

    with Repository(official.path) as repository:
        event = derive(repository)[-1]
    assert (event.commit, event.kind, event.record.date_signed) == (
        second,
        "corrected",
        "2019-11-12",
    )


def test_the_list_kept_in_the_english_collection_for_a_while_is_still_the_list(official):
    official.write("abb.md", "ABB", country="SWE")
    official.write("university_of_lima.md", "University of Lima", "civil-society", "PER")
    first = official.commit("Add supporters")
    for file in ("abb.md", "university_of_lima.md"):
        text = (official.path / "_supporters" / file).read_text(encoding="utf-8")
        official.remove(file)
        official.write_text(file, text, folder="_supporters_en")
        official.write_text(file, text, folder="_supporters_fr")
    official.commit("Add a detailed page for each support")
    official.remove("university_of_lima.md", folder="_supporters_en")
    official.remove("university_of_lima.md", folder="_supporters_fr")
    third = official.commit("Merge pull request #9 from ambanum/remove-lima-uni")
    official.remove("abb.md", folder="_supporters_en")
    official.remove("abb.md", folder="_supporters_fr")
    official.write("abb-private-sector-SWE.md", "ABB", country="SWE")
    official.commit("Use only one supporter collection")

    assert official.events() == [
        (first, "listed", "abb-private-sector-SWE", "ABB"),
        (first, "listed", "university_of_lima", "University of Lima"),
        (third, "delisted", "university_of_lima", "University of Lima"),
    ]


def test_a_change_merged_from_a_branch_is_cited_to_the_commit_that_made_it(official):
    official.write("abb-private-sector-SWE.md", "ABB", country="SWE")
    official.commit("Add supporters")
    official._git("checkout", "-q", "-b", "feat/add-usa")
    official.write("etats_unis-state-USA.md", "États-Unis", "state", "USA")
    branch = official.commit("feat: add USA to supporters")
    official._git("checkout", "-q", "main")
    official.merge("feat/add-usa", "Merge pull request #46")

    with Repository(official.path) as repository:
        event = derive(repository)[-1]
    assert (event.commit, event.kind, event.entry, event.message) == (
        branch,
        "listed",
        "etats_unis-state-USA",
        "feat: add USA to supporters",
    )
