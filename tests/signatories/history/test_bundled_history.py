"""data/official-history.csv agrees with the official list bundled beside it."""

import csv
from pathlib import Path

import pytest

# Git and files only: no database.
pytestmark = pytest.mark.once

DATA = Path(__file__).resolve().parents[3] / "data"


def _current(rows):
    entries = {}
    for row in rows:
        if row["kind"] == "delisted":
            entries.pop(row["entry"])
        else:
            entries[row["entry"]] = row
    return entries


def test_the_entries_current_at_the_end_of_the_history_are_the_official_list():
    with open(DATA / "official-history.csv", encoding="utf-8", newline="") as file:
        history = list(csv.DictReader(file))
    with open(DATA / "official-supporters-2025-12-25.csv", encoding="utf-8", newline="") as file:
        official = list(csv.DictReader(file))

    current = _current(history)

    assert sorted(
        (row["name"].strip(), row["category"], row["country"], row["nature"].strip())
        for row in current.values()
    ) == sorted(
        (row["name"].strip(), row["category"], row["nationality"], row["nature"].strip())
        for row in official
    )


def test_the_history_is_sorted_by_date_and_every_row_cites_a_commit():
    with open(DATA / "official-history.csv", encoding="utf-8", newline="") as file:
        history = list(csv.DictReader(file))

    assert [row["date"] for row in history] == sorted(row["date"] for row in history)
    assert all(len(row["commit"]) == 40 for row in history)
