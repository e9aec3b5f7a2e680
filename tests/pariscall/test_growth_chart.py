"""The home page's growth chart: the directory's records as a line, the reported counts as dots."""

import datetime

import pytest
from django.urls import reverse

from pariscall.charts import recorded_growth
from tests.factories import (
    MilestoneCountFactory,
    MilestoneFactory,
    SignatoryFactory,
    SourceFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date


@pytest.fixture
def records():
    source = SourceFactory(title="Official counts", kind="official-list")
    for day, count in ((DAY(2019, 9, 16), 2), (DAY(2021, 11, 12), 3)):
        milestone = MilestoneFactory(date=day, source=source, date_precision="day")
        MilestoneCountFactory(milestone=milestone, type="state", count=count)
    StateFactory(country="FR", supporter_since=DAY(2018, 11, 12))
    StateFactory(country="DE", supporter_since=DAY(2019, 9, 16), supporter_since_is_bound=True)
    StateFactory(
        country="JP",
        supporter_since=DAY(2019, 9, 16),
        status="former",
        left_on=DAY(2020, 3, 1),
    )
    StateFactory(country="US", supporter_since=DAY(2021, 11, 11))
    StateFactory(country="IT")  # no date: on no day's count
    SignatoryFactory(type="civil-society", supporter_since=DAY(2020, 1, 1))


def test_the_recorded_series_counts_each_day_as_as_of_does(records):
    assert recorded_growth()["state"] == [
        (DAY(2018, 11, 12), 1),
        (DAY(2019, 9, 16), 3),
        (DAY(2020, 3, 1), 2),
        (DAY(2021, 11, 11), 3),
    ]


def test_home_draws_the_records_as_a_line_and_the_reported_counts_as_dots(client, records):
    text = " ".join(client.get(reverse("home")).text.split())
    assert text.count('class="line line--recorded"') == 1  # states: the only type reported
    assert text.count('<circle class="dot"') == 2
    assert "The directory records 1 on 12 November 2018 and 3 on 11 November 2021." in text
    assert "the line is what the directory records day by day" in text


def test_the_french_home_describes_the_line_in_french(client, records):
    text = " ".join(client.get("/fr/").text.split())
    assert "L’annuaire en recense 1 le 12 novembre 2018 et 3 le 11 novembre 2021." in text
