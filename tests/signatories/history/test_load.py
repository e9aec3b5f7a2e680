"""Loading the official list's history: first appearances, departures, events, citations."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from signatories.history.load import HISTORY_REASON, load_history_file
from signatories.history.rows import HistoryFileError
from signatories.models import Citation, Signatory, SignatoryAlliance, SignatoryEvent, Source
from tests.factories import StateFactory
from tests.signatories.history.helpers import C1, C2, C3, C4, C5, C6, ROWS, SNAPSHOT, history, row
from tests.signatories.importing.helpers import official, write

pytestmark = pytest.mark.django_db
DAY = datetime.date


@pytest.fixture
def directory(tmp_path):
    """The directory as `make run` leaves it before the history: the seed and the snapshot."""
    StateFactory(
        country="FR",
        supporter_since=DAY(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    call_command(
        "import_signatories",
        write(tmp_path, official(*SNAPSHOT), "official-supporters-2025-12-25.csv"),
        "--full-list",
        stdout=io.StringIO(),
    )


def _load(tmp_path, rows=ROWS):
    return load_history_file(write(tmp_path, history(*rows), "official-history.csv"))


def _get(name: str) -> Signatory:
    return Signatory.objects.get(name=name)


def test_a_supporter_listed_in_the_first_commit_is_a_supporter_by_that_day(tmp_path, directory):
    _load(tmp_path)
    abb = _get("ABB")
    assert (abb.supporter_since, abb.supporter_since_precision) == (DAY(2019, 9, 16), "day")
    assert abb.supporter_since_is_bound
    assert abb.since_display == "by 16 September 2019"


def test_a_state_is_matched_by_its_country_whatever_its_french_name(tmp_path, directory):
    _load(tmp_path)
    assert _get("Sweden").supporter_since == DAY(2019, 9, 16)
    assert not Signatory.objects.filter(name="Suède").exists()


def test_an_earlier_date_or_an_exact_one_is_never_replaced(tmp_path, directory):
    _load(tmp_path)
    france = _get("France")
    assert (france.supporter_since, france.supporter_since_precision) == (DAY(2019, 1, 1), "month")
    newcomer = _get("Newcomer")  # its exact date_signed is 2021-11-11
    assert (newcomer.supporter_since, newcomer.supporter_since_is_bound) == (
        DAY(2021, 11, 11),
        False,
    )


def test_an_organisation_named_by_a_renamed_entry_appears_at_the_rename(tmp_path, directory):
    _load(tmp_path)
    beta = _get("Beta Holdings")
    assert beta.supporter_since == DAY(2020, 11, 20)
    renamed = beta.events.get(kind="renamed")
    assert renamed.before["name"] == "Beta Ltd"
    assert renamed.after["name"] == "Beta Holdings"
    assert renamed.source.title.endswith("Rename, tidy")


def test_the_organisation_a_renamed_entry_named_before_left_at_the_rename(tmp_path, directory):
    _load(tmp_path)
    before = _get("Beta Ltd")
    assert (before.status, before.left_on, before.supporter_since) == (
        "former",
        DAY(2020, 11, 20),
        DAY(2019, 9, 16),
    )
    assert before.left_source.url.endswith(C6)
    assert [event.kind for event in before.events.order_by("date")] == ["listed", "delisted"]
    assert [event.kind for event in _get("Beta Holdings").events.all()] == ["renamed"]


def test_an_entry_gone_for_good_is_a_former_supporter_cited_to_its_commit(tmp_path, directory):
    report = _load(tmp_path)
    old = _get("Old Org")
    assert report.recorded_former == ["Old Org", "Beta Ltd"]
    assert (old.status, old.left_on) == ("former", DAY(2020, 3, 1))
    assert old.left_source.url == f"https://github.com/ambanum/pariscall.international/commit/{C3}"
    assert old.left_source.kind == "official-repository"
    assert old.supporter_since == DAY(2019, 9, 16)
    assert [event.kind for event in old.events.order_by("date")] == ["listed", "delisted"]
    assert (old.type, old.country.code, old.kind) == ("civil-society", "FR", "NGO")


def test_a_duplicate_removed_is_not_a_departure(tmp_path, directory):
    report = _load(tmp_path)
    stays = _get("Stays")
    assert stays.status == "current"
    assert not stays.events.filter(kind="delisted").exists()
    assert "stays-copy: a duplicate of a current entry" in report.skipped


def test_a_supporter_that_left_and_came_back_is_current_with_both_events(tmp_path, directory):
    _load(tmp_path)
    gamma = _get("Gamma")
    assert gamma.status == "current"
    assert gamma.left_on is None
    events = [(event.date, event.kind) for event in gamma.events.order_by("date")]
    assert events == [
        (DAY(2019, 9, 16), "listed"),
        (DAY(2020, 5, 1), "delisted"),
        (DAY(2020, 7, 1), "relisted"),
    ]
    assert [event.commit for event in gamma.events.order_by("date")][1:] == [C4, C5]


def test_a_correction_keeps_the_fields_before_and_after(tmp_path, directory):
    _load(tmp_path)
    corrected = _get("Acme Corp").events.get(kind="corrected")
    assert (corrected.before["country"], corrected.after["country"]) == ("US", "GB")
    assert corrected.commit == C2


def test_every_event_cites_its_commit_with_the_entry_quoted(tmp_path, directory):
    _load(tmp_path)
    event = _get("ABB").events.get(kind="listed")
    assert event.citation.source == event.source
    assert event.source.url.endswith(f"/commit/{C1}")
    assert event.source.date == DAY(2019, 9, 16)
    assert "_supporters/abb.md" in event.citation.passage
    assert event.citation.basis == "derived"
    assert event.citation.reasoning
    assert Source.objects.filter(kind="official-repository").count() == 7


def test_alliances_are_kept_as_cited_facts(tmp_path, directory):
    _load(tmp_path)
    alliances = {(a.signatory.name, a.alliance) for a in SignatoryAlliance.objects.all()}
    assert alliances == {("ABB", "charter-of-trust"), ("Acme Corp", "cyber-tech-accord")}
    assert SignatoryAlliance.objects.get(alliance="charter-of-trust").citation.source.url.endswith(
        C1
    )


def test_loading_again_changes_nothing(tmp_path, directory):
    _load(tmp_path)
    counts = (
        Signatory.objects.count(),
        Signatory.history.count(),
        Citation.objects.count(),
        Citation.history.count(),
        SignatoryEvent.objects.count(),
        SignatoryAlliance.objects.count(),
    )
    report = _load(tmp_path)
    assert not report.changes_anything
    assert counts == (
        Signatory.objects.count(),
        Signatory.history.count(),
        Citation.objects.count(),
        Citation.history.count(),
        SignatoryEvent.objects.count(),
        SignatoryAlliance.objects.count(),
    )


def test_the_loader_writes_history_records_under_its_own_reason(tmp_path, directory):
    _load(tmp_path)
    reasons = set(_get("ABB").history.values_list("history_change_reason", flat=True))
    assert HISTORY_REASON in reasons


def test_a_newer_import_of_the_snapshot_keeps_the_history_dates(tmp_path, directory):
    _load(tmp_path)
    call_command(
        "import_signatories",
        write(tmp_path, official(*SNAPSHOT), "official-supporters-2025-12-25.csv"),
        "--full-list",
        stdout=io.StringIO(),
    )
    assert _get("ABB").supporter_since == DAY(2019, 9, 16)
    assert _get("Old Org").status == "former"


def test_an_entry_on_the_list_that_the_directory_lacks_is_reported(tmp_path, directory):
    report = _load(tmp_path, [*ROWS, ROWS[0].replace("abb", "unknown").replace("ABB", "Zed")])
    assert report.unmatched == ["unknown"]


def test_a_file_in_another_format_is_refused_naming_the_problem(tmp_path):
    bad = write(tmp_path, "date,commit\n2019-09-16,abc\n", "official-history.csv")
    with pytest.raises(HistoryFileError, match="The header must be"):
        load_history_file(bad)
    rows = [ROWS[0].replace("2019-09-16", "16/09/2019")]
    with pytest.raises(HistoryFileError, match="Line 2: '16/09/2019' is not a date"):
        _load(tmp_path, rows)
    with pytest.raises(HistoryFileError, match="unknown kind 'moved'"):
        _load(tmp_path, [ROWS[0].replace("listed", "moved")])


def test_the_command_reports_what_it_did_and_refuses_a_bad_file(tmp_path, directory):
    out = io.StringIO()
    call_command("load_official_history", write(tmp_path, history(*ROWS), "h.csv"), stdout=out)
    assert "2 former supporters recorded" in out.getvalue()
    with pytest.raises(CommandError, match="The header must be"):
        call_command("load_official_history", write(tmp_path, "x\n", "bad.csv"))


def test_a_correction_of_nothing_the_directory_shows_is_left_out(tmp_path, directory):
    spelling = row(
        "2020-01-02",
        "8" * 40,
        "corrected",
        "abb",
        "ABB",
        "private-sector",
        "SWE",
        "entreprise",
        before=("ABB", "private-sector", "SWE", "Entreprise"),
        message="Lower-case natures",
    )
    report = _load(tmp_path, [*ROWS, spelling])
    assert report.invisible == 1
    assert not _get("ABB").events.filter(kind="corrected").exists()


def test_search_finds_the_loaded_supporters_with_their_new_status_and_date(
    client, tmp_path, directory
):
    _load(tmp_path)
    former = client.get("/signatories/", {"q": "old org", "status": "former"})
    assert [row.name for row in former.context["page_obj"].object_list] == ["Old Org"]
    dated = client.get("/signatories/", {"q": "abb", "since": "2019"})
    assert [row.name for row in dated.context["page_obj"].object_list] == ["ABB"]
