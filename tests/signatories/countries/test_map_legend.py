"""The map's legend tells the truth: each of its numbers is the number of countries drawn
so, and a supporting state's hatching never hides its country's count class."""

import datetime
import re
from collections import Counter

import pytest
from django.urls import reverse

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

COUNTRIES = reverse("signatories:countries")
MAP_LINK = re.compile(r'<a href="/countries/(\w\w)/" class="([\w -]+?)(?: highlighted)?"')
LEGEND_ENTRY = re.compile(
    r'<span class="swatch (?:swatch--hatched )?([\w-]+)" aria-hidden="true"></span>\s*'
    r"(.*?) \((\d+) [^)]+\)\s*</li>",
    re.DOTALL,
)


@pytest.fixture
def directory():
    """The United States as a state with 154 companies besides (155 supporters, as on the
    official list of 2025), France as a state with one NGO, a Kenyan company, and Malta,
    a state that left."""
    StateFactory(country="US")
    SignatoryFactory.create_batch(154, type="private-sector", country="US", kind="company")
    StateFactory(country="FR")
    SignatoryFactory(country="FR")
    SignatoryFactory(type="private-sector", country="KE", kind="company")
    StateFactory(country="MT", status="former", left_on=datetime.date(2025, 12, 25))


def _drawn(html: str) -> dict[str, set[str]]:
    return {code.upper(): set(css.split()) for code, css in MAP_LINK.findall(html)}


def _legend(html: str) -> dict[str, tuple[str, int]]:
    """Each legend entry's class → (what it says, how many countries it counts)."""
    return {css: (" ".join(label.split()), int(n)) for css, label, n in LEGEND_ENTRY.findall(html)}


def test_a_supporting_state_keeps_its_count_class_and_is_hatched(client, directory):
    drawn = _drawn(client.get(COUNTRIES).text)
    assert drawn["US"] == {"shade-4", "state"}
    assert drawn["FR"] == {"shade-1", "state"}
    assert drawn["KE"] == {"shade-1"}
    # Malta is no longer a supporter: it has none today.
    assert "MT" not in drawn or drawn["MT"] == {"shade-0"}


def test_the_legend_counts_the_countries_drawn_in_each_class(client, directory):
    html = client.get(COUNTRIES).text
    drawn = _drawn(html)
    legend = _legend(html)
    assert legend["shade-4"] == ("100 or more supporters", 1)
    assert legend["shade-1"] == ("1 to 4 supporters", 2)
    assert legend["state"] == ("State supports the Call", 2)
    # Every number in the legend is what the map draws, class by class.
    classes = Counter(css for classes in drawn.values() for css in classes)
    assert {css: count for css, (_label, count) in legend.items()} == {
        css: classes[css] for css in legend
    }
    # The shades partition the drawn countries: each is counted once.
    shades = ["shade-0", "shade-1", "shade-2", "shade-3", "shade-4"]
    assert sum(legend[css][1] for css in shades) == len(drawn)
    # No former state is drawn today, so the legend does not offer one.
    assert "former-state" not in legend


def test_with_former_supporters_the_legend_names_the_former_state(client, directory):
    html = client.get(COUNTRIES, {"status": "former"}).text
    assert _drawn(html)["MT"] == {"shade-1", "former-state"}
    assert _legend(html)["former-state"] == ("State is a former supporter", 1)
    assert _legend(html)["state"] == ("State supports the Call", 0)


def test_the_home_page_legend_says_the_same_in_french(client, directory):
    html = client.get("/fr/").text
    legend = _legend(html)
    assert legend["shade-4"][1] == 1
    assert legend["state"] == ("L’État soutient l’Appel", 2)
