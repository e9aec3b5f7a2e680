"""Realistic synthetic supporters for benchmarks and load tests on scratch databases.

Types follow the official list's proportions (states: at most one per country, as the
database requires); every M49 country appears; names are plausible and unique, a few with
accents; some have a website, a statement and a supporter-since date at day, month or year
precision. A few organisations give no country or region (region `unknown`, as on the
official list), and some have left the Call (`former`, with the date they left). The same
seed always gives the same rows.
"""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django_countries import countries

from signatories.data.m49 import M49
from signatories.languages.collation import french_sort_key
from signatories.models.names import french_name_of_country
from signatories.text import name_key, normalise

SLUG_PREFIX = "synthetic-"

# The official list's proportions of non-state supporters (2025-12-25): 708 companies,
# 391 NGOs / civil society, 37 public authorities.
TYPE_WEIGHTS = {"private-sector": 708, "civil-society": 391, "public-authority": 37}

KINDS = {
    "private-sector": ["company", "company", "company", "trade association", "chamber of commerce"],
    "civil-society": ["non-profit organisation", "university", "foundation", "think tank", "NGO"],
    "public-authority": ["local authority", "agency", "independent authority"],
}
PLACES = (  # noqa: SIM905  (a list of words reads better as words)
    "Aurora Atlas Baltic Boreal Cedar Coastal Danube Delta Eastern Everest Fjord Granite Harbor "
    "Highland Horizon Iberian Island Lakeside Meridian Metro Nordic Northern Oasis Pacific Pampas "
    "Prairie Riverside Sahel Savanna Sierra Southern Steppe Summit Tidal Urban Valley Western "
    "Zürich Montréal Bogotá Kraków Malmö Düsseldorf São-Paulo Besançon"
).split()
WORDS = (  # noqa: SIM905  (a list of words reads better as words)
    "Cyber Digital Secure Trust Network Data Cloud Signal Quantum Resilience Infrastructure "
    "Privacy Crypto Identity Software Systems Internet Information Code Open Civic Policy "
    "Research Defence Integrity Shield Bridge Beacon Sentinel Vector Matrix Circuit Protocol "
    "Sécurité Numérique Réseau Données Confiance Société Éthique Génie"
).split()
FORMS = {
    "private-sector": ["Technologies", "Solutions", "Labs", "Group", "Partners", "Industries"],
    "civil-society": ["Institute", "Foundation", "Alliance", "Society", "Forum", "Centre"],
    "public-authority": ["Agency", "Authority", "Office", "Council", "Directorate", "Board"],
}
STATEMENTS = [
    "We support the Paris Call because a secure cyberspace is a shared responsibility.",
    "Trust in digital technologies depends on common rules that everyone respects.",
    "We commit to strengthening cyber hygiene among our members and partners.",
    "Protecting elections and critical infrastructure from cyberattacks is essential.",
]
# Shares of the organisations that give no country (region "unknown") and that have left.
UNKNOWN_REGION_SHARE = 0.005
FORMER_SHARE = 0.04
FIRST_DAY = datetime.date(2018, 11, 12)
LAST_DAY = datetime.date(2025, 12, 25)


@dataclass(frozen=True)
class SyntheticRow:
    name: str
    slug: str
    type: str
    country: str
    region: str
    kind: str
    website: str
    statement: str
    supporter_since: datetime.date | None
    supporter_since_precision: str
    supporter_since_is_bound: bool
    sort_name: str
    name_key: str
    search_text: str
    status: str = "current"
    left_on: datetime.date | None = None
    name_fr: str = ""
    sort_name_fr: str = ""


def country_codes() -> list[str]:
    """The countries both ISO 3166 (django-countries) and UN M49 know."""
    return sorted(code for code in M49 if code in countries)


def rows(count: int, seed: int = 0) -> Iterator[SyntheticRow]:
    """`count` synthetic supporters, the same ones for the same seed."""
    rng = random.Random(seed)
    codes = country_codes()
    state_count = min(len(codes), round(count * 81 / 1222))
    for index, code in enumerate(rng.sample(codes, state_count)):
        yield _state(index, code, rng)
    types, weights = zip(*TYPE_WEIGHTS.items(), strict=True)
    for index in range(state_count, count):
        type_ = rng.choices(types, weights)[0]
        # Every country appears: the first rows go round them all, the rest at random.
        code = codes[index % len(codes)] if index < 2 * len(codes) else rng.choice(codes)
        yield _organisation(index, type_, code, rng)


def _state(index: int, code: str, rng: random.Random) -> SyntheticRow:
    name = str(countries.name(code))
    name_fr = french_name_of_country(code)
    since, precision, by = _since(rng, always=True)
    return SyntheticRow(
        name=name,
        slug=f"{SLUG_PREFIX}{index}-{code.lower()}",
        type="state",
        country=code,
        region=M49[code][0],
        kind="",
        website="",
        statement="",
        supporter_since=since,
        supporter_since_precision=precision,
        supporter_since_is_bound=by,
        sort_name=normalise(name),
        name_key=name_key(name),
        search_text=normalise(f"{name} {name_fr}"),
        name_fr=name_fr,
        sort_name_fr=french_sort_key(name_fr),
    )


def _organisation(index: int, type_: str, code: str, rng: random.Random) -> SyntheticRow:
    # The index in words makes every name unique without a look-up table.
    if rng.random() < UNKNOWN_REGION_SHARE:
        code = ""
    name = (
        f"{rng.choice(PLACES)} {rng.choice(WORDS)} {rng.choice(WORDS)} "
        f"{rng.choice(FORMS[type_])} {_base26(index)}"
    )
    has_website = rng.random() < 0.3
    since, precision, by = _since(rng, always=False)
    left_on = _left_on(rng, since) if rng.random() < FORMER_SHARE else None
    return SyntheticRow(
        name=name,
        slug=f"{SLUG_PREFIX}{index}",
        type=type_,
        country=code,
        region=M49[code][0] if code else "unknown",
        kind=rng.choice(KINDS[type_]),
        website=f"https://org{index}.example.org" if has_website else "",
        statement=rng.choice(STATEMENTS) if rng.random() < 0.1 else "",
        supporter_since=since,
        supporter_since_precision=precision,
        supporter_since_is_bound=by,
        sort_name=normalise(name),
        name_key=name_key(name),
        search_text=normalise(name),
        status="former" if left_on else "current",
        left_on=left_on,
        sort_name_fr=french_sort_key(name),
    )


def _left_on(rng: random.Random, since: datetime.date | None) -> datetime.date:
    """A day after it joined (or after the launch) and before the last official list."""
    start = since or FIRST_DAY
    return start + datetime.timedelta(days=1 + rng.randrange((LAST_DAY - start).days))


def _since(rng: random.Random, always: bool) -> tuple[datetime.date | None, str, bool]:
    if not always and rng.random() < 0.4:
        return None, "day", False
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    precision = rng.choice(["day", "day", "month", "year"])
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, precision, rng.random() < 0.2


def _base26(number: int) -> str:
    """1 → "B", 26 → "BA": a short unique tag that reads like a code, not a row number."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + letters
        if number == 0:
            return letters
