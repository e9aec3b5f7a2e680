"""The list writes a date in a few characters that keep a row on one line, marks a "by"
date, and keeps the full wording for screen readers and the tooltip, in both languages."""

import datetime
import re

import pytest
from django.utils import translation

from signatories.dates import compact
from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "date", "precision", "expected"),
    [
        ("en", datetime.date(2019, 11, 10), "day", "10 Nov 2019"),
        ("fr", datetime.date(2019, 11, 10), "day", "10 nov. 2019"),
        ("fr", datetime.date(2019, 1, 1), "day", "1er janv. 2019"),
        ("fr", datetime.date(2022, 2, 7), "day", "7 févr. 2022"),
        ("en", datetime.date(2019, 1, 1), "month", "Jan 2019"),
        ("fr", datetime.date(2019, 7, 1), "month", "juil. 2019"),
        ("fr", datetime.date(2019, 1, 1), "year", "2019"),
    ],
)
def test_the_compact_form_never_wraps(language, date, precision, expected):
    with translation.override(language):
        assert compact(date, precision) == expected.replace(" ", NBSP)


def _since_cell(html: str, name: str) -> str:
    row = re.search(rf">{re.escape(name)}</a></th>.*?</tr>", html, re.DOTALL)
    assert row, name
    return re.search(r'<td data-label="[^"]+" class="since">(.*?)</td>', row.group(0)).group(1)


@pytest.fixture
def supporters():
    SignatoryFactory(
        name="Bound",
        supporter_since=datetime.date(2019, 11, 10),
        supporter_since_precision="day",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="Exact",
        supporter_since=datetime.date(2020, 6, 30),
        supporter_since_precision="day",
        supporter_since_is_bound=False,
    )
    SignatoryFactory(name="Undated", supporter_since=None)


def test_a_by_date_is_marked_and_worded_in_full(client, supporters):
    cell = _since_cell(client.get("/signatories/").text, "Bound")
    assert cell == (
        '<time datetime="2019-11-10" title="by 10 November 2019">'
        f'<span aria-hidden="true"><span class="since-by">≤</span>{NBSP}10{NBSP}Nov{NBSP}2019'
        '</span><span class="visually-hidden">by 10 November 2019</span></time>'
    )


def test_an_exact_date_has_no_marker(client, supporters):
    cell = _since_cell(client.get("/signatories/").text, "Exact")
    assert "since-by" not in cell
    assert f">30{NBSP}Jun{NBSP}2020<" in cell
    assert _since_cell(client.get("/signatories/").text, "Undated") == "–"


def test_in_french_the_date_and_its_wording_are_french(client, supporters):
    html = client.get("/fr/signatories/").text
    cell = _since_cell(html, "Bound")
    assert f"10{NBSP}nov.{NBSP}2019" in cell
    assert 'title="au plus tard le 10 novembre 2019"' in cell
    # The key under the table says what the marker means.
    assert "≤ devant une date" in html
