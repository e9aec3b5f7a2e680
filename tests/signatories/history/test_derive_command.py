"""The command that derives the official list's history: the same CSV every time."""

import csv
import io

import pytest
from django.core.management import call_command

from tests.signatories.history.official_repository import Official

# Git and files only: no database.
pytestmark = pytest.mark.once


@pytest.fixture
def official(tmp_path):
    return Official(tmp_path)


def _history(path) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("derive_official_history", str(path), stdout=out, stderr=err)
    return out.getvalue()


def test_the_command_writes_the_same_csv_every_time_sorted_by_date(official):
    official.write("abb-private-sector-SWE.md", "ABB", country="SWE")
    official.write("bbva-private-sector-ESP.md", "BBVA", country="ESP")
    official.commit("Add supporters")
    official.remove("bbva-private-sector-ESP.md")
    official.write("aapti-civil-society-IND.md", "Aapti Institute", "civil-society", "IND")
    official.commit("Add Aapti, delete BBVA")

    first, second = _history(official.path), _history(official.path)

    assert first == second
    rows = list(csv.DictReader(io.StringIO(first)))
    assert [(row["date"], row["kind"], row["entry"]) for row in rows] == [
        ("2020-01-02", "listed", "abb-private-sector-SWE"),
        ("2020-01-02", "listed", "bbva-private-sector-ESP"),
        ("2020-01-03", "listed", "aapti-civil-society-IND"),
        ("2020-01-03", "delisted", "bbva-private-sector-ESP"),
    ]
    assert rows[-1]["file"] == "_supporters/bbva-private-sector-ESP.md"
    assert rows[-1]["message"] == "Add Aapti, delete BBVA"
    assert first.endswith("\n")
    assert "\r" not in first


def test_the_command_refuses_a_path_that_is_no_repository(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a directory"):
        _history(tmp_path / "missing")
